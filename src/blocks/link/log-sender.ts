import { ArnFormat, Aspects, IAspect, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';

/**
 * The sender side of a hub that admits an AWS Organization (issue 24 §4): when a CloudWatch Logs
 * destination's policy admits an organization instead of listed accounts, CloudWatch Logs needs a
 * role of the sending account on every subscription filter to that destination (it assumes the role
 * to check that the sender may send). One role per stack that ships to the hub, and an Aspect that
 * names it on every subscription filter of that stack to the destination, whoever created the filter
 * (a block's `LogShipping`, the Tenant's shipping of stack-level log groups).
 *
 * Internal: the public switch is `CrossAccountLinkProps.logsThroughOrganization`.
 */
export class LogSender {
  /**
   * The stack's log sender for `destinationArn` (created on first use, child
   * `TenantLogSender-<tenantId>` of the stack): its role, named on every subscription filter of the
   * stack to the destination.
   *
   * @param stack the stack whose filters ship to the destination
   * @param tenantId the tenant (the construct id of the role)
   * @param destinationArn the hub's log destination
   */
  public static in(stack: Stack, tenantId: string, destinationArn: string): iam.IRole {
    const id = `TenantLogSender-${tenantId}`;
    const existing = stack.node.tryFindChild(id);
    if (existing instanceof iam.Role) return existing;
    const role = new iam.Role(stack, id, {
      description: `CloudWatch Logs checks that tenant ${tenantId}'s log groups may ship to the platform hub (an organization destination)`,
      // The trust CloudWatch Logs documents for organization destinations, narrowed against the confused deputy
      // as CloudWatch Logs' own examples narrow theirs: only on behalf of this account's log groups or the
      // destination's account (aws:SourceArn). Only this account can pass the role to a subscription filter
      // (iam:PassRole), and it may only put to the one destination.
      assumedBy: new iam.ServicePrincipal('logs.amazonaws.com').withConditions({
        StringLike: {
          'aws:SourceArn': [
            stack.formatArn({ service: 'logs', resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME }),
            stack.formatArn({ service: 'logs', account: stack.splitArn(destinationArn, ArnFormat.COLON_RESOURCE_NAME).account, resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME }),
          ],
        },
      }),
    });
    const policy = new iam.ManagedPolicy(stack, `${id}Policy`, {
      description: 'Put log events to the platform hub destination only',
      roles: [role],
      statements: [new iam.PolicyStatement({ sid: 'SendToHubDestination', actions: ['logs:PutLogEvents'], resources: [destinationArn] })],
    });
    Aspects.of(stack).add(new NameLogSender(destinationArn, role.roleArn, policy));
    return role;
  }

  private constructor() {}
}

/**
 * Names the sender role on every subscription filter to the destination that has no role yet; the filter waits
 * for the role's policy (CloudWatch Logs tests the role when the filter is put, and the role ARN alone lets
 * CloudFormation create the filter before the policy is attached).
 */
class NameLogSender implements IAspect {
  constructor(private readonly destinationArn: string, private readonly roleArn: string, private readonly policy: iam.ManagedPolicy) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof logs.CfnSubscriptionFilter)) return;
    if (node.destinationArn !== this.destinationArn || node.roleArn !== undefined) return;
    node.roleArn = this.roleArn;
    node.node.addDependency(this.policy);
  }
}
