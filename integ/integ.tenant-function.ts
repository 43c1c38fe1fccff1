/**
 * Deploy-and-destroy test of TenantFunction connected to a TenantPostgres: one DEVELOPMENT tenant
 * (shared TenantKey and TenantNetwork, a DEVELOPMENT TenantPostgres, a DEVELOPMENT TenantFunction
 * with `database` set) running the probe handler test/blocks/function/fixtures/db-probe.
 *
 * Asserts, against the deployed stack, by invoking the `live` alias: the payload is exactly the
 * report in test/blocks/function/fixtures/db-probe.expected.json, i.e.
 * - the block set DB_HOST, DB_PORT (5432), DB_NAME (app) and DB_SECRET_ARN;
 * - the function role may read and decrypt the app user's secret, and the secret's host, port and
 *   database are those in the environment;
 * - a TCP connection from the function (private subnets, its own security group) to the database
 *   (isolated subnets) opens, and the server answers PostgreSQL's SSLRequest with 'S';
 * - the execution policy works as narrowed: the function puts, gets and deletes an object of its
 *   data bucket (the tenant key only through S3, with the bucket's encryption context), and
 *   deleting an object version is refused with AccessDenied (no s3:DeleteObjectVersion);
 * - without `internetEgress` (the default) the function has no route out: a TCP connection to
 *   checkip.amazonaws.com:443 does not open within 3 s, while the secret (Secrets Manager
 *   endpoint), the data bucket (S3 gateway endpoint, the looked-up prefix list) and the database
 *   all answer;
 * - the ENI permissions in the documented shape (region-scoped, no condition) suffice: Lambda
 *   checks them when it creates the function, and releases the interfaces with them on destroy.
 * The probe is retried for up to 10 minutes: the DEVELOPMENT cluster may be paused (0 ACU) and
 * resuming. test/blocks/function/db-probe.fixture.test.ts runs the same probe against a real local
 * PostgreSQL and shows each broken link turning into a failed check.
 *
 * With a test hosted zone in the account (`-c integ-fn:hosted-zone-id=Z... -c integ-fn:zone-name=example.com`)
 * the function also gets a domain, an internet-facing HTTPS load balancer (allowedCidrs 0.0.0.0/0),
 * and an HTTPS GET of its URL must return the same report as the JSON body. The committed snapshot
 * is synthesized without that context.
 *
 * Destroying the stack exercises the clean-destroy custom resource: a destroy that hangs on the
 * function's network interfaces (20-40 minutes) or fails on the security group shows up here as a
 * slow or failed integ run. The DEVELOPMENT cluster leaves a final snapshot and the retained,
 * empty backup vault behind: TenantPostgres' "nothing lost" promise, which `integ:cleanup`
 * (run by `integ:deploy`) then deletes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TenantKey, TenantNetwork, TenantTier } from '../src/core';
import { TenantFunction, TenantFunctionCode } from '../src/blocks/function';
import { TenantPostgres } from '../src/blocks/postgres';

const FIXTURES = path.join(__dirname, '..', 'test', 'blocks', 'function', 'fixtures');
const expectedReport = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'db-probe.expected.json'), 'utf8'));
const TENANT = 'integ-fn';

const app = new App();
// An explicit region: load balancer access-log delivery is granted per region. The account stays
// the one integ-runner deploys with.
const stack = new Stack(app, 'TenantBlocksFunctionInteg', { env: { region: 'us-east-1' } });

const key = new TenantKey(stack, 'Key', { tenantId: TENANT, tier: TenantTier.DEVELOPMENT });
const network = new TenantNetwork(stack, 'Network', { tenantId: TENANT, tier: TenantTier.DEVELOPMENT, encryptionKey: key });
const database = new TenantPostgres(stack, 'Database', {
  tenantId: TENANT,
  tier: TenantTier.DEVELOPMENT,
  maxCapacity: 2,
  network,
  encryptionKey: key,
});

const zoneId = app.node.tryGetContext('integ-fn:hosted-zone-id') as string | undefined;
const zoneName = app.node.tryGetContext('integ-fn:zone-name') as string | undefined;
const domain = zoneId && zoneName
  ? { hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'TestZone', { hostedZoneId: zoneId, zoneName }), recordName: TENANT }
  : undefined;

const fn = new TenantFunction(stack, 'App', {
  tenantId: TENANT,
  tier: TenantTier.DEVELOPMENT,
  code: TenantFunctionCode.fromAsset(path.join(FIXTURES, 'db-probe')),
  handler: 'index.handler',
  database,
  network,
  encryptionKey: key,
  domain,
  // An integ tenant leaves nothing behind: its data is disposable (a platform opts in explicitly).
  disposableData: true,
  // The assertion runs outside the VPC: with a test domain, the load balancer must face the internet.
  allowedCidrs: domain ? ['0.0.0.0/0'] : undefined,
});

const integ = new IntegTest(app, 'TenantFunctionTest', {
  testCases: [stack],
  // Same environment as the test stack, so the assertions may reference the function.
  assertionStack: new Stack(app, 'TenantBlocksFunctionIntegAssertions', { env: { region: 'us-east-1' } }),
  diffAssets: false,
  cdkCommandOptions: { destroy: { args: { force: true } } },
});

// `name:live`: the alias, and a resource the assertion provider's IAM statement can name.
integ.assertions
  .invokeFunction({ functionName: fn.function.functionName })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: JSON.stringify(expectedReport),
  }))
  .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(20) });

if (domain) {
  integ.assertions
    .httpApiCall(`${fn.url}/`)
    .expect(ExpectedResult.objectLike({ status: 200, body: expectedReport }))
    .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(20) });
}

app.synth();
