import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogShipping } from '../../src';
import { testApp, testStack } from '../support/app';

const DESTINATION = 'arn:aws:logs:us-east-1:210987654321:destination:tenant-logs';

describe('LogShipping', () => {
  test('toDestination subscribes a log group with a match-everything filter', () => {
    // GIVEN
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'Group');
    // WHEN
    LogShipping.toDestination(DESTINATION).ship(group);
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Logs::SubscriptionFilter', 1);
    t.hasResourceProperties('AWS::Logs::SubscriptionFilter', {
      LogGroupName: { Ref: stack.getLogicalId(group.node.defaultChild as logs.CfnLogGroup) },
      DestinationArn: DESTINATION,
      FilterPattern: '',
    });
    expect(group.node.tryFindChild('ShipToPlatform')).toBeDefined();
  });

  test('none() ships nothing', () => {
    const stack = testStack();
    const group = new logs.LogGroup(stack, 'Group');
    const shipping = LogShipping.none();
    shipping.ship(group);
    expect(shipping.destinationArn).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Logs::SubscriptionFilter', 0);
  });

  test.each(['arn:aws:logs:us-east-1:123:destination:x', 'arn:aws:kinesis:us-east-1:210987654321:stream/x', 'tenant-logs'])(
    'throws when the destination is not a destination ARN: %s',
    (arn) => {
      expect(() => LogShipping.toDestination(arn)).toThrow(/is not a CloudWatch Logs destination ARN/);
    },
  );

  test('throws when the destination is in another region than the log group', () => {
    const stack = new Stack(testApp(), 'Eu', { env: { account: '123456789012', region: 'eu-west-1' } });
    const group = new logs.LogGroup(stack, 'Group');
    expect(() => LogShipping.toDestination(DESTINATION).ship(group)).toThrow(
      /is in us-east-1 but log group Eu\/Group is in eu-west-1; CloudWatch Logs destinations only accept log groups of their own region/,
    );
  });

  test('the destination region is read from the ARN', () => {
    expect(LogShipping.toDestination(DESTINATION).destinationRegion).toBe('us-east-1');
    expect(LogShipping.none().destinationRegion).toBeUndefined();
  });
});
