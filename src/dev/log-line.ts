/**
 * One log line as the developer loop prints it, locally (`tenant-blocks dev`) and from the hub
 * (`tenant-blocks logs`): time, source, request id, level, message, tab-separated like Lambda's own
 * lines, so one request can be followed across the function and the database with `grep <id>`.
 *
 * Internal: not exported from the package's barrels.
 */

/** Where a line comes from. */
export type LogSource = 'function' | 'database' | 'network' | 'dev';

/** One structured log line. */
export interface LogLine {
  /** ISO 8601 time in UTC. */
  readonly time: string;
  readonly source: LogSource;
  /** The request the line belongs to (`-` when none). */
  readonly requestId?: string;
  /** INFO, WARN, ERROR, DEBUG, LOG (PostgreSQL), ... (`-` when the line has none). */
  readonly level?: string;
  readonly message: string;
}

/** `2026-12-06T17:50:01.123Z  function  <request id>  INFO  message` (tab-separated, one line). */
export function formatLogLine(line: LogLine): string {
  const message = line.message.replace(/\r?\n/g, '\\n');
  return [line.time, line.source, line.requestId ?? '-', line.level ?? '-', message].join('\t');
}

/** A line as the provisioner's API answers `GET /tenants/{id}/logs/{queryId}` (the hub's shipped lines). */
export interface HubLogLine {
  /** ISO 8601. */
  readonly timestamp: string;
  readonly source: string;
  readonly requestId?: string | null;
  readonly level?: string | null;
  readonly message: string;
}

/** A hub line as a {@link LogLine}: `tenant-blocks logs` prints it exactly like `tenant-blocks dev` prints its own. */
export function fromHubLogLine(line: HubLogLine): LogLine {
  const time = new Date(line.timestamp);
  return {
    time: Number.isNaN(time.getTime()) ? String(line.timestamp) : time.toISOString(),
    source: line.source as LogSource,
    requestId: line.requestId ?? undefined,
    level: line.level ?? undefined,
    message: String(line.message ?? ''),
  };
}

/** The inverse of {@link formatLogLine} (undefined for a line of another shape). */
export function parseLogLine(text: string): LogLine | undefined {
  const parts = text.split('\t');
  if (parts.length < 5 || !/^\d{4}-\d\d-\d\dT/.test(parts[0])) return undefined;
  const [time, source, requestId, level, ...rest] = parts;
  return { time, source: source as LogSource, requestId: requestId === '-' ? undefined : requestId, level: level === '-' ? undefined : level, message: rest.join('\t').replace(/\\n/g, '\n') };
}

/**
 * A PostgreSQL server log line with `log_line_prefix = '%m [%a] '` (time, application name) as a
 * {@link LogLine}: apps that set `application_name` to the request id get it in every database line.
 */
export function fromPostgresLog(text: string): LogLine | undefined {
  const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?) (?:UTC|GMT) \[([^\]]*)\] (\w+):\s+(.*)$/.exec(text);
  if (!m) return undefined;
  const time = new Date(`${m[1].replace(' ', 'T')}Z`).toISOString();
  return { time, source: 'database', requestId: m[2] === '' || m[2] === '[unknown]' ? undefined : m[2], level: m[3], message: m[4] };
}
