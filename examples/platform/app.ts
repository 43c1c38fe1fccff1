/**
 * The CDK app entry point for `cdk synth` / `cdk deploy` (see cdk.json). The summary runner is main.ts.
 *
 *   npx cdk synth                                   # every tenant of tenants.json
 *   npx cdk synth -c tenantsFile=other.json          # another tenants file
 *   npx cdk synth -c tenantId=acme Tenant-acme       # one tenant (what the provisioner's build does)
 *
 *   TENANT_SPEC_JSON='{...}' TENANT_STACK_NAME=Tenant-acme npx cdk synth
 *                                                   # exactly one tenant's stack, from one spec (the
 *                                                   # provisioner's build; TENANT_EXTERNAL_ID gives its link id)
 *
 * Link external ids come from TENANT_EXTERNAL_ID / the file named by TENANT_EXTERNAL_IDS_FILE (see config.ts).
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { DEFAULT_TENANTS_FILE, readPlatformFile, readSpecFromEnvironment } from './config';
import { buildPlatformApp, buildTenantApp } from './platform';

const app = new App();
const tenantsFile = app.node.tryGetContext('tenantsFile') as string | undefined;
const tenantId = app.node.tryGetContext('tenantId') as string | undefined;
const one = readSpecFromEnvironment();
if (one) {
  if (one.generated) console.error(`TENANT_EXTERNAL_ID is not set: the link of ${one.spec.tenantId} gets a random external id for this synth only`);
  buildTenantApp(app, one.platform, one.spec, one.externalId, process.env.TENANT_STACK_NAME);
} else {
  buildPlatformApp(app, readPlatformFile(tenantsFile ? path.resolve(tenantsFile) : DEFAULT_TENANTS_FILE, tenantId));
}
app.synth();
