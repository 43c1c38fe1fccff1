/**
 * The CDK app entry point for `cdk synth` / `cdk deploy` (see cdk.json). The summary runner is main.ts.
 *
 *   npx cdk synth                                   # every tenant of tenants.json
 *   npx cdk synth -c tenantsFile=other.json          # another tenants file
 *   npx cdk synth -c tenantId=acme Tenant-acme       # one tenant (what the provisioner's build does)
 *
 * Link external ids come from the file named by TENANT_EXTERNAL_IDS_FILE (see config.ts).
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { DEFAULT_TENANTS_FILE, readPlatformFile } from './config';
import { buildPlatformApp } from './platform';

const app = new App();
const tenantsFile = app.node.tryGetContext('tenantsFile') as string | undefined;
const tenantId = app.node.tryGetContext('tenantId') as string | undefined;
buildPlatformApp(app, readPlatformFile(tenantsFile ? path.resolve(tenantsFile) : DEFAULT_TENANTS_FILE, tenantId));
app.synth();
