// Issue 21.3, every log group of a tenant: PRODUCTION → DEVELOPMENT must not shorten the retention of
// any log group the blocks create (the database's, the function's, the network's, every handler's),
// or the change itself deletes the PRODUCTION-era logs. Only the function's explicit
// `disposableData` opt-in (DEVELOPMENT only) shortens its own log groups.
import * as path from 'path';
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TenantFunction, TenantFunctionCode } from '../../src/blocks/function';
import { TenantPostgres } from '../../src/blocks/postgres';
import { LogShipping, TenantTier } from '../../src/core';
import { testStack } from '../support/app';

const FIXTURE = path.join(__dirname, 'function', 'fixtures', 'hello');
const SHIPPING = LogShipping.toDestination('arn:aws:logs:us-east-1:210987654321:destination:hub');

/** A tenant stack with a database and a function using it: construct path -> RetentionInDays of every log group. */
function retentions(tier: TenantTier, disposableData?: boolean): Record<string, number> {
  const stack = testStack();
  const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, logShipping: SHIPPING });
  const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });
  new TenantFunction(stack, 'App', {
    tenantId: 'acme',
    tier,
    code: TenantFunctionCode.fromAsset(FIXTURE),
    handler: 'index.handler',
    database: db,
    domain: { hostedZone: zone, recordName: 'app' },
    logShipping: SHIPPING,
    disposableData,
  });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>;
  const byPath: Record<string, number> = {};
  for (const c of stack.node.findAll().filter((e): e is CfnElement => e instanceof CfnElement)) {
    const r = resources[Stack.of(c).getLogicalId(c)];
    if (r?.Type === 'AWS::Logs::LogGroup') byPath[c.node.path] = r.Properties.RetentionInDays;
  }
  return byPath;
}

describe('21.3 a tier change never shortens a log group\'s retention', () => {
  test('every log group present in both tiers keeps at DEVELOPMENT at least what it keeps at PRODUCTION, and the DEVELOPMENT-only ones a year', () => {
    const production = retentions(TenantTier.PRODUCTION);
    const development = retentions(TenantTier.DEVELOPMENT);
    // the database's, the function's and the network's flow logs are among them
    for (const part of ['/Db/PostgresqlLog/', '/App/Logs/', '/FlowLogs/']) {
      expect(Object.keys(development).some((p) => p.includes(part))).toBe(true);
    }
    const shortened = Object.entries(development)
      .filter(([p, days]) => days < (production[p] ?? 365))
      .map(([p, days]) => `${p}: ${production[p] ?? 'DEVELOPMENT only'} → ${days} days`);
    expect(shortened).toEqual([]);
    expect(Object.values(production).every((days) => days === 365)).toBe(true);
  });

  test('DEVELOPMENT with disposableData: only the function\'s own log groups keep one month, everything else a year', () => {
    const disposable = retentions(TenantTier.DEVELOPMENT, true);
    const short = Object.entries(disposable).filter(([, days]) => days !== 365).map(([p, days]) => `${p.split('/').slice(1, 3).join('/')} ${days}`);
    expect(short.length).toBeGreaterThan(0);
    // the function's log group, and the stack's bucket-emptying handler that exists for its disposable data only
    expect([...new Set(short)].sort()).toEqual(['App/Logs 30', 'Custom::S3AutoDeleteObjectsCustomResourceProvider/LogGroup 30']);
  });
});
