/**
 * A rollout's plan and results kept outside Step Functions' state (256 KiB per state): each wave's
 * tenants in pages of {@link WAVE_PAGE_SIZE} items, and each page's results, as items of the
 * registry table beside the rollout's own item:
 *
 * - wave page    `ROLLOUT#<id>` / `WAVE#<wave>#PAGE#<page>`   `{ items: [{ tenantId, operationId }], pageCount }`
 * - result page  `ROLLOUT#<id>` / `RESULT#<wave>#<page>`      `{ results: [{ tenantId, operationId, status, reason? }] }`
 *
 * The rollout workflow reads a wave page by page in a task (the Distributed Map's `ItemReader`
 * would read S3 on AWS, but no local interpreter executes it), runs the page as a Distributed Map,
 * records the page's results here and judges the failure threshold from every stored result. The
 * state holds one page at a time: its size does not grow with the fleet.
 */
/* eslint-disable import/no-extraneous-dependencies */
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { ConflictError, marshallItem, unmarshallItem, WAVE_PAGE_SIZE } from './registry.lambda-shared';
import { isObject } from './settings.lambda-shared';
import type { StateMachineStepDependencies } from './state-machines.lambda-shared';
import { StepError, runStep } from './workflow.lambda-shared';

/** Tenants per wave page: one page's items and results stay far below 256 KiB (about 14 KB and 25 KB). */
export { WAVE_PAGE_SIZE };
/** Longest failure reason kept per result. */
export const MAX_RESULT_REASON = 500;
/** Failures shown on the rollout item (the rest are in the result pages). */
export const MAX_FAILURE_SAMPLES = 20;
/** Rollout statuses that are final: an abandoned-execution event leaves them alone. */
const FINAL = ['SUCCEEDED', 'FAILED', 'STOPPED'];

const pad = (n: number): string => String(n).padStart(5, '0');
const pk = (rolloutId: string): string => `ROLLOUT#${rolloutId}`;

function reasonOf(text: unknown): string {
  const s = String(text ?? '');
  return s.length <= MAX_RESULT_REASON ? s : `${s.slice(0, MAX_RESULT_REASON - 1)}…`;
}

/**
 * Plans the rollout (the `plan` step: eligibility, canaries, waves) and stores every wave's items
 * in pages; the state gets the plan without its waves.
 */
export async function planRollout(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const rolloutId = String(event.rolloutId);
  const plan = await runStep({ action: 'plan', rolloutId }, deps);
  const waves = (Array.isArray(plan.waves) ? plan.waves : []) as Array<Array<Record<string, unknown>>>;
  for (const [w, items] of waves.entries()) {
    const pageCount = Math.max(1, Math.ceil(items.length / WAVE_PAGE_SIZE));
    for (let p = 0; p < pageCount; p++) {
      const page = items.slice(p * WAVE_PAGE_SIZE, (p + 1) * WAVE_PAGE_SIZE)
        .map((i) => ({ tenantId: String(i.tenantId), operationId: String(i.operationId) }));
      await deps.client.send(new PutItemCommand({
        TableName: deps.config.tableName,
        Item: marshallItem({ pk: pk(rolloutId), sk: `WAVE#${pad(w)}#PAGE#${pad(p)}`, items: page, pageCount, tenantCount: items.length }),
      }));
    }
  }
  const { waves: _omitted, ...rest } = plan;
  return { ...rest, waveCount: waves.length, waveIndex: 0 };
}

/** One page of a wave's items: `{ index, page, items, hasMorePages }`. */
export async function readWavePage(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const page = Number(event.page ?? 0);
  const out = await deps.client.send(new GetItemCommand({
    TableName: deps.config.tableName,
    Key: marshallItem({ pk: pk(rolloutId), sk: `WAVE#${pad(waveIndex)}#PAGE#${pad(page)}` }),
    ConsistentRead: true,
  }));
  if (!out.Item) throw new StepError('WavePageNotFound', `rollout '${rolloutId}' has no page ${page} of wave ${waveIndex}`);
  const item = unmarshallItem(out.Item);
  return { index: waveIndex, page, items: item.items, hasMorePages: page + 1 < Number(item.pageCount) };
}

/**
 * Stores one page's results (the Distributed Map's output: tenant, operation, status), with each
 * failure's reason read from its operation's record and truncated. Rewriting a page is harmless
 * (a retried step writes the same item). Returns only counts, so the page's results leave the state.
 */
export async function recordWavePage(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const page = Number(event.page ?? 0);
  const raw = (Array.isArray(event.results) ? event.results : []).filter(isObject);
  const results: Array<Record<string, unknown>> = [];
  for (const r of raw) {
    const status = String(r.status ?? 'FAILED');
    const result: Record<string, unknown> = { tenantId: String(r.tenantId), operationId: String(r.operationId), status };
    if (status === 'FAILED' || status === 'SKIPPED') {
      const op = await deps.registry.getOperation(String(r.operationId)).catch(() => undefined);
      const reason = op?.reason ?? (status === 'FAILED' ? `the operation execution failed (${String(r.error ?? 'no outcome recorded')})` : undefined);
      if (reason) result.reason = reasonOf(reason);
    }
    results.push(result);
  }
  await deps.client.send(new PutItemCommand({
    TableName: deps.config.tableName,
    Item: marshallItem({ pk: pk(rolloutId), sk: `RESULT#${pad(waveIndex)}#${pad(page)}`, wave: waveIndex, results }),
  }));
  return { recorded: results.length, failed: results.filter((r) => r.status === 'FAILED').length };
}

/** Every stored result of a rollout (all waves so far), read page by page. */
export async function storedResults(deps: Pick<StateMachineStepDependencies, 'client' | 'config'>, rolloutId: string): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  let start: Record<string, any> | undefined;
  do {
    const out = await deps.client.send(new QueryCommand({
      TableName: deps.config.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshallItem({ ':pk': pk(rolloutId), ':prefix': 'RESULT#' }),
      ExclusiveStartKey: start,
      ConsistentRead: true,
    }));
    for (const item of out.Items ?? []) {
      const page = unmarshallItem(item);
      const wave = Number(page.wave);
      for (const r of (Array.isArray(page.results) ? page.results : []).filter(isObject)) all.push({ ...r, wave });
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return all;
}

/**
 * After a wave: the failure percentage over every stored result so far (skipped tenants are not
 * attempts), whether it crosses the tolerated percentage, and the counts, a sample of failures and
 * the wave's status on the rollout item (never the whole result list: it outgrows an item).
 */
export async function evaluateStoredWave(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const rolloutId = String(event.rolloutId);
  const waveIndex = Number(event.waveIndex);
  const tolerated = Number(event.toleratedFailurePercentage);
  const all = await storedResults(deps, rolloutId);
  const attempted = all.filter((r) => r.status !== 'SKIPPED').length;
  const failedResults = all.filter((r) => r.status === 'FAILED');
  const failed = failedResults.length;
  const failurePercentage = attempted === 0 ? 0 : Math.round((failed * 10000) / attempted) / 100;
  const crossed = failed > 0 && failurePercentage > tolerated;
  const rollout = await deps.registry.getRollout(rolloutId);
  const waves = (rollout?.waves ?? []).map((w) => (Number(w.index) === waveIndex ? { ...w, status: crossed ? 'FAILED' : 'DONE' } : w));
  const counts = {
    attempted,
    failed,
    succeeded: all.filter((r) => r.status === 'SUCCEEDED').length,
    skipped: all.filter((r) => r.status === 'SKIPPED').length,
  };
  await deps.registry.updateRollout(rolloutId, {
    waves, failurePercentage, resultCounts: counts, failures: failedResults.slice(0, MAX_FAILURE_SAMPLES),
  } as Record<string, unknown>);
  return { crossed, failed, attempted, failurePercentage, nextWaveIndex: waveIndex + 1, hasMoreWaves: waveIndex + 1 < Number(event.waveCount) };
}

/**
 * A rollout execution that ended without recording its end (failed on an uncatchable error,
 * timed out, or stopped by hand): EventBridge delivers the status change here. The rollout is
 * marked FAILED with that status and its approval token dropped; a rollout that recorded its end
 * is left alone. Its running operation executions are stopped with it by Step Functions and
 * recorded by the operations' own rule.
 */
export async function abandonedRollout(event: Record<string, unknown>, deps: StateMachineStepDependencies): Promise<Record<string, unknown>> {
  const detail = isObject(event.detail) ? event.detail : event;
  const rolloutId = String(detail.name);
  const status = String(detail.status);
  const rollout = await deps.registry.getRollout(rolloutId);
  if (!rollout || FINAL.includes(rollout.status) || rollout.finishedAt) return { rolloutId, recorded: false };
  const how = status === 'TIMED_OUT' ? 'timed out' : status === 'ABORTED' ? 'was stopped' : status.toLowerCase();
  const cause = typeof detail.cause === 'string' && detail.cause ? `: ${reasonOf(detail.cause)}` : '';
  try {
    // Conditional: a finishRollout that lands first keeps its own end.
    await deps.registry.updateRollout(rolloutId, {
      status: 'FAILED',
      reason: `the rollout execution ${how} before it recorded its end${cause}`,
      finishedAt: (deps.now ?? (() => new Date()))().toISOString(),
    }, ['approvalToken', 'awaitingApprovalForWave'], {
      expression: 'attribute_exists(pk) AND NOT (#rs IN (:succeeded, :failed, :stopped))',
      names: { '#rs': 'status' },
      values: { ':succeeded': 'SUCCEEDED', ':failed': 'FAILED', ':stopped': 'STOPPED' },
    });
  } catch (e) {
    if (e instanceof ConflictError) return { rolloutId, recorded: false };
    throw e;
  }
  return { rolloutId, recorded: true };
}
