// Every compliance suppression TenantFunction adds must suppress a finding in the configuration it
// was added in: a suppression that matches nothing is a stale audit entry (the rule changed, the
// resource was fixed, or the id was mistyped) and hides what the next finding would be.
//
// How: Suppressions.add is wrapped to record each call made from src/function/ or from the
// VpcFunctionCleanup it builds (the first /src/ frame of the call stack; other calls from src/core,
// for the network, key and log groups, are not this block's). Then every acknowledgement is
// stripped from the construct tree and the compliance gates run once more: each recorded
// suppression must match a raw finding on its construct or below.
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct, IConstruct } from 'constructs';
import { ComplianceSuppression, Suppressions, TenantNetwork, TenantTier } from '../../src/core';
import { TenantFunction, TenantFunctionCode, TenantFunctionProps, TenantRuntime } from '../../src/function';
import { TenantPostgres } from '../../src/postgres';
import { testStack } from '../support/app';
import { Finding, complianceFindings } from '../support/compliance';

const FIXTURE = path.join(__dirname, 'fixtures', 'hello');

interface RecordedSuppression {
  /** Construct path the suppression was added on. */
  readonly path: string;
  readonly suppression: ComplianceSuppression;
}

/** `id` or `id[appliesTo]` keys, as the gates report them, that `recorded` suppresses without any raw finding. */
function unusedSuppressions(recorded: readonly RecordedSuppression[], raw: readonly Finding[]): string[] {
  const unused: string[] = [];
  for (const { path: scope, suppression } of recorded) {
    const keys = suppression.appliesTo ? suppression.appliesTo.map((a) => `${suppression.id}[${a}]`) : [suppression.id];
    for (const key of keys) {
      const hit = raw.some((f) =>
        (f.resourcePath === scope || f.resourcePath.startsWith(`${scope}/`))
        // a plain id also covers the rule's granular findings
        && (f.ruleId === key || (!key.includes('[') && f.ruleId.startsWith(`${key}[`))));
      if (!hit) unused.push(`${key} @ ${scope}`);
    }
  }
  return unused;
}

/** Builds a TenantFunction, recording the suppressions src/function adds; then strips every acknowledgement and returns the raw findings. */
function buildRaw(extra: (stack: Construct) => Partial<TenantFunctionProps>) {
  const stack = testStack();
  const recorded: RecordedSuppression[] = [];
  const add = Suppressions.add.bind(Suppressions);
  const spy = jest.spyOn(Suppressions, 'add').mockImplementation((scope, list) => {
    const caller = new Error().stack?.split('\n').find((line) => line.includes(`${path.sep}src${path.sep}`)) ?? '';
    // the clean destroy is this block's too, built by the shared core construct
    if (caller.includes(`${path.sep}src${path.sep}function${path.sep}`) || caller.includes(`${path.sep}src${path.sep}core${path.sep}vpc-function-cleanup`)) {
      list.forEach((suppression) => recorded.push({ path: scope.node.path, suppression }));
    }
    add(scope, list);
  });
  try {
    new TenantFunction(stack, 'App', {
      tenantId: 'acme',
      tier: TenantTier.DEVELOPMENT,
      code: TenantFunctionCode.fromAsset(FIXTURE),
      handler: 'index.handler',
      ...extra(stack),
    });
  } finally {
    spy.mockRestore();
  }
  stripAcknowledgements(stack);
  return { stack, recorded, raw: complianceFindings(stack) };
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

const zone = (s: Construct) => route53.HostedZone.fromHostedZoneAttributes(s, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });

describe('every suppression suppresses a finding', () => {
  test.each<[string, (s: Construct) => Partial<TenantFunctionProps>]>([
    ['DEVELOPMENT without a domain', () => ({})],
    ['DEVELOPMENT with a domain, open to the internet', (s) => ({ domain: { hostedZone: zone(s), recordName: 'app' }, allowedCidrs: ['0.0.0.0/0'] })],
    ['PRODUCTION with a domain', (s) => ({ tier: TenantTier.PRODUCTION, domain: { hostedZone: zone(s), recordName: 'app' } })],
    ['an older runtime', () => ({ runtime: TenantRuntime.NODEJS_22_X })],
    ['a database in a shared network', (s) => {
      const network = new TenantNetwork(s, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      return { network, database: new TenantPostgres(s, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network }) };
    }],
  ])('%s', (_name, extra) => {
    const { recorded, raw } = buildRaw(extra);
    expect(recorded.length).toBeGreaterThan(20);
    expect(unusedSuppressions(recorded, raw)).toEqual([]);
  });

  test('the check fails for a suppression that matches no finding, and for one on the wrong construct', () => {
    const { stack, recorded, raw } = buildRaw(() => ({}));
    const fnPath = `${stack.node.path}/App/Function`;
    const extra: RecordedSuppression[] = [
      { path: fnPath, suppression: { id: 'AwsSolutions-S1', reason: 'nothing in the function is a bucket' } },
      { path: fnPath, suppression: { id: 'AwsSolutions-IAM5', reason: 'no such granular finding', appliesTo: ['Resource::arn:aws:s3:::nope/*'] } },
      { path: `${stack.node.path}/App/Data`, suppression: { id: 'HIPAA.Security-LambdaDLQ', reason: 'a bucket has no dead-letter queue' } },
    ];
    expect(unusedSuppressions([...recorded, ...extra], raw)).toEqual([
      `AwsSolutions-S1 @ ${fnPath}`,
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::nope/*] @ ${fnPath}`,
      `HIPAA.Security-LambdaDLQ @ ${stack.node.path}/App/Data`,
    ]);
  });
});
