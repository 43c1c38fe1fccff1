/**
 * The CDK app entry point for `cdk synth` / `cdk deploy` (see cdk.json). The summary runner is main.ts.
 *
 *   npx cdk synth -c throwawayExternalIds=true      # every tenant of tenants.json, never deployed
 *   npx cdk synth -c tenantsFile=other.json          # another tenants file
 *   npx cdk synth -c tenantId=acme Tenant-acme       # one tenant (what the provisioner's build does)
 *
 *   TENANT_SPEC_JSON='{...}' TENANT_STACK_NAME=Tenant-acme npx cdk synth
 *                                                   # exactly one tenant's stack, from one spec (the
 *                                                   # provisioner's build; TENANT_EXTERNAL_ID gives its link id)
 *
 * Link external ids come from TENANT_EXTERNAL_ID / the file named by TENANT_EXTERNAL_IDS_FILE (see config.ts);
 * without them the synth is refused (a deploy would cut the platform off), unless
 * `-c throwawayExternalIds=true` says it is never deployed.
 */
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { DEFAULT_TENANTS_FILE, readPlatformFile, readSpecFromEnvironment } from './config';
import { buildPlatformApp, buildTenantApp } from './platform';

const app = new App();
const tenantsFile = app.node.tryGetContext('tenantsFile') as string | undefined;
const tenantId = app.node.tryGetContext('tenantId') as string | undefined;
// A tenant's link external id is owned by the platform (the provisioner's registry). A cloud
// assembly with a made-up one would, once deployed, replace the link's trust and cut the platform
// off the tenant: refuse it, unless the caller says this synth is never deployed.
const throwaway = app.node.tryGetContext('throwawayExternalIds') === true || app.node.tryGetContext('throwawayExternalIds') === 'true';
const refuse = (tenants: string[]) => {
  if (tenants.length > 0 && !throwaway) {
    throw new Error(`No link external id for ${tenants.join(', ')}: a deploy would replace the link's external id and cut the platform off. ` +
      'The provisioner owns these tenants: change them with `tenant-blocks apply -f tenants.json` (or pass TENANT_EXTERNAL_IDS_FILE / TENANT_EXTERNAL_ID). ' +
      'For a synth that is never deployed: -c throwawayExternalIds=true');
  }
};
const one = readSpecFromEnvironment();
if (one) {
  refuse(one.generated ? [one.spec.tenantId] : []);
  buildTenantApp(app, one.platform, one.spec, one.externalId, process.env.TENANT_STACK_NAME);
} else {
  const file = readPlatformFile(tenantsFile ? path.resolve(tenantsFile) : DEFAULT_TENANTS_FILE, tenantId);
  refuse(file.generatedExternalIds);
  buildPlatformApp(app, file);
}
app.synth();
