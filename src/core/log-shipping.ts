import { Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The form of a CloudWatch Logs destination ARN. */
const DESTINATION_ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):destination:[A-Za-z0-9._/#-]{1,512}$/;

/**
 * Where the log groups of a tenant's blocks are shipped: the platform account's cross-account
 * CloudWatch Logs destination (see `PlatformHub`), or nowhere.
 *
 * Every block calls {@link LogShipping.ship} for every log group it creates, so no log group is
 * forgotten. CloudWatch Logs destinations only accept log groups of their own region.
 */
export class LogShipping {
  /**
   * Ship every log group to a CloudWatch Logs destination (usually in the platform account).
   *
   * @param destinationArn `arn:aws:logs:<region>:<account>:destination:<name>`; the region must be
   * the region of the stacks that use it
   */
  public static toDestination(destinationArn: string): LogShipping {
    if (!Token.isUnresolved(destinationArn) && !DESTINATION_ARN.test(destinationArn)) {
      throw new Error(
        `LogShipping.toDestination: '${destinationArn}' is not a CloudWatch Logs destination ARN ` +
          '(expected arn:aws:logs:<region>:<12-digit account>:destination:<name>)',
      );
    }
    return new LogShipping(destinationArn);
  }

  /** Ship nothing: log groups stay in the tenant account only. */
  public static none(): LogShipping {
    return new LogShipping(undefined);
  }

  /** The destination ARN, when logs are shipped. */
  public readonly destinationArn?: string;

  private constructor(destinationArn: string | undefined) {
    this.destinationArn = destinationArn;
  }

  /** The region of the destination, when it is known at synth time. */
  public get destinationRegion(): string | undefined {
    if (this.destinationArn === undefined || Token.isUnresolved(this.destinationArn)) return undefined;
    return DESTINATION_ARN.exec(this.destinationArn)?.[1];
  }

  /**
   * Subscribes `logGroup` to the destination with a filter that matches every event; the
   * subscription filter is created as the child `ShipToPlatform` of the log group. Does nothing
   * for {@link LogShipping.none}.
   *
   * Throws when the destination is in another region than the log group's stack (CloudWatch Logs
   * would reject the subscription at deploy time).
   *
   * @param logGroup the log group to ship
   */
  public ship(logGroup: logs.ILogGroup): void {
    if (this.destinationArn === undefined) return;
    const stack = Stack.of(logGroup);
    const region = this.destinationRegion;
    if (region !== undefined && !Token.isUnresolved(stack.region) && region !== stack.region) {
      throw new Error(
        `LogShipping: destination ${this.destinationArn} is in ${region} but log group ${logGroup.node.path} ` +
          `is in ${stack.region}; CloudWatch Logs destinations only accept log groups of their own region. ` +
          'Deploy a PlatformHub in this region and use its logShipping.',
      );
    }
    new logs.CfnSubscriptionFilter(logGroup as unknown as Construct, 'ShipToPlatform', {
      logGroupName: logGroup.logGroupName,
      destinationArn: this.destinationArn,
      filterPattern: '',
    });
  }
}
