/* eslint-disable import/no-extraneous-dependencies */
// Clean-destroy custom resource for Lambda functions in a VPC (VpcFunctionCleanup; bundled at build
// time, never exported).
//
// Why: a Lambda function in a VPC uses Hyperplane network interfaces (ENIs) that Lambda owns and
// releases on its own schedule, 20-40 minutes after the function goes. Until then the functions'
// security groups and subnets cannot be deleted, so a tenant stack's destroy hangs (or fails when
// a function's role, which Lambda uses to delete the ENIs, is gone first).
//
// What: the resource is ordered (DependsOn) so that CloudFormation deletes it BEFORE the functions,
// their roles, their security groups and their subnets. On Delete, and only while the stack itself
// is being deleted, it
//   1. deletes the functions listed in FunctionNames with all their versions and aliases, directly
//      (DeleteFunction; a function already gone is fine). It does not detach them first: published
//      versions keep their own VPC configuration, so a detach frees no ENI while they exist, it
//      adds minutes, and where an SCP denies UpdateFunctionConfiguration without a VPC
//      (lambda:VpcIds / lambda:SubnetIds conditions) it fails and would leave the function behind;
//   2. detaches the functions listed in DetachOnlyFunctionNames from the VPC
//      (UpdateFunctionConfiguration with an empty VpcConfig) and waits for each update to leave
//      InProgress: CloudFormation still invokes them after this resource is gone (the service token
//      of another custom resource), and outside the VPC they still answer;
//   3. finds the Lambda ENIs of all the security groups (group-id + the 'AWS Lambda VPC ENI'
//      description every Lambda ENI carries, legacy and Hyperplane alike), deletes those Lambda has
//      released ('available'), and polls until none remain or a deadline inside the handler's own
//      timeout.
//
// Deleting a function CloudFormation owns (ours, or one in a nested stack such as a Secrets Manager
// rotation application) is safe: the stack is being deleted, and CloudFormation's resource handler
// contract makes a delete of a resource that no longer exists report NotFound, which CloudFormation
// counts as deleted (https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-test-contract.html).
// The same holds when an operator deleted the function by hand before.
//
// Failure policy (decided): Delete NEVER reports FAILED. This resource only speeds the destroy up;
// CloudFormation and Lambda still clean up on their own behind it (the functions' roles outlive
// it). A FAILED delete stops the whole stack deletion in DELETE_FAILED, and the only way out is to
// retain this resource by hand: strictly worse than a slow delete. Every problem is logged as a
// structured WARN/ERROR line instead (the handler's log group), one function's problem does not stop
// the others, and leftovers are listed by id.
//
// Safety: when the resource is deleted while the stack is NOT being deleted (the resource was
// renamed or removed by a library upgrade, or an update that added it rolls back) the functions are
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
  /** Functions to delete (with their versions and aliases), without detaching them first. */
  readonly FunctionNames: string[];
  /** Functions to detach from the VPC only (CloudFormation still invokes them later). */
  readonly DetachOnlyFunctionNames: string[];
  /** The functions' security groups: their ENIs are found by these. */
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
// Every call is bounded: a hung connection must not keep CloudFormation waiting for an answer
// (the handler has to respond before its own timeout). The SDK retries a timed-out call.
/** Connection and per-request timeouts of the handler's AWS SDK clients. */
export const CLIENT_TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 30_000 };
const lambda = new LambdaClient({ requestHandler: CLIENT_TIMEOUTS });
const ec2 = new EC2Client({ requestHandler: CLIENT_TIMEOUTS });
const cloudformation = new CloudFormationClient({ requestHandler: CLIENT_TIMEOUTS });

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
  // Delete for an "old" instance while the functions are live.
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
      log('INFO', 'stack is not being deleted; the functions are left untouched', { stackStatus: status ?? 'unknown' });
      return { physicalResourceId };
    }
    await cleanUp(props, deadline);
  } catch (e) {
    // Never fail a delete (see the failure policy at the top of this file).
    log('ERROR', 'clean-up failed; CloudFormation continues and Lambda releases the ENIs on its own schedule', { error: describe(e) });
  }
  return { physicalResourceId };
}

function readProperties(event: CustomResourceEvent): VpcCleanupProperties {
  const p = event.ResourceProperties;
  return {
    FunctionNames: stringList(p.FunctionNames),
    DetachOnlyFunctionNames: stringList(p.DetachOnlyFunctionNames),
    SecurityGroupIds: stringList(p.SecurityGroupIds),
  };
}

/** A list property as strings, without blanks and duplicates (a missing or malformed value is an empty list). */
function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [];
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && s !== ''))];
}

/** Delete the listed functions, detach the detach-only ones, then sweep the ENIs until none remain or the deadline passes. */
export async function cleanUp(props: VpcCleanupProperties, deadline: number): Promise<void> {
  // A function listed twice is only detached: deleting one that is still needed is the worse mistake.
  const detachOnly = [...new Set(props.DetachOnlyFunctionNames)];
  const toDelete = props.FunctionNames.filter((n) => !detachOnly.includes(n));

  // 1. Delete directly, without detaching first: a detach frees nothing while published versions
  //    (which keep their own VPC configuration) exist, costs minutes, and an SCP that denies
  //    UpdateFunctionConfiguration without a VPC (lambda:VpcIds/SubnetIds conditions) would make
  //    it fail and leave the function behind.
  for (const functionName of toDelete) {
    await attempt(functionName, 'delete', async () => { await deleteFunction(functionName, deadline); return true; });
  }
  // 2. Detach the functions CloudFormation still invokes: start every detach before waiting for
  //    any (Lambda releases ENIs per function, in parallel), then wait for the updates.
  const detached: string[] = [];
  for (const functionName of detachOnly) {
    if (await attempt(functionName, 'detach', () => detachFromVpc(functionName, deadline))) {
      detached.push(functionName);
    }
  }
  for (const functionName of detached) {
    await attempt(functionName, 'wait for the update', () => waitForUpdate(functionName, deadline));
  }

  if (props.SecurityGroupIds.length === 0) {
    log('WARN', 'no security group ids given; cannot look for the functions\' network interfaces', {});
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

/** Runs one step for one function; a failure is logged and skips that function's later steps only. */
async function attempt(functionName: string, step: string, body: () => Promise<boolean>): Promise<boolean> {
  try {
    return await body();
  } catch (e) {
    log('ERROR', `${step} failed; the function is left to CloudFormation`, { functionName, error: describe(e) });
    return false;
  }
}

/** Removes the function's VPC configuration; false when the function is gone. */
async function detachFromVpc(functionName: string, deadline: number): Promise<boolean> {
  const config = await getConfiguration(functionName);
  if (!config) {
    log('INFO', 'function already deleted', { functionName });
    return false;
  }
  if ((config.VpcConfig?.SubnetIds ?? []).length === 0) return true;
  for (;;) {
    try {
      await lambda.send(new UpdateFunctionConfigurationCommand({
        FunctionName: functionName,
        VpcConfig: { SubnetIds: [], SecurityGroupIds: [] },
      }));
      log('INFO', 'VPC configuration removed from the function', { functionName });
      return true;
    } catch (e) {
      if (errorName(e) === 'ResourceNotFoundException') return false;
      // Another update (a deployment, a previous attempt) is in progress: wait for it.
      if (errorName(e) !== 'ResourceConflictException' || !(await pause(deadline))) throw e;
    }
  }
}

/** Waits for LastUpdateStatus to leave InProgress (or the deadline); false when the function is gone. */
async function waitForUpdate(functionName: string, deadline: number): Promise<boolean> {
  for (;;) {
    const current = await getConfiguration(functionName);
    if (!current) return false;
    if (current.LastUpdateStatus !== 'InProgress') {
      if (current.LastUpdateStatus === 'Failed') {
        log('WARN', 'function update failed; going on with the clean-up', { functionName, reason: current.LastUpdateStatusReason });
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
      if (errorName(e) === 'ResourceNotFoundException') {
        log('INFO', 'function already deleted', { functionName });
        return;
      }
      // A deployment or another update is in progress: wait for it.
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
    log('WARN', 'cannot read the stack status', { error: describe(e) });
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

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function log(level: 'INFO' | 'WARN' | 'ERROR', message: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'INFO') console.log(line);
  else if (level === 'WARN') console.warn(line);
  else console.error(line);
}
