/**
 * Deploy-and-destroy test of the TenantProvisioner. One account plays platform and tenant: the
 * provisioner deploys tenants into its own account, which must be bootstrapped with trust in itself
 * (`cdk bootstrap aws://ACCOUNT/REGION --trust ACCOUNT`).
 *
 * The platform app is test/platform/provisioner/fixtures/app, the smallest app that honours the contract
 * (TENANT_SPEC_JSON in, one stack TENANT_STACK_NAME out): its stack holds an SSM parameter with the
 * tenant's maxCapacity, so a deployed settings change is observable.
 *
 * Asserts, against the deployed provisioner, through its API with SigV4-signed requests from a
 * client function whose role is the only listed caller:
 * - POST /tenants creates a DEVELOPMENT tenant (201); GET /tenants/integ-dev reports its CREATE
 *   operation SUCCEEDED (polled, the build runs `cdk deploy` for real); the parameter holds 2;
 * - PATCH /tenants/integ-dev with database.maxCapacity 4 answers 202 and SUCCEEDED; the parameter holds 4;
 *   every operation runs in the named, key-encrypted state machine (its role's key grant names it);
 * - POST /tenants/integ-dev/drift answers 202 and SUCCEEDED: the workflow function reads the drifts
 *   with the tenant account's observer role (here a stand-in for the bootstrap's: ReadOnlyAccess and
 *   drift detection on Tenant-* stacks; the stack's events, template and drifts never enter the state);
 * - an unsigned caller is refused (the assertion provider's own role is not a listed caller: 403);
 * - DELETE /tenants/integ-dev destroys the tenant stack; GET answers its state DESTROYED (history stays readable).
 *
 * The hub is referenced by name only (PlatformHub.referenceFor): with no hub deployed, publishing
 * the outcome event fails and is caught; the operation's outcome is recorded regardless.
 * Destroy leaves the registry table and the provisioner key (retained by design: the fleet's
 * history) and the log groups; delete them by hand when the test account should be clean.
 */
import * as path from 'path';
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Suppressions } from '../src/core/suppressions';
import { PlatformHub } from '../src/platform/hub';
import { PlatformAppSource, TenantAction, TenantProvisioner } from '../src/platform/provisioner';

const app = new App();
const stack = new Stack(app, 'TenantBlocksProvisionerInteg');

const clientRole = new iam.Role(stack, 'ClientRole', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
});

const provisioner = new TenantProvisioner(stack, 'Provisioner', {
  hub: PlatformHub.referenceFor(stack.account, stack.region),
  appSource: PlatformAppSource.fromAsset(path.join(__dirname, '..', 'test', 'platform', 'provisioner', 'fixtures', 'app'), 'integ-1'),
  tenantAccountIds: [stack.account],
  apiCallers: [{ principalArn: clientRole.roleArn, allTenants: true, actions: Object.values(TenantAction) }],
  buildTimeout: Duration.minutes(30),
});
// The tenant account's observer role, which TenantAccountBootstrap creates in a real tenant account: the
// workflow function and the operation workflow read the tenant stack, its events, template and drift with it.
const observerRole = new iam.Role(stack, 'ObserverRole', {
  roleName: `tenant-blocks-observer-${stack.region}`,
  description: 'integ stand-in for the bootstrap\'s observer role: the provisioner\'s workflow reads tenant stacks with it',
  assumedBy: new iam.CompositePrincipal(
    new iam.ArnPrincipal(provisioner.workflowFunction.role!.roleArn),
    new iam.ArnPrincipal(provisioner.operationWorkflow.role.roleArn),
  ),
  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
});
// Drift detection is not a read action of ReadOnlyAccess; it runs on the tenant stacks only.
observerRole.addToPolicy(new iam.PolicyStatement({
  actions: ['cloudformation:DetectStackDrift', 'cloudformation:DetectStackResourceDrift'],
  resources: [stack.formatArn({ service: 'cloudformation', resource: 'stack', resourceName: 'Tenant-*/*' })],
}));
observerRole.addToPolicy(new iam.PolicyStatement({ actions: ['cloudformation:DescribeStackDriftDetectionStatus'], resources: ['*'] }));
Suppressions.add(observerRole, [
  { id: 'AwsSolutions-IAM4', reason: 'Integ stand-in: drift detection reads every resource type of the tenant stack with the caller\'s permissions; the bootstrap\'s observer role lists the read actions per type instead', appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess'] },
  {
    id: 'AwsSolutions-IAM5',
    reason: 'Drift detection on the tenant stacks only (Tenant-*, as the provisioner names them); DescribeStackDriftDetectionStatus has no resource-level permission',
    appliesTo: ['Resource::arn:<AWS::Partition>:cloudformation:<AWS::Region>:<AWS::AccountId>:stack/Tenant-*/*', 'Resource::*'],
  },
]);

clientRole.addToPolicy(new iam.PolicyStatement({
  actions: ['execute-api:Invoke'],
  resources: [provisioner.api.arnForExecuteApi('*', '/*', 'v1')],
}));

// The platform service stand-in: signs a request with its role (SigV4) and returns one field of the answer.
const client = new lambda.Function(stack, 'Client', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  role: clientRole,
  timeout: Duration.seconds(60),
  environment: { API_URL: provisioner.apiUrl },
  code: lambda.Code.fromInline(`
const { SignatureV4 } = require('@smithy/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');
const { defaultProvider } = require('@aws-sdk/credential-provider-node');
exports.handler = async (event, context) => {
  const account = context.invokedFunctionArn.split(':')[4];
  const url = new URL(process.env.API_URL.replace(/\\/$/, '') + event.path);
  const body = event.body ? JSON.stringify(event.body).split('ACCOUNT').join(account) : undefined;
  const signer = new SignatureV4({ service: 'execute-api', region: process.env.AWS_REGION, credentials: defaultProvider(), sha256: Sha256 });
  const signed = await signer.sign({
    method: event.method, protocol: 'https:', hostname: url.hostname, path: url.pathname,
    headers: { host: url.hostname, 'content-type': 'application/json', ...(event.idempotencyKey ? { 'idempotency-key': event.idempotencyKey } : {}) },
    body,
  });
  const res = await fetch(url, { method: event.method, headers: signed.headers, body });
  const json = await res.json().catch(() => ({}));
  const pick = (event.pick || '').split('.').filter(Boolean).reduce((v, k) => (v == null ? v : v[k]), json);
  return event.pick ? String(pick) : String(res.status);
};`),
});

const integ = new IntegTest(app, 'ProvisionerTest', {
  testCases: [stack],
  diffAssets: false,
  cdkCommandOptions: { destroy: { args: { force: true } } },
});

const call = (payload: Record<string, unknown>) => integ.assertions.invokeFunction({
  functionName: client.functionName,
  payload: JSON.stringify(payload),
});
const tenantPath = '/tenants/integ-dev';
const spec = { tenantId: 'integ-dev', tier: 'DEVELOPMENT', account: 'ACCOUNT', database: { maxCapacity: 2 } };
const untilSucceeded = { totalTimeout: Duration.minutes(45), interval: Duration.seconds(30) };
const parameter = (value: string) => integ.assertions
  .awsApiCall('SSM', 'getParameter', { Name: '/tenant-blocks-integ/integ-dev/maxCapacity' })
  .expect(ExpectedResult.objectLike({ Parameter: { Value: value } }));

const create = call({ method: 'POST', path: '/tenants', body: { spec }, idempotencyKey: 'integ-create-integ-dev' });
create.expect(ExpectedResult.objectLike({ Payload: '201' }));
const created = call({ method: 'GET', path: tenantPath, pick: 'lastOperation.status' });
created.expect(ExpectedResult.objectLike({ Payload: 'SUCCEEDED' })).waitForAssertions(untilSucceeded);
const createdValue = parameter('2');
// Without a signature (the assertion provider signs nothing here), the API refuses the request.
const unsigned = integ.assertions.httpApiCall(`${provisioner.apiUrl}tenants`);
unsigned.expect(ExpectedResult.objectLike({ status: 403 }));

const change = call({ method: 'PATCH', path: tenantPath, body: { settings: { database: { maxCapacity: 4 } } }, idempotencyKey: 'integ-change-integ-dev' });
change.expect(ExpectedResult.objectLike({ Payload: '202' }));
const changed = call({ method: 'GET', path: tenantPath, pick: 'lastOperation.status' });
changed.expect(ExpectedResult.objectLike({ Payload: 'SUCCEEDED' })).waitForAssertions(untilSucceeded);
const changedValue = parameter('4');

// Drift: the workflow function reads the drifts with the observer role (bounded summary into the state).
const drift = call({ method: 'POST', path: `${tenantPath}/drift`, idempotencyKey: 'integ-drift-integ-dev' });
drift.expect(ExpectedResult.objectLike({ Payload: '202' }));
const drifted = call({ method: 'GET', path: tenantPath, pick: 'lastOperation.status' });
drifted.expect(ExpectedResult.objectLike({ Payload: 'SUCCEEDED' })).waitForAssertions(untilSucceeded);

const destroy = call({ method: 'DELETE', path: tenantPath, idempotencyKey: 'integ-destroy-integ-dev' });
destroy.expect(ExpectedResult.objectLike({ Payload: '202' }));
const gone = call({ method: 'GET', path: tenantPath, pick: 'tenant.state' });
gone.expect(ExpectedResult.objectLike({ Payload: 'DESTROYED' })).waitForAssertions(untilSucceeded);

create.next(created).next(createdValue).next(unsigned).next(change).next(changed).next(changedValue)
  .next(drift).next(drifted).next(destroy).next(gone);

app.synth();
