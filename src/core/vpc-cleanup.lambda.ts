/* eslint-disable import/no-extraneous-dependencies */
// Clean-destroy custom resource for a TenantFunction (bundled at build time; never exported).
//
// Why: a Lambda function in a VPC uses Hyperplane network interfaces (ENIs) that Lambda owns and
// releases on its own schedule, 20-40 minutes after the function goes. Until then the function's
// security group and subnets cannot be deleted, so a tenant stack's destroy hangs (or fails when
// the function's role, which Lambda uses to delete the ENIs, is gone first).
//
// What: this resource is ordered (DependsOn) so that CloudFormation deletes it BEFORE the
// function, its alias and versions, its security group, its subnets and its role. On Delete, and
// only while the stack itself is being deleted, it
//   1. detaches the function from the VPC (UpdateFunctionConfiguration with empty VpcConfig) and
//      waits for LastUpdateStatus to leave InProgress;
//   2. deletes the function with all its versions and aliases (published versions keep their own
//      VPC configuration and hold the ENIs for as long as they exist; the stack is deleting them
//      anyway, and CloudFormation treats an already deleted resource as deleted);
//   3. finds the function's ENIs (security group + 'AWS Lambda VPC ENI' description), deletes those
//      Lambda has released ('available'), and polls until none remain or a deadline inside the
//      handler's own timeout.
//
// Failure policy (decided): Delete NEVER reports FAILED. This resource only speeds the destroy up;
// CloudFormation and Lambda still clean up on their own behind it (the function's role outlives
// it). A FAILED delete stops the whole stack deletion in DELETE_FAILED, and the only way out is to
// retain this resource by hand: strictly worse than a slow delete. Every problem is logged as a
// structured WARN/ERROR line instead (the handler's log group), and leftovers are listed by id.
//
// Safety: when the resource is deleted while the stack is NOT being deleted (the resource was
// renamed or removed by a library upgrade, or an update that added it rolls back) the function is
// live and must not be touched: Delete is then a no-op. The stack status comes from
// cloudformation:DescribeStacks; if it cannot be read, the handler also does nothing.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  DeleteNetworkInterfaceCommand,
  DescribeNetworkInterfacesCommand,
  EC2Client,
  NetworkInterface,
} from '@aws-sdk/client-ec2';
import {
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import {
  CustomResourceEvent,
  CustomResourceResponse,
  CustomResourceResult,
  FAILED_CREATE_PHYSICAL_ID,
  customResourceHandler,
  sleep,
} from './custom-resource.lambda-shared';

/** Resource properties the construct passes (CloudFormation sends every value as a string). */
export interface VpcCleanupProperties {
  /** Name of the function whose VPC attachment is cleaned up. */
  readonly FunctionName: string;
  /** The function's security groups: its ENIs are found by these. */
  readonly SecurityGroupIds: string[];
}

/** Tunables; tests shorten them. */
export const settings = {
  /** Pause between two polls of the function or the ENIs. */
  pollIntervalMs: 10_000,
  /** Time kept back from the Lambda timeout to report to CloudFormation. */
  responseMarginMs: 30_000,
  /** Upper bound of the whole cleanup, whatever the Lambda timeout. */
  maxCleanupMs: 13 * 60_000,
};

/** Stack statuses in which every resource of the stack is on its way out. */
const STACK_GOING_AWAY = new Set(['DELETE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS']);

/** Prefix Lambda gives the description of every ENI it creates. */
const LAMBDA_ENI_DESCRIPTION = 'AWS Lambda VPC ENI*';

// Every @aws-sdk/* module is external to the bundle: the nodejs24.x runtime provides AWS SDK v3.
const lambda = new LambdaClient({});
const ec2 = new EC2Client({});
const cloudformation = new CloudFormationClient({});

/** The subset of the Lambda context this handler uses. */
export interface VpcCleanupContext {
  readonly logStreamName?: string;
  getRemainingTimeInMillis?(): number;
}

/** Lambda entry point. */
export async function handler(event: CustomResourceEvent, context?: VpcCleanupContext): Promise<CustomResourceResponse> {
  const remaining = context?.getRemainingTimeInMillis?.() ?? settings.maxCleanupMs;
  const deadline = Date.now() + Math.max(0, Math.min(settings.maxCleanupMs, remaining - settings.responseMarginMs));
  return customResourceHandler((e) => onEvent(e, deadline))(event, context);
}

async function onEvent(event: CustomResourceEvent, deadline: number): Promise<CustomResourceResult> {
  // A stable physical id: an Update never replaces this resource, so CloudFormation never sends a
  // Delete for an "old" instance while the function is live.
  const physicalResourceId = event.PhysicalResourceId ?? `vpc-cleanup-${event.LogicalResourceId}`;
  if (event.RequestType !== 'Delete') {
    return { physicalResourceId };
  }
  if (event.PhysicalResourceId === FAILED_CREATE_PHYSICAL_ID) {
    return { physicalResourceId };
  }
  const props = readProperties(event);
  try {
    const status = await stackStatus(event.StackId);
    if (!status || !STACK_GOING_AWAY.has(status)) {
      log('INFO', 'stack is not being deleted; the function is left untouched', { stackStatus: status ?? 'unknown' });
      return { physicalResourceId };
    }
    await cleanUp(props, deadline);
  } catch (e) {
    // Never fail a delete (see the failure policy at the top of this file).
    log('ERROR', 'clean-up failed; CloudFormation continues and Lambda releases the ENIs on its own schedule', {
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    });
  }
  return { physicalResourceId };
}

function readProperties(event: CustomResourceEvent): VpcCleanupProperties {
  const p = event.ResourceProperties;
  const functionName = p.FunctionName;
  const securityGroupIds = p.SecurityGroupIds;
  return {
    FunctionName: typeof functionName === 'string' ? functionName : '',
    SecurityGroupIds: Array.isArray(securityGroupIds) ? securityGroupIds.filter((s): s is string => typeof s === 'string' && s !== '') : [],
  };
}

/** Detach, delete, then sweep the ENIs until none remain or the deadline passes. */
export async function cleanUp(props: VpcCleanupProperties, deadline: number): Promise<void> {
  if (props.FunctionName) {
    const present = await detachFromVpc(props.FunctionName, deadline);
    if (present) {
      await deleteFunction(props.FunctionName, deadline);
    }
  }
  if (props.SecurityGroupIds.length === 0) {
    log('WARN', 'no security group ids given; cannot look for the function network interfaces', {});
    return;
  }
  const leftovers = await sweepNetworkInterfaces(props.SecurityGroupIds, deadline);
  if (leftovers.length > 0) {
    log('WARN', 'network interfaces still in use at the deadline; CloudFormation waits for Lambda to release them', {
      networkInterfaceIds: leftovers,
    });
  } else {
    log('INFO', 'no network interfaces left', { securityGroupIds: props.SecurityGroupIds });
  }
}

/** Removes the function's VPC configuration and waits for the update; false when the function is gone. */
async function detachFromVpc(functionName: string, deadline: number): Promise<boolean> {
  const config = await getConfiguration(functionName);
  if (!config) {
    log('INFO', 'function already deleted', { functionName });
    return false;
  }
  if ((config.VpcConfig?.SubnetIds ?? []).length > 0) {
    for (;;) {
      try {
        await lambda.send(new UpdateFunctionConfigurationCommand({
          FunctionName: functionName,
          VpcConfig: { SubnetIds: [], SecurityGroupIds: [] },
        }));
        log('INFO', 'VPC configuration removed from the function', { functionName });
        break;
      } catch (e) {
        if (errorName(e) === 'ResourceNotFoundException') return false;
        // Another update (a deployment, a previous attempt) is in progress: wait for it.
        if (errorName(e) !== 'ResourceConflictException' || !(await pause(deadline))) throw e;
      }
    }
  }
  for (;;) {
    const current = await getConfiguration(functionName);
    if (!current) return false;
    if (current.LastUpdateStatus !== 'InProgress') {
      if (current.LastUpdateStatus === 'Failed') {
        log('WARN', 'function update failed; deleting it anyway', { functionName, reason: current.LastUpdateStatusReason });
      }
      return true;
    }
    if (!(await pause(deadline))) {
      log('WARN', 'function update still in progress at the deadline', { functionName });
      return true;
    }
  }
}

/** Deletes the function with every version and alias (they hold the ENIs while they exist). */
async function deleteFunction(functionName: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await lambda.send(new DeleteFunctionCommand({ FunctionName: functionName }));
      log('INFO', 'function deleted with its versions and aliases', { functionName });
      return;
    } catch (e) {
      if (errorName(e) === 'ResourceNotFoundException') return;
      if (errorName(e) !== 'ResourceConflictException' || !(await pause(deadline))) throw e;
    }
  }
}

/** Deletes released Lambda ENIs of the security groups until none remain; returns the ids still left. */
async function sweepNetworkInterfaces(securityGroupIds: string[], deadline: number): Promise<string[]> {
  for (;;) {
    const interfaces = await describeLambdaInterfaces(securityGroupIds);
    if (interfaces.length === 0) return [];
    for (const eni of interfaces) {
      if (eni.Status === 'available' && eni.NetworkInterfaceId) {
        await deleteInterface(eni.NetworkInterfaceId);
      }
    }
    if (!(await pause(deadline))) {
      const left = await describeLambdaInterfaces(securityGroupIds);
      return left.map((eni) => eni.NetworkInterfaceId ?? 'unknown');
    }
  }
}

async function describeLambdaInterfaces(securityGroupIds: string[]): Promise<NetworkInterface[]> {
  const found: NetworkInterface[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ec2.send(new DescribeNetworkInterfacesCommand({
      Filters: [
        { Name: 'group-id', Values: securityGroupIds },
        // Only interfaces Lambda made: whatever else shares the group is not ours to delete.
        { Name: 'description', Values: [LAMBDA_ENI_DESCRIPTION] },
      ],
      NextToken: nextToken,
    }));
    found.push(...(page.NetworkInterfaces ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return found;
}

async function deleteInterface(networkInterfaceId: string): Promise<void> {
  try {
    await ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: networkInterfaceId }));
    log('INFO', 'network interface deleted', { networkInterfaceId });
  } catch (e) {
    const name = errorName(e);
    if (name === 'InvalidNetworkInterfaceID.NotFound') return; // Lambda deleted it first
    if (name === 'InvalidNetworkInterface.InUse') return; // attached again between describe and delete: next round
    throw e;
  }
}

async function getConfiguration(functionName: string) {
  try {
    return await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
  } catch (e) {
    if (errorName(e) === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}

/** The stack's status, or undefined when it cannot be read (then nothing is touched). */
async function stackStatus(stackId: string): Promise<string | undefined> {
  try {
    const out = await cloudformation.send(new DescribeStacksCommand({ StackName: stackId }));
    return out.Stacks?.[0]?.StackStatus;
  } catch (e) {
    log('WARN', 'cannot read the stack status', { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    return undefined;
  }
}

/** Sleeps one poll interval unless that would pass the deadline; false when time is up. */
async function pause(deadline: number): Promise<boolean> {
  if (Date.now() + settings.pollIntervalMs > deadline) return false;
  await sleep(settings.pollIntervalMs);
  return true;
}

function errorName(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as { name?: string; Code?: string; code?: string };
    return err.name ?? err.Code ?? err.code ?? '';
  }
  return '';
}

function log(level: 'INFO' | 'WARN' | 'ERROR', message: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'INFO') console.log(line);
  else if (level === 'WARN') console.warn(line);
  else console.error(line);
}
