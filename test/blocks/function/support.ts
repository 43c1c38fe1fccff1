import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { TenantTier } from '../../../src/core';
import { TenantFunction, TenantFunctionCode, TenantFunctionProps } from '../../../src/blocks/function';
import { testStack } from '../../support/app';

/** The smallest app: an index.js answering 200. */
export const FIXTURE = path.join(__dirname, 'fixtures', 'hello');

/** Props overrides for {@link build}; `domain: 'zone'` uses an imported example.com zone. */
export type PropsOverride = Partial<Omit<TenantFunctionProps, 'domain'>> & { domain?: TenantFunctionProps['domain'] | 'zone' };

/** Builds a DEVELOPMENT TenantFunction `App` of tenant `acme` (unless overridden) in a fresh test stack. */
export function build(overrides: PropsOverride = {}, stack: Stack = testStack()) {
  const zone = route53.HostedZone.fromHostedZoneAttributes(stack, `Zone${stack.node.children.length}`, { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });
  const { domain, ...rest } = overrides;
  const props: TenantFunctionProps = {
    tenantId: 'acme',
    tier: TenantTier.DEVELOPMENT,
    code: TenantFunctionCode.fromAsset(FIXTURE),
    handler: 'index.handler',
    ...rest,
    domain: domain === 'zone' ? { hostedZone: zone, recordName: 'app' } : domain,
  };
  const fn = new TenantFunction(stack, 'App', props);
  let template: Template | undefined;
  // Synthesized on first use, so a test may still add to the stack (addEnvironment, alarm actions).
  return { stack, fn, get template() { return (template ??= Template.fromStack(stack)); } };
}

/** A PRODUCTION TenantFunction with a domain (required in PRODUCTION). */
export const prod = (o: PropsOverride = {}, stack?: Stack) => build({ tier: TenantTier.PRODUCTION, domain: 'zone', ...o }, stack);

/** The app function (not the clean-up handler) of tenant acme's `App`: its logical id and properties. */
export function fnResource(t: Template, description = 'TenantFunction acme/App') {
  const entries = Object.entries(t.findResources('AWS::Lambda::Function', { Properties: { Description: description } }));
  expect(entries).toHaveLength(1);
  return { logicalId: entries[0][0], props: entries[0][1].Properties };
}

/** The logical id of the app function's execution role. */
export function roleOf(t: Template): string {
  return fnResource(t).props.Role['Fn::GetAtt'][0];
}
