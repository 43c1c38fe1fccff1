/**
 * Live progress of operations and rollouts: polls the API until the thing ends. On a terminal the
 * status line is redrawn in place; otherwise (CI logs, pipes) one line per change.
 */
import { ApiAnswer, ApiClient } from './client';

/** Where the CLI writes. */
export interface Output {
  readonly interactive: boolean;
  line(text: string): void;
  error(text: string): void;
  /** Redraws the status line (interactive) or prints it when it changed. */
  status(text: string): void;
  table(header: string[], rows: string[][]): void;
}

/** An Output on the process's streams. */
export function processOutput(): Output {
  let last = '';
  let open = false;
  const endStatus = () => {
    if (open) process.stdout.write('\n');
    open = false;
  };
  const interactive = process.stdout.isTTY === true;
  return {
    interactive,
    line(text) { endStatus(); process.stdout.write(`${text}\n`); },
    error(text) { endStatus(); process.stderr.write(`${text}\n`); },
    status(text) {
      if (text === last) return;
      last = text;
      if (interactive) {
        process.stdout.write(`\r\x1b[2K${text}`);
        open = true;
      } else {
        process.stdout.write(`${text}\n`);
      }
    },
    table(header, rows) {
      endStatus();
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      for (const r of [header, ...rows]) process.stdout.write(`${r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd()}\n`);
    },
  };
}

const OPERATION_END = ['SUCCEEDED', 'FAILED', 'SKIPPED', 'REJECTED'];
const ROLLOUT_END = ['SUCCEEDED', 'FAILED', 'STOPPED', 'ABORTED', 'TIMED_OUT', 'DENIED', 'EXPIRED'];

/** Follows an operation until it ends; 0 when it succeeded (or had nothing to do). */
export async function watchOperation(client: ApiClient, out: Output, operationId: string, pollMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const a = await client.request('GET', `/operations/${encodeURIComponent(operationId)}`);
    if (a.status !== 200) return refused(out, a);
    const op = a.json.operation;
    const seconds = Math.round((Date.now() - started) / 1000);
    out.status(`${op.type} ${op.tenantId}: ${op.status}${phase(op)} (${seconds}s)`);
    if (OPERATION_END.includes(op.status)) {
      if (op.status === 'SUCCEEDED' || op.status === 'SKIPPED') {
        out.line(`operation ${op.operationId} ${op.status}${op.durationSeconds !== undefined ? ` in ${op.durationSeconds}s` : ''}`);
        return 0;
      }
      out.error(`operation ${op.operationId} ${op.status}${op.reason ? `: ${op.reason}` : ''}`);
      for (const r of failedResources(op)) out.error(r);
      return 1;
    }
    await sleep(pollMs);
  }
}

/** Follows a rollout wave by wave until it ends; 0 when it succeeded. */
export async function watchRollout(client: ApiClient, out: Output, rolloutId: string, pollMs: number): Promise<number> {
  let announced: number | undefined;
  for (;;) {
    const a = await client.request('GET', `/rollouts/${encodeURIComponent(rolloutId)}`);
    if (a.status !== 200) return refused(out, a);
    const r = a.json.rollout;
    out.status(`rollout ${r.rolloutId} of ${r.release}: ${r.status}${waves(r)}${tally(r)}`);
    if (r.awaitingApprovalForWave !== undefined && r.awaitingApprovalForWave !== announced) {
      announced = r.awaitingApprovalForWave;
      out.line(`waiting for an approval of wave ${r.awaitingApprovalForWave}: another approver runs \`tenant-blocks approve ${r.rolloutId}\` (or --deny)`);
    }
    if (ROLLOUT_END.includes(r.status) || (r.finishedAt !== undefined && r.status !== 'RUNNING')) {
      if (r.status === 'SUCCEEDED') {
        out.line(`rollout ${r.rolloutId} SUCCEEDED${tally(r)}`);
        return 0;
      }
      out.error(`rollout ${r.rolloutId} ${r.status}${r.reason ? `: ${r.reason}` : ''}`);
      for (const f of (r.results ?? []).filter((x: any) => x.status === 'FAILED')) out.error(`${f.tenantId}: ${f.reason ?? 'FAILED'}`);
      return 1;
    }
    await sleep(pollMs);
  }
}

function refused(out: Output, a: ApiAnswer): number {
  const problems: unknown = a.json?.problems;
  const lines = Array.isArray(problems) && problems.length > 0 ? problems.map(String) : [String(a.json?.message ?? `HTTP ${a.status}`)];
  for (const line of lines) out.error(line);
  return 1;
}

function phase(op: any): string {
  const status = op.outcome?.stackStatus;
  return typeof status === 'string' ? ` · stack ${status}` : '';
}

function failedResources(op: any): string[] {
  const failed = op.outcome?.failedResources;
  if (!Array.isArray(failed)) return [];
  return failed.map((f: any) => `${f.logicalResourceId ?? f.LogicalResourceId ?? '?'} (${f.resourceType ?? f.ResourceType ?? '?'}): ${f.reason ?? f.ResourceStatusReason ?? ''}`);
}

function waves(r: any): string {
  const total = Array.isArray(r.waves) ? r.waves.length : r.waveCount;
  const current = r.currentWave ?? r.waveIndex;
  if (total === undefined) return '';
  return current !== undefined ? ` · wave ${Number(current) + 1}/${total}` : ` · ${total} waves`;
}

function tally(r: any): string {
  if (!Array.isArray(r.results) || r.results.length === 0) return '';
  const counts = new Map<string, number>();
  for (const x of r.results) counts.set(String(x.status), (counts.get(String(x.status)) ?? 0) + 1);
  return ` · ${[...counts.entries()].map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ')}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
