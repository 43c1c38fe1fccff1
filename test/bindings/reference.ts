/**
 * The TypeScript reference of the bindings smoke apps (python/app.py, java/.../SmokeApp.java,
 * go/main.go): the same DEVELOPMENT tenant from the same inputs, and the same invalid props.
 * Every language's template must equal this one (asset hashes normalised) and its validation
 * error text must be identical (scripts/bindings/compare.js).
 *
 * Usage: ts-node test/bindings/reference.ts <outdir>  (writes template.json and error.txt)
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import {
  CrossAccountLink, DayOfWeek, MaintenanceWindow, TenantFunction, TenantFunctionCode, TenantKey,
  TenantNetwork, TenantPostgres, TenantTier,
} from '../../src';

const outDir = process.argv[2] ?? 'out';
const env = { account: '123456789012', region: 'us-east-1' };
// The VPC looks up the region's availability zones: seed them, so synth needs no AWS credentials.
const context = {
  'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
};

// One DEVELOPMENT tenant: key, network, database, function, and the platform's link.
const app = new App({ context, analyticsReporting: false });
const stack = new Stack(app, 'AcmeTenant', { env });
const tenantId = 'acme';
const tier = TenantTier.DEVELOPMENT;

const key = new TenantKey(stack, 'Key', { tenantId, tier });
const network = new TenantNetwork(stack, 'Network', { tenantId, tier, encryptionKey: key });
const database = new TenantPostgres(stack, 'Database', {
  tenantId,
  tier,
  network,
  encryptionKey: key,
  maxCapacity: 4,
  backupRetention: Duration.days(7),
  maintenanceWindow: MaintenanceWindow.weekly(DayOfWeek.SUNDAY, 3, 0, Duration.minutes(60)),
});
const fn = new TenantFunction(stack, 'Api', {
  tenantId,
  tier,
  network,
  encryptionKey: key,
  code: TenantFunctionCode.fromAsset(path.join(__dirname, 'app-code')),
  handler: 'index.handler',
  memorySize: 512,
  timeout: Duration.seconds(10),
  environment: { GREETING: 'hello' },
  database,
});
const link = new CrossAccountLink(stack, 'Link', {
  tenantId,
  platformAccountId: '210987654321',
  platformRoleArns: ['arn:aws:iam::210987654321:role/platform-console'],
  externalId: 'acme-7f3c9a2e-5b1d-4e8f-a6c0-2d9b4e1f8a73',
});
link.allowQuery(database);
link.allowInvoke(fn);

fs.mkdirSync(outDir, { recursive: true });
const template = app.synth().getStackByName('AcmeTenant').template;
fs.writeFileSync(path.join(outDir, 'template.json'), JSON.stringify(template, null, 2));

// One validation failure: every problem of the props in one error, nothing created.
try {
  new TenantPostgres(new Stack(new App({ context }), 'Invalid', { env }), 'Database', {
    tenantId,
    tier,
    maxCapacity: 1000,
    backupRetention: Duration.hours(36),
    maintenanceWindow: MaintenanceWindow.fromString('sun:18:00-sun:18:10'),
    allowedCidrs: ['0.0.0.0/0'],
  });
  throw new Error('expected TenantPostgres to reject the props');
} catch (e) {
  fs.writeFileSync(path.join(outDir, 'error.txt'), (e as Error).message);
}
