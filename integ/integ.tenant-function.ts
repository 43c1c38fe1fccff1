/**
 * Deploy-and-destroy test of TenantFunction: a DEVELOPMENT function (no domain, so an internal
 * HTTP load balancer inside the tenant VPC) running the sample handler of the unit tests.
 *
 * Asserts, against the deployed stack: invoking the `live` alias returns the handler's body.
 * Destroying the stack exercises the clean-destroy custom resource: a destroy that hangs on the
 * function's network interfaces (20-40 minutes) or fails on the security group shows up here as a
 * slow or failed integ run.
 *
 * Not yet here: the TenantPostgres connection (added once TenantPostgres is committed) and an
 * HTTPS call (needs a test hosted zone in the account).
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { TenantTier } from '../src/core';
import { TenantFunction, TenantFunctionCode } from '../src/function';

const app = new App();
// An explicit region: load balancer access-log delivery is granted per region. The account stays
// the one integ-runner deploys with.
const stack = new Stack(app, 'TenantBlocksFunctionInteg', { env: { region: 'us-east-1' } });

const fn = new TenantFunction(stack, 'App', {
  tenantId: 'integ-fn',
  tier: TenantTier.DEVELOPMENT,
  code: TenantFunctionCode.fromAsset(path.join(__dirname, '..', 'test', 'function', 'fixtures', 'hello')),
  handler: 'index.handler',
  environment: { GREETING: 'hello' },
});

const integ = new IntegTest(app, 'TenantFunctionTest', {
  testCases: [stack],
  // Same environment as the test stack, so the assertion may reference the function.
  assertionStack: new Stack(app, 'TenantBlocksFunctionIntegAssertions', { env: { region: 'us-east-1' } }),
  diffAssets: false,
  cdkCommandOptions: { destroy: { args: { force: true } } },
});

integ.assertions
  .invokeFunction({ functionName: fn.function.functionArn })
  .expect(ExpectedResult.objectLike({
    StatusCode: 200,
    Payload: Match.stringLikeRegexp('hello from TenantFunction'),
  }));
