/**
 * Suppression audit for the library's own tests: the package's `auditSuppressions`
 * (compliance/suppression-audit.ts) restricted to the suppressions one block adds.
 *
 * A suppression is audited when its caller, the first `/src/` frame of the call stack outside
 * src/core/suppressions.ts, lies in one of `options.sources`. Calls from other sources still take
 * effect, they are just not audited here (e.g. the tenant network's suppressions when a
 * TenantFunction is audited). Every acknowledgement is stripped before the gates run once more.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { RecordedSuppression, SuppressionAudit, auditSuppressions as auditAll } from '../../compliance/suppression-audit';

export type { AuditedSuppression, RecordedSuppression, SuppressionAudit } from '../../compliance/suppression-audit';
export { stripAcknowledgements, unusedSuppressions } from '../../compliance/suppression-audit';

/** Options of {@link auditSuppressions}. */
export interface SuppressionAuditOptions {
  /**
   * Which suppressions are audited, by where their caller's source file lies under `src/`, with
   * `/` separators: a folder with a trailing slash (`'platform/hub/'`: every file in
   * src/platform/hub) or a file path without extension (`'core/vpc-function-cleanup'`: that file,
   * and any file whose name continues it). A core construct built by a block counts as core.
   */
  readonly sources: readonly string[];
}

const SRC = `${path.sep}src${path.sep}`;
const SUPPRESSIONS_FILE = `${SRC}core${path.sep}suppressions.`;

/** Runs `build`, then audits the suppressions added from `options.sources` (see the module comment). */
export function auditSuppressions(build: () => IConstruct | IConstruct[], options: SuppressionAuditOptions): SuppressionAudit {
  // A source that names nothing under src/ (e.g. a folder that moved) would audit nothing and pass.
  const missing = options.sources.filter((s) => !sourceExists(s));
  if (missing.length > 0) {
    throw new Error(`auditSuppressions: no file under src/ matches ${missing.join(', ')}`);
  }
  const prefixes = options.sources.map((s) => `${SRC}${s.split('/').join(path.sep)}`);
  return auditAll(build, { include: (r) => prefixes.some((prefix) => callerOf(r).includes(prefix)) });
}

/** True when `source` (see {@link SuppressionAuditOptions.sources}) names a folder or a file prefix under src/. */
function sourceExists(source: string): boolean {
  const full = path.join(__dirname, '..', '..', 'src', ...source.split('/'));
  if (source.endsWith('/')) {
    return fs.existsSync(full) && fs.statSync(full).isDirectory();
  }
  const dir = path.dirname(full);
  return fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.startsWith(path.basename(full)));
}

/** The first `/src/` frame of the recorded call stack that is not Suppressions.add itself. */
function callerOf(r: RecordedSuppression): string {
  return r.stack?.split('\n').find((line) => line.includes(SRC) && !line.includes(SUPPRESSIONS_FILE)) ?? '';
}
