// The smallest platform app that honours the provisioner's contract (docs/platform/provisioner.md):
// TENANT_SPEC_JSON in, exactly one stack named TENANT_STACK_NAME out, for TENANT_ACCOUNT/TENANT_REGION.
// It stands in for a real platform app in integ/integ.provisioner.ts: the stack holds one SSM
// parameter per setting the integ test changes, so a deployed change is observable.
const { App, Stack } = require('aws-cdk-lib');
const ssm = require('aws-cdk-lib/aws-ssm');

const spec = JSON.parse(process.env.TENANT_SPEC_JSON);
const app = new App();
const stack = new Stack(app, process.env.TENANT_STACK_NAME, {
  env: { account: process.env.TENANT_ACCOUNT, region: process.env.TENANT_REGION },
});
new ssm.StringParameter(stack, 'MaxCapacity', {
  parameterName: `/tenant-blocks-integ/${spec.tenantId}/maxCapacity`,
  stringValue: String((spec.database && spec.database.maxCapacity) || 2),
});
app.synth();
