import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { TenantGuardrails } from '../../src/core/guardrails';

// TenantGuardrails.applyTo, called first in a block's constructor, turns off aws-cdk-lib's creation
// stack traces for the block's resources (a fifth of a fleet app's memory, docs/testing.md).

const CREATION_STACK = 'aws:cdk:creationStack';

function creationStacks(c: Construct): number {
  return c.node.metadata.filter((m) => m.type === CREATION_STACK).length;
}

function blockWithKey(stack: Stack): { block: Construct; key: CfnResource } {
  // GIVEN a block that applies the guardrails before it has children, as every block does
  const block = new Construct(stack, 'Block');
  TenantGuardrails.applyTo(block);
  const key = new kms.Key(block, 'Key', { enableKeyRotation: true }).node.defaultChild as CfnResource;
  return { block, key };
}

describe('creation stack traces below a block', () => {
  test('a block\'s resources carry none, a resource beside the block still does', () => {
    const stack = new Stack(new App(), 'S');
    const { key } = blockWithKey(stack);
    const outside = new kms.Key(stack, 'Outside', { enableKeyRotation: true }).node.defaultChild as CfnResource;

    expect(creationStacks(key)).toBe(0);
    expect(creationStacks(outside)).toBe(1);
  });

  test.each([
    ['false', false, 1],
    ['true', true, 0],
  ])('an app that sets the context to %s decides for its blocks too', (_name, value, expected) => {
    const stack = new Stack(new App({ context: { [cxapi.DISABLE_CREATION_STACK_TRACES]: value } }), 'S');
    const { key } = blockWithKey(stack);

    expect(creationStacks(key)).toBe(expected);
  });

  test('a scope that already has children is left alone (no error, traces kept)', () => {
    const stack = new Stack(new App(), 'S');
    const scope = new Construct(stack, 'Late');
    const key = new kms.Key(scope, 'Key', { enableKeyRotation: true }).node.defaultChild as CfnResource;

    expect(() => TenantGuardrails.applyTo(scope)).not.toThrow();
    const later = new kms.Key(scope, 'Later', { enableKeyRotation: true }).node.defaultChild as CfnResource;

    expect(creationStacks(key)).toBe(1);
    expect(creationStacks(later)).toBe(1);
  });
});
