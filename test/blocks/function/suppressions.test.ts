// Every compliance suppression TenantFunction adds must suppress a finding in the configuration it
// was added in: a suppression that matches nothing is a stale audit entry (the rule changed, the
// resource was fixed, or the id was mistyped) and hides what the next finding would be.
//
// How: test/support/suppression-audit.ts records each Suppressions.add call made from src/blocks/function/
// or from the VpcFunctionCleanup it builds (other calls from src/core, for the network, key and log
// groups, are not this block's), strips every acknowledgement and runs the compliance gates once
// more: each recorded suppression must match a raw finding on its construct or below.
import * as path from 'path';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { TenantNetwork, TenantTier } from '../../../src/core';
import { TenantFunction, TenantFunctionCode, TenantFunctionProps, TenantRuntime } from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';
import { RecordedSuppression, auditSuppressions, unusedSuppressions } from '../../support/suppression-audit';

const FIXTURE = path.join(__dirname, 'fixtures', 'hello');
// the clean destroy is this block's too, built by the shared core construct
const SOURCES = { sources: ['blocks/function/', 'core/vpc-function-cleanup'] };

/** Builds a TenantFunction, auditing the suppressions src/function and the clean destroy add. */
function audit(extra: (stack: Construct) => Partial<TenantFunctionProps>) {
  const stack = testStack();
  const result = auditSuppressions(() => {
    new TenantFunction(stack, 'App', {
      tenantId: 'acme',
      tier: TenantTier.DEVELOPMENT,
      code: TenantFunctionCode.fromAsset(FIXTURE),
      handler: 'index.handler',
      ...extra(stack),
    });
    return stack;
  }, SOURCES);
  return { stack, ...result };
}

const zone = (s: Construct) => route53.HostedZone.fromHostedZoneAttributes(s, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });

describe('every suppression suppresses a finding', () => {
  test.each<[string, (s: Construct) => Partial<TenantFunctionProps>]>([
    ['DEVELOPMENT without a domain', () => ({})],
    ['DEVELOPMENT with disposable data (CDK\'s bucket auto-delete handler)', () => ({ disposableData: true })],
    ['DEVELOPMENT with a domain, open to the internet', (s) => ({ domain: { hostedZone: zone(s), recordName: 'app' }, allowedCidrs: ['0.0.0.0/0'] })],
    ['PRODUCTION with a domain', (s) => ({ tier: TenantTier.PRODUCTION, domain: { hostedZone: zone(s), recordName: 'app' } })],
    ['PRODUCTION with internet egress', (s) => ({ tier: TenantTier.PRODUCTION, domain: { hostedZone: zone(s), recordName: 'app' }, internetEgress: true })],
    ['DEVELOPMENT with internet egress (NAT instance)', () => ({ internetEgress: true })],
    ['an older runtime', () => ({ runtime: TenantRuntime.NODEJS_22_X })],
    ['a database in a shared network', (s) => {
      const network = new TenantNetwork(s, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
      return { network, database: new TenantPostgres(s, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network }) };
    }],
  ])('%s', (_name, extra) => {
    const { recorded, unused } = audit(extra);
    expect(recorded.length).toBeGreaterThan(20);
    expect(unused).toEqual([]);
  });

  test('the check fails for a suppression that matches no finding, and for one on the wrong construct', () => {
    const { stack, recorded, raw } = audit(() => ({}));
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
