/**
 * Suppression audit: every compliance suppression must suppress a finding in the configuration it
 * was added in. A suppression that matches nothing is a stale audit entry (the rule changed, the
 * resource was fixed, or the id was mistyped) and would silently hide the next real finding.
 */
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import { IConstruct, Node } from 'constructs';
import { ALL_GATES, Finding, Gate, complianceFindings } from './gates';

/**
 * One suppression as it was written: the same shape as cdk-tenant-blocks' `ComplianceSuppression`.
 *
 * @stability stable
 */
export interface AuditedSuppression {
  /** The rule id, e.g. `AwsSolutions-IAM5` or `CT.S3.PR.1` (without the granular part). */
  readonly id: string;
  /** The reason given for it. */
  readonly reason: string;
  /**
   * The granular findings it covers, e.g. `['Resource::*']`.
   *
   * @default - the plain rule id
   */
  readonly appliesTo?: string[];
}

/**
 * One suppression found by the audit, on the construct it was added on.
 *
 * @stability stable
 */
export interface RecordedSuppression {
  /** Construct path the suppression was added on. */
  readonly path: string;
  /** The suppression. */
  readonly suppression: AuditedSuppression;
  /**
   * The call stack of the call that added it (`new Error().stack` text), when the audit ran the
   * build itself; use it in {@link SuppressionAuditOptions.include} to audit only your own code.
   *
   * @default - not known (the audit was given constructs that were already built)
   */
  readonly stack?: string;
  /**
   * The frame of {@link stack} that added the suppression: the first one outside
   * `Suppressions.add`, aws-cdk-lib's `Validations`, constructs and this module, e.g.
   * `at new MyStack (/app/lib/my-stack.ts:42:5)`. A suppression a cdk-tenant-blocks block adds has
   * `node_modules/cdk-tenant-blocks/` in it; filter on that to audit only your own.
   *
   * @default - not known (see `stack`)
   */
  readonly caller?: string;
}

/**
 * Options of {@link auditSuppressions}.
 *
 * @stability stable
 */
export interface SuppressionAuditOptions {
  /**
   * Which suppressions to audit. Every suppression still takes effect while building; those left
   * out here are simply not required to match a finding (e.g. a shared construct's suppressions
   * that only matter in other configurations).
   *
   * @default - every suppression under the audited constructs
   */
  readonly include?: (suppression: RecordedSuppression) => boolean;
  /**
   * Gates to run. Suppressions of rules of gates not run are not audited.
   *
   * @default ALL_GATES
   */
  readonly gates?: readonly Gate[];
}

/**
 * What {@link auditSuppressions} found.
 *
 * @stability stable
 */
export interface SuppressionAudit {
  /** The audited suppressions, in the order they were added (or found in the tree). */
  readonly recorded: RecordedSuppression[];
  /** Every finding of the audited construct(s) with no suppression at all. */
  readonly raw: Finding[];
  /** `id @ path` / `id[appliesTo] @ path` of each audited suppression that matches no raw finding (see {@link unusedSuppressions}). */
  readonly unused: string[];
}

/**
 * Audits the compliance suppressions of a construct tree and reports those that suppress nothing.
 *
 * 1. The suppressions are collected: when `target` is a function, it is run (it creates the
 *    constructs and returns the scope or scopes to check, usually the stacks) and every
 *    acknowledgement added while it runs is recorded with its call stack, whoever adds it
 *    (`Suppressions.add`, `Validations.of(..).acknowledge`); when `target` is a construct (or
 *    several), the acknowledgements found on it and below it are taken.
 * 2. Every acknowledgement is removed from the whole construct tree, and the gates run once more
 *    over the scope(s): the raw findings. The acknowledgements are put back afterwards.
 * 3. {@link unusedSuppressions} lists each audited suppression that matches no raw finding.
 *
 * Assert both `recorded` (not empty: the audit looked at something) and `unused` (empty).
 *
 * @param target a function that builds and returns the scope(s) to audit, or the scope(s) themselves
 * @param options which suppressions to audit and which gates to run
 * @stability stable
 */
export function auditSuppressions(
  target: IConstruct | IConstruct[] | (() => IConstruct | IConstruct[]),
  options: SuppressionAuditOptions = {},
): SuppressionAudit {
  let scopes: IConstruct[];
  let found: RecordedSuppression[];
  if (typeof target === 'function') {
    const recording = recordAcknowledgements(target);
    scopes = recording.scopes;
    found = recording.recorded;
  } else {
    scopes = Array.isArray(target) ? target : [target];
    found = scopes.flatMap((scope) => scope.node.findAll().flatMap((c) => suppressionsOn(c)));
  }
  const gates = options.gates ?? ALL_GATES;
  const recorded = found.filter((r) => gateOf(r.suppression.id) !== undefined && gates.includes(gateOf(r.suppression.id)!)
    && (options.include?.(r) ?? true));

  const restore = scopes.map((scope) => stripAcknowledgements(scope.node.root));
  let raw: Finding[];
  try {
    raw = scopes.flatMap((scope) => complianceFindings(scope, { gates }));
  } finally {
    restore.forEach((undo) => undo());
  }
  return { recorded, raw, unused: unusedSuppressions(recorded, raw) };
}

/**
 * `id` or `id[appliesTo]` keys, as the gates report them, that `recorded` suppresses without any
 * raw finding on the suppression's construct or below it. A suppression with `appliesTo` yields one
 * key per entry, each of which must match a finding exactly; a plain id also matches the rule's
 * granular findings (`AwsSolutions-IAM5` matches `AwsSolutions-IAM5[Resource::*]`).
 *
 * @param recorded the suppressions to check
 * @param raw the findings with no suppression at all
 * @stability stable
 */
export function unusedSuppressions(recorded: readonly RecordedSuppression[], raw: readonly Finding[]): string[] {
  const unused: string[] = [];
  for (const { path: scope, suppression } of recorded) {
    const keys = suppression.appliesTo ? suppression.appliesTo.map((a) => `${suppression.id}[${a}]`) : [suppression.id];
    for (const key of keys) {
      const hit = raw.some((f) =>
        (f.resourcePath === scope || f.resourcePath.startsWith(`${scope}/`))
        && (f.ruleId === key || (!key.includes('[') && f.ruleId.startsWith(`${key}[`))));
      if (!hit) unused.push(`${key} @ ${scope}`);
    }
  }
  return unused;
}

/**
 * Removes every acknowledgement (suppression) from `root` and every construct below it.
 *
 * @param root the top of the tree, usually `scope.node.root`
 * @returns a function that puts them back
 * @stability stable
 */
export function stripAcknowledgements(root: IConstruct): () => void {
  const saved: Array<[MetadataHolder, MetadataEntry[]]> = [];
  for (const c of root.node.findAll()) {
    // constructs keeps metadata in a private array and has no API to remove an entry.
    const node = c.node as unknown as MetadataHolder;
    if (node._metadata?.some((m) => m.type === ACK)) {
      saved.push([node, node._metadata]);
      node._metadata = node._metadata.filter((m) => m.type !== ACK);
    }
  }
  return () => saved.forEach(([node, metadata]) => { node._metadata = metadata; });
}

const ACK = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;

interface MetadataEntry {
  readonly type: string;
  readonly data?: unknown;
}

interface MetadataHolder {
  _metadata?: MetadataEntry[];
}

/** The gate a suppression id belongs to, or undefined for an id of another tool. */
function gateOf(id: string): Gate | undefined {
  if (id.startsWith('CT.')) return 'ControlTower';
  return ALL_GATES.find((gate) => gate !== 'ControlTower' && id.startsWith(`${gate}-`));
}

/**
 * Runs `build` with `Node.addMetadata` wrapped, recording each acknowledgement it adds with its
 * call stack. `Validations.acknowledge` re-adds its growing object on every call: only keys not yet
 * seen on that construct are recorded.
 */
function recordAcknowledgements(build: () => IConstruct | IConstruct[]): { scopes: IConstruct[]; recorded: RecordedSuppression[] } {
  const recorded: RecordedSuppression[] = [];
  const seen = new WeakMap<Node, Set<string>>();
  const proto = Node.prototype;
  const original = proto.addMetadata;
  const limit = Error.stackTraceLimit;
  // Deep construct trees: the caller's frame must be in the recorded stack.
  Error.stackTraceLimit = Math.max(limit, 50);
  proto.addMetadata = function addMetadata(this: Node, type: string, data: unknown, ...rest: unknown[]) {
    if (type === ACK && data && typeof data === 'object') {
      const known = seen.get(this) ?? new Set<string>();
      seen.set(this, known);
      const fresh = Object.entries(data as Record<string, string>).filter(([key]) => !known.has(key));
      fresh.forEach(([key]) => known.add(key));
      const stack = new Error().stack;
      const caller = callerFrame(stack);
      toSuppressions(fresh).forEach((suppression) => recorded.push({ path: this.path, suppression, stack, caller }));
    }
    return (original as (...args: unknown[]) => void).call(this, type, data, ...rest);
  };
  let built: IConstruct | IConstruct[];
  try {
    built = build();
  } finally {
    proto.addMetadata = original;
    Error.stackTraceLimit = limit;
  }
  return { scopes: Array.isArray(built) ? built : [built], recorded };
}

const sep = path.sep;
/** Frames of the machinery between the caller and `addMetadata`. */
const PLUMBING = [
  `${sep}compliance${sep}suppression-audit.`,
  `${sep}core${sep}suppressions.`,
  `${sep}node_modules${sep}aws-cdk-lib${sep}`,
  `${sep}node_modules${sep}constructs${sep}`,
  '(node:',
];

function callerFrame(stack: string | undefined): string | undefined {
  return stack?.split('\n').slice(1).map((line) => line.trim())
    .find((line) => line.startsWith('at ') && !PLUMBING.some((p) => line.includes(p)));
}

/** The suppressions recorded in the acknowledgement metadata of one construct. */
function suppressionsOn(c: IConstruct): RecordedSuppression[] {
  const seen = new Set<string>();
  const result: RecordedSuppression[] = [];
  for (const entry of c.node.metadata) {
    if (entry.type !== ACK || !entry.data) continue;
    const fresh = Object.entries(entry.data as Record<string, string>).filter(([key]) => !seen.has(key));
    fresh.forEach(([key]) => seen.add(key));
    toSuppressions(fresh).forEach((suppression) => result.push({ path: c.node.path, suppression }));
  }
  return result;
}

/**
 * `{ 'AwsSolutions-IAM5[Resource::*]': r, 'AwsSolutions-IAM5[Action::s3:*]': r, 'CT.S3.PR.4': r2 }`
 * -> `[{ id: 'AwsSolutions-IAM5', reason: r, appliesTo: [...] }, { id: 'CT.S3.PR.4', reason: r2 }]`
 * (granular keys of one id and reason, written together, are one suppression, as they were written).
 */
function toSuppressions(entries: Array<[string, string]>): AuditedSuppression[] {
  const result: Array<{ id: string; reason: string; appliesTo?: string[] }> = [];
  for (const [key, reason] of entries) {
    const qualified = key.replace(/^annotation::/i, '');
    const bracket = qualified.indexOf('[');
    if (bracket > 0 && qualified.endsWith(']')) {
      const id = qualified.slice(0, bracket);
      const granular = qualified.slice(bracket + 1, -1);
      const last = result[result.length - 1];
      if (last && last.id === id && last.reason === reason && last.appliesTo) {
        last.appliesTo.push(granular);
      } else {
        result.push({ id, reason, appliesTo: [granular] });
      }
    } else {
      result.push({ id: qualified, reason });
    }
  }
  return result;
}
