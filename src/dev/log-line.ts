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
  /** INFO, WARN, ERROR, DEBUG, LOG (PostgreSQL), ... */
  readonly level: string;
  readonly message: string;
}

/** `2026-12-06T17:50:01.123Z  function  <request id>  INFO  message` (tab-separated, one line). */
export function formatLogLine(line: LogLine): string {
  const message = line.message.replace(/\r?\n/g, '\\n');
  return [line.time, line.source, line.requestId ?? '-', line.level, message].join('\t');
}

/** The inverse of {@link formatLogLine} (undefined for a line of another shape). */
export function parseLogLine(text: string): LogLine | undefined {
  const parts = text.split('\t');
  if (parts.length < 5 || !/^\d{4}-\d\d-\d\dT/.test(parts[0])) return undefined;
  const [time, source, requestId, level, ...rest] = parts;
  return { time, source: source as LogSource, requestId: requestId === '-' ? undefined : requestId, level, message: rest.join('\t').replace(/\\n/g, '\n') };
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
