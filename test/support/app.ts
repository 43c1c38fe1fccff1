import { App, Stack } from 'aws-cdk-lib';

/** The account and region every unit test synthesizes for. */
export const TEST_ENV = { account: '123456789012', region: 'us-east-1' };

/**
 * Availability-zone context for the test account, pre-seeded so that a VPC never triggers a
 * context lookup (there are no AWS credentials here): us-east-1 has six AZs, eu-west-1 three.
 */
export const AZ_CONTEXT: Record<string, string[]> = {
  'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
  'availability-zones:account=123456789012:region=eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  'availability-zones:account=210987654321:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
  'availability-zones:account=111111111111:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
};

/** An app with AZ context seeded and validation reports not failing the process. */
export function testApp(): App {
  return new App({
    context: {
      ...AZ_CONTEXT,
      // Tests read validation reports themselves (TOOLCHAIN.md: 2.257 sets exitCode otherwise).
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  });
}

/** A stack in the test account and region, in a fresh test app. */
export function testStack(id = 'TestStack', env = TEST_ENV): Stack {
  return new Stack(testApp(), id, { env });
}
