// Every compliance suppression the cross-account constructs add must suppress a finding in the
// configuration it was added in: a suppression that matches nothing is a stale audit entry (the
// rule changed, the resource was fixed, or the id was mistyped) and hides the next finding.
//
// How: Suppressions.add is wrapped to record each call made from src/cross-account/ (the first
// /src/ frame of the call stack). Then every acknowledgement is stripped from the construct tree
// and the compliance gates run once more: each recorded suppression must match a raw finding on its
// construct or below.
import * as path from 'path';
import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ComplianceSuppression, Suppressions, TenantKey, TenantNetwork, TenantTier } from '../../src/core';
import { CrossAccountLink, PlatformHub } from '../../src/cross-account';
import { TenantFunction, TenantFunctionCode } from '../../src/function';
import { TenantPostgres } from '../../src/postgres';
import { testStack } from '../support/app';
import { Finding, complianceFindings } from '../support/compliance';

const FIXTURE = path.join(__dirname, '..', 'function', 'fixtures', 'hello');

interface RecordedSuppression {
  readonly path: string;
  readonly suppression: ComplianceSuppression;
}

function unusedSuppressions(recorded: readonly RecordedSuppression[], raw: readonly Finding[]): string[] {
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

function stripAcknowledgements(root: IConstruct): void {
  for (const c of root.node.findAll()) {
    // constructs keeps metadata in a private array; tests may reach in, library code never does
    const node = c.node as unknown as { _metadata?: Array<{ type: string }> };
    if (node._metadata) {
      node._metadata = node._metadata.filter((m) => m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    }
  }
}

/** Runs `build`, recording the suppressions src/cross-account adds; then strips every acknowledgement and returns the raw findings. */
function buildRaw(stack: Stack, build: () => void) {
  const recorded: RecordedSuppression[] = [];
  const add = Suppressions.add.bind(Suppressions);
  const spy = jest.spyOn(Suppressions, 'add').mockImplementation((scope, list) => {
    const caller = new Error().stack?.split('\n').find((line) => line.includes(`${path.sep}src${path.sep}`)) ?? '';
    if (caller.includes(`${path.sep}src${path.sep}cross-account${path.sep}`)) {
      list.forEach((suppression) => recorded.push({ path: scope.node.path, suppression }));
    }
    add(scope, list);
  });
  try {
    build();
  } finally {
    spy.mockRestore();
  }
  stripAcknowledgements(stack);
  return { recorded, raw: complianceFindings(stack) };
}

describe('every cross-account suppression suppresses a finding', () => {
  test.each([
    ['a hub with listed accounts', { tenantAccountIds: ['210987654321'] }],
    ['a hub with an organization', { organizationId: 'o-abcdefghij' }],
  ])('%s', (_name, props) => {
    const stack = testStack('Platform', { account: '111111111111', region: 'us-east-1' });
    const { recorded, raw } = buildRaw(stack, () => new PlatformHub(stack, 'Hub', props));
    expect(recorded.length).toBeGreaterThan(10);
    expect(unusedSuppressions(recorded, raw)).toEqual([]);
  });

  test('a link with a hub and grants', () => {
    const stack = testStack('Tenant', { account: '210987654321', region: 'us-east-1' });
    const { recorded, raw } = buildRaw(stack, () => {
      const link = new CrossAccountLink(stack, 'Link', {
        tenantId: 'acme',
        platformAccountId: '111111111111',
        platformRoleArns: ['arn:aws:iam::111111111111:role/console'],
        externalId: 'acme-7f3c9a1e5b2d4c68',
        hub: PlatformHub.referenceFor('111111111111', 'us-east-1'),
      });
      const tier = TenantTier.DEVELOPMENT;
      const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
      const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, encryptionKey: key });
      const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, network, encryptionKey: key });
      const fn = new TenantFunction(stack, 'App', { tenantId: 'acme', tier, network, encryptionKey: key, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
      link.allowQuery(database);
      link.allowInvoke(fn);
    });
    expect(recorded.length).toBeGreaterThan(0);
    expect(unusedSuppressions(recorded, raw)).toEqual([]);
  });

  test('the check fails for a suppression that matches no finding', () => {
    const stack = testStack('Platform', { account: '111111111111', region: 'us-east-1' });
    const { recorded, raw } = buildRaw(stack, () => new PlatformHub(stack, 'Hub', { tenantAccountIds: ['210987654321'] }));
    const extra: RecordedSuppression[] = [
      { path: 'Platform/Hub/LogProcessor', suppression: { id: 'AwsSolutions-S1', reason: 'a function is not a bucket' } },
    ];
    expect(unusedSuppressions([...recorded, ...extra], raw)).toEqual(['AwsSolutions-S1 @ Platform/Hub/LogProcessor']);
  });
});
