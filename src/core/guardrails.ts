import { Annotations, AspectPriority, Aspects, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The invariants {@link TenantGuardrails} checks.
 */
export enum GuardrailInvariant {
  /**
   * Storage is encrypted with a customer-managed KMS key: S3 buckets (`aws:kms` + `KMSMasterKeyID`),
   * RDS clusters and stand-alone instances (`StorageEncrypted` + `KmsKeyId`), log groups, Secrets
   * Manager secrets, Kinesis streams, SNS topics, SQS queues and AWS Backup vaults (a key id that is
   * not an AWS-managed `alias/aws/...` key).
   */
  CUSTOMER_MANAGED_ENCRYPTION = 'CUSTOMER_MANAGED_ENCRYPTION',

  /** Log groups have an explicit retention (`RetentionInDays`). */
  LOG_RETENTION = 'LOG_RETENTION',

  /**
   * No security group ingress from the whole internet (any `/0` CIDR, IPv4 or IPv6), except TCP
   * port 443 on a security group attached to a load balancer of the same stack.
   */
  NO_INTERNET_INGRESS = 'NO_INTERNET_INGRESS',

  /**
   * Stateful resources are not deleted outright: RDS clusters and stand-alone instances must not
   * have `Delete` as deletion or update-replace policy (`Snapshot` or `Retain`), AWS Backup vaults
   * must be retained.
   */
  NO_OUTRIGHT_DELETION = 'NO_OUTRIGHT_DELETION',
}

const EXEMPTIONS_METADATA_KEY = 'cdk-tenant-blocks:guardrail-exemptions';
const MIN_REASON_LENGTH = 10;

/** An unknown value (a token that resolved to an intrinsic function): never flagged. */
const UNKNOWN = Symbol('unknown');

const LOAD_BALANCER_TYPES = new Set([
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer',
]);

const DELETE = 'Delete';

/**
 * An Aspect that checks the synthesized L1 resources of a block still hold the invariants the
 * blocks promise, so an escape hatch (`node.defaultChild`, `addPropertyOverride`,
 * `applyRemovalPolicy`) cannot silently weaken them. A broken invariant becomes an error
 * annotation on the offending resource, naming it: `cdk synth` and `cdk deploy` fail.
 *
 * What is checked (see {@link GuardrailInvariant}):
 * - customer-managed KMS encryption of S3 buckets, RDS clusters and stand-alone instances, log
 *   groups, Secrets Manager secrets, Kinesis streams, SNS topics, SQS queues and Backup vaults;
 * - log groups have a retention;
 * - no ingress from `0.0.0.0/0` or `::/0` (any `/0`), inline on `AWS::EC2::SecurityGroup` or as
 *   `AWS::EC2::SecurityGroupIngress`, except TCP 443 on a security group that a load balancer of
 *   the same stack uses (found in its `SecurityGroups`, so the exception follows the template,
 *   not a name or a description); a group defined outside the stack cannot be checked and TCP 443
 *   to it is let through;
 * - databases (`AWS::RDS::DBCluster`, stand-alone `AWS::RDS::DBInstance`) are never set to
 *   `Delete` (deletion or update-replace policy: use `Snapshot` or `Retain`), Backup vaults are
 *   retained (the default `Delete` is flagged).
 *
 * What is deliberately not checked: KMS keys may be `Delete` (KMS always schedules the deletion
 * with a 7–30 day, cancellable pending window, so nothing is deleted outright; `TenantKey` retains
 * keys in PRODUCTION); S3 buckets and log groups may be deleted (DEVELOPMENT tenants are torn down
 * whole; data that must outlive the stack lives in databases and backup vaults).
 *
 * Values that are tokens the aspect cannot resolve (parameters, imports, conditions) count as
 * unknown and are not flagged; a missing property is a definite value.
 *
 * @example
 * // in a block's constructor:
 * TenantGuardrails.applyTo(this);
 */
export class TenantGuardrails implements IAspect {
  /**
   * Adds the guardrails to `scope` once: calling it again on the same scope is a no-op, and an
   * ancestor that already has them is enough (so nested blocks do not report twice).
   *
   * @param scope the block (or any construct) whose resources must hold the invariants
   */
  public static applyTo(scope: IConstruct): void {
    for (let current: IConstruct | undefined = scope; current; current = current.node.scope) {
      if (Aspects.of(current).all.some((aspect) => aspect instanceof TenantGuardrails)) {
        return;
      }
    }
    // READONLY priority: check the resources after every mutating aspect has run.
    Aspects.of(scope).add(new TenantGuardrails(), { priority: AspectPriority.READONLY });
  }

  /**
   * Exempts `scope` and everything below it from one invariant, with the reason. For the rare
   * resource that cannot hold it (e.g. an ALB access-log bucket, which S3 only supports with
   * SSE-S3). The reason is recorded in the construct metadata.
   *
   * @param scope the resource (or construct containing it) that is exempt
   * @param invariant the invariant it is exempt from
   * @param reason why the exemption is safe (at least 10 characters)
   * @throws Error when the reason is missing or too short
   */
  public static exempt(scope: IConstruct, invariant: GuardrailInvariant, reason: string): void {
    if ((reason ?? '').trim().length < MIN_REASON_LENGTH) {
      throw new Error(`TenantGuardrails.exempt(${scope.node.path}, ${invariant}): a specific reason of at least ${MIN_REASON_LENGTH} characters is required (got: '${reason ?? ''}')`);
    }
    scope.node.addMetadata(EXEMPTIONS_METADATA_KEY, { invariant, reason });
  }

  /**
   * Checks one construct: L1 resources of the checked types get an error annotation per broken
   * invariant; anything else is ignored.
   */
  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) {
      return;
    }
    const rendered = render(node);
    if (!rendered) {
      return;
    }
    const problems = check(node, rendered);
    for (const problem of problems) {
      if (isExempt(node, problem.invariant)) continue;
      const message = `[TenantGuardrails] ${node.cfnResourceType} ${node.node.path} (${rendered.logicalId}): ${problem.message} (${problem.invariant})`;
      // Two guardrails aspects (e.g. added by hand and by a block) must not report twice.
      if (node.node.metadata.some((entry) => entry.data === message)) continue;
      Annotations.of(node).addError(message);
    }
  }
}

interface Rendered {
  readonly logicalId: string;
  readonly properties: Record<string, unknown>;
  readonly deletionPolicy?: unknown;
  readonly updateReplacePolicy?: unknown;
}

interface Problem {
  readonly invariant: GuardrailInvariant;
  readonly message: string;
}

/** The resource as it will be synthesized, escape hatches and overrides included, tokens resolved. */
function render(node: CfnResource): Rendered | undefined {
  try {
    const stack = Stack.of(node);
    const cfn = stack.resolve((node as unknown as { _toCloudFormation(): object })._toCloudFormation()) as {
      Resources: Record<string, { Properties?: Record<string, unknown>; DeletionPolicy?: unknown; UpdateReplacePolicy?: unknown }>;
    };
    const [logicalId, resource] = Object.entries(cfn.Resources)[0];
    return {
      logicalId,
      properties: resource.Properties ?? {},
      deletionPolicy: resource.DeletionPolicy,
      updateReplacePolicy: resource.UpdateReplacePolicy,
    };
  } catch {
    // A resource that cannot be rendered yet cannot be judged: synth reports its own error.
    return undefined;
  }
}

function check(node: CfnResource, r: Rendered): Problem[] {
  const p = r.properties;
  switch (node.cfnResourceType) {
    case 'AWS::S3::Bucket':
      return checkBucket(p);
    case 'AWS::RDS::DBCluster':
      return [
        ...checkStorageEncrypted(p, 'StorageEncrypted', 'KmsKeyId'),
        ...checkNotDeleted(r, 'a database must be kept as a snapshot or retained: use Snapshot or Retain'),
      ];
    case 'AWS::RDS::DBInstance':
      // Cluster members inherit encryption and are snapshotted through their cluster.
      if (p.DBClusterIdentifier !== undefined) return [];
      return [
        ...checkStorageEncrypted(p, 'StorageEncrypted', 'KmsKeyId'),
        ...checkNotDeleted(r, 'a database must be kept as a snapshot or retained: use Snapshot or Retain'),
      ];
    case 'AWS::Logs::LogGroup':
      return [
        ...checkKeyId(p.KmsKeyId, 'KmsKeyId'),
        ...(p.RetentionInDays === undefined
          ? [{ invariant: GuardrailInvariant.LOG_RETENTION, message: 'log group has no retention (RetentionInDays is missing, so logs are kept forever)' }]
          : []),
      ];
    case 'AWS::SecretsManager::Secret':
      return checkKeyId(p.KmsKeyId, 'KmsKeyId');
    case 'AWS::Kinesis::Stream':
      return checkKinesis(p);
    case 'AWS::SNS::Topic':
      return checkKeyId(p.KmsMasterKeyId, 'KmsMasterKeyId');
    case 'AWS::SQS::Queue':
      return checkKeyId(p.KmsMasterKeyId, 'KmsMasterKeyId');
    case 'AWS::Backup::BackupVault':
      return [
        ...checkKeyId(p.EncryptionKeyArn, 'EncryptionKeyArn'),
        ...checkRetained(r, 'a backup vault must outlive the stack'),
      ];
    case 'AWS::EC2::SecurityGroup':
      return checkInlineIngress(node, r);
    case 'AWS::EC2::SecurityGroupIngress':
      return checkIngressResource(node, p);
    default:
      return [];
  }
}

function isUnknown(value: unknown): boolean {
  // After stack.resolve, a token is an intrinsic object ({ Ref }, { Fn::* }).
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value as object).some((k) => k === 'Ref' || k.startsWith('Fn::'));
}

function encryptionProblem(message: string): Problem {
  return { invariant: GuardrailInvariant.CUSTOMER_MANAGED_ENCRYPTION, message };
}

/** A key id that is missing or an AWS-managed alias is not a customer key. */
function checkKeyId(value: unknown, property: string): Problem[] {
  if (value === undefined || value === '') {
    return [encryptionProblem(`not encrypted with a customer-managed KMS key (${property} is missing)`)];
  }
  if (typeof value === 'string' && /(^|:)alias\/aws\//.test(value)) {
    return [encryptionProblem(`encrypted with the AWS-managed key '${value}', not a customer-managed KMS key (${property})`)];
  }
  return [];
}

function checkStorageEncrypted(p: Record<string, unknown>, encryptedProperty: string, keyProperty: string): Problem[] {
  const encrypted = p[encryptedProperty];
  if (!isUnknown(encrypted) && encrypted !== true && encrypted !== 'true') {
    return [encryptionProblem(`storage is not encrypted (${encryptedProperty} is ${JSON.stringify(encrypted) ?? 'missing'})`)];
  }
  return checkKeyId(p[keyProperty], keyProperty);
}

function checkBucket(p: Record<string, unknown>): Problem[] {
  const encryption = p.BucketEncryption as { ServerSideEncryptionConfiguration?: unknown } | undefined;
  if (isUnknown(encryption) || isUnknown(encryption?.ServerSideEncryptionConfiguration)) return [];
  const rules = (encryption?.ServerSideEncryptionConfiguration ?? []) as Array<{ ServerSideEncryptionByDefault?: Record<string, unknown> }>;
  if (rules.some((rule) => isUnknown(rule) || isUnknown(rule.ServerSideEncryptionByDefault))) return [];
  const defaults = rules.map((rule) => rule.ServerSideEncryptionByDefault).filter((d) => d !== undefined);
  if (defaults.length === 0) {
    return [encryptionProblem('not encrypted with a customer-managed KMS key (BucketEncryption is missing; S3 falls back to SSE-S3)')];
  }
  const problems: Problem[] = [];
  for (const d of defaults) {
    const algorithm = d!.SSEAlgorithm;
    if (isUnknown(algorithm)) continue;
    if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
      problems.push(encryptionProblem(`not encrypted with a customer-managed KMS key (SSEAlgorithm is '${String(algorithm)}', expected 'aws:kms' with KMSMasterKeyID)`));
      continue;
    }
    problems.push(...checkKeyId(d!.KMSMasterKeyID, 'KMSMasterKeyID'));
  }
  return problems;
}

function checkKinesis(p: Record<string, unknown>): Problem[] {
  const encryption = p.StreamEncryption as { EncryptionType?: unknown; KeyId?: unknown } | undefined;
  if (isUnknown(encryption)) return [];
  if (encryption === undefined) {
    return [encryptionProblem('not encrypted with a customer-managed KMS key (StreamEncryption is missing)')];
  }
  if (!isUnknown(encryption.EncryptionType) && encryption.EncryptionType !== 'KMS') {
    return [encryptionProblem(`not encrypted with a customer-managed KMS key (EncryptionType is '${String(encryption.EncryptionType)}')`)];
  }
  return checkKeyId(encryption.KeyId, 'StreamEncryption.KeyId');
}

function checkNotDeleted(r: Rendered, why: string): Problem[] {
  const problems: Problem[] = [];
  if (r.deletionPolicy === DELETE) {
    problems.push({ invariant: GuardrailInvariant.NO_OUTRIGHT_DELETION, message: `DeletionPolicy is Delete; ${why}` });
  }
  if (r.updateReplacePolicy === DELETE) {
    problems.push({ invariant: GuardrailInvariant.NO_OUTRIGHT_DELETION, message: `UpdateReplacePolicy is Delete (a replacement would delete the data); ${why}` });
  }
  return problems;
}

function checkRetained(r: Rendered, why: string): Problem[] {
  const retained = (policy: unknown) => policy === 'Retain' || policy === 'RetainExceptOnCreate';
  const problems: Problem[] = [];
  if (!retained(r.deletionPolicy)) {
    problems.push({ invariant: GuardrailInvariant.NO_OUTRIGHT_DELETION, message: `DeletionPolicy is ${String(r.deletionPolicy ?? 'missing (Delete)')}, expected Retain; ${why}` });
  }
  if (r.updateReplacePolicy === DELETE) {
    problems.push({ invariant: GuardrailInvariant.NO_OUTRIGHT_DELETION, message: `UpdateReplacePolicy is Delete, expected Retain; ${why}` });
  }
  return problems;
}

interface IngressRule {
  readonly CidrIp?: unknown;
  readonly CidrIpv6?: unknown;
  readonly IpProtocol?: unknown;
  readonly FromPort?: unknown;
  readonly ToPort?: unknown;
}

/** Whether a CIDR covers the whole internet (any prefix length 0): true, false or unknown. */
function wholeInternet(cidr: unknown): boolean | typeof UNKNOWN {
  if (cidr === undefined) return false;
  if (typeof cidr !== 'string') return UNKNOWN;
  return /\/0$/.test(cidr.trim());
}

/** Whether the rule opens exactly TCP 443 (unknown ports count as not exactly 443). */
function isHttpsOnly(rule: IngressRule): boolean {
  const protocol = String(rule.IpProtocol).toLowerCase();
  return (protocol === 'tcp' || protocol === '6') && Number(rule.FromPort) === 443 && Number(rule.ToPort) === 443;
}

function describeRule(rule: IngressRule, cidr: string): string {
  const protocol = String(rule.IpProtocol);
  const ports = protocol === '-1' || protocol.toLowerCase() === 'all'
    ? 'all traffic'
    : `${protocol} ${String(rule.FromPort)}${rule.ToPort !== rule.FromPort ? `-${String(rule.ToPort)}` : ''}`;
  return `${ports} from ${cidr}`;
}

/**
 * Judges one ingress rule. `loadBalancerGroup` is true when the target group belongs to a load
 * balancer of this stack, UNKNOWN when the group is not defined in this stack.
 */
function checkIngressRule(rule: IngressRule, loadBalancerGroup: boolean | typeof UNKNOWN): Problem[] {
  if (isUnknown(rule)) return [];
  const cidrs = [rule.CidrIp, rule.CidrIpv6];
  const open = cidrs.filter((cidr) => wholeInternet(cidr) === true) as string[];
  if (open.length === 0) return [];
  if (isHttpsOnly(rule) && loadBalancerGroup !== false) return [];
  if (isUnknown(rule.IpProtocol) || isUnknown(rule.FromPort) || isUnknown(rule.ToPort)) return [];
  const allowed = isHttpsOnly(rule)
    ? 'TCP 443 from the internet is allowed only on a load balancer\'s security group'
    : 'only a load balancer\'s TCP 443 may be open to the internet';
  return open.map((cidr) => ({
    invariant: GuardrailInvariant.NO_INTERNET_INGRESS,
    message: `security group ingress open to the whole internet (${describeRule(rule, cidr)}); ${allowed}`,
  }));
}

function checkInlineIngress(node: CfnResource, r: Rendered): Problem[] {
  const ingress = r.properties.SecurityGroupIngress;
  if (ingress === undefined || isUnknown(ingress) || !Array.isArray(ingress)) return [];
  const loadBalancerGroup = loadBalancerGroupsOf(Stack.of(node)).has(r.logicalId);
  return (ingress as IngressRule[]).flatMap((rule) => checkIngressRule(rule, loadBalancerGroup));
}

function checkIngressResource(node: CfnResource, p: Record<string, unknown>): Problem[] {
  const groupLogicalId = referencedLogicalId(p.GroupId);
  const stack = Stack.of(node);
  let loadBalancerGroup: boolean | typeof UNKNOWN;
  if (groupLogicalId !== undefined && isSecurityGroupOf(stack, groupLogicalId)) {
    loadBalancerGroup = loadBalancerGroupsOf(stack).has(groupLogicalId);
  } else if (typeof p.GroupId === 'string' && loadBalancerGroupsOf(stack).has(p.GroupId)) {
    loadBalancerGroup = true; // an imported group id that a load balancer of this stack uses
  } else {
    loadBalancerGroup = UNKNOWN; // defined outside this stack: cannot be checked
  }
  return checkIngressRule(p as IngressRule, loadBalancerGroup);
}

/** `{ 'Fn::GetAtt': [id, 'GroupId'] }` or `{ Ref: id }` -> id. */
function referencedLogicalId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as { 'Ref'?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof v.Ref === 'string') return v.Ref;
  if (Array.isArray(v['Fn::GetAtt']) && typeof v['Fn::GetAtt'][0] === 'string') return v['Fn::GetAtt'][0];
  return undefined;
}

function cfnResourcesOf(stack: Stack): CfnResource[] {
  return stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
}

function isSecurityGroupOf(stack: Stack, logicalId: string): boolean {
  return cfnResourcesOf(stack).some((c) => c.cfnResourceType === 'AWS::EC2::SecurityGroup' && stack.resolve(c.logicalId) === logicalId);
}

/** Logical ids (and literal group ids) of the security groups the stack's load balancers use. */
function loadBalancerGroupsOf(stack: Stack): Set<string> {
  const groups = new Set<string>();
  for (const lb of cfnResourcesOf(stack).filter((c) => LOAD_BALANCER_TYPES.has(c.cfnResourceType))) {
    const rendered = render(lb);
    const securityGroups = rendered?.properties.SecurityGroups;
    if (!Array.isArray(securityGroups)) continue;
    for (const group of securityGroups) {
      const id = typeof group === 'string' ? group : referencedLogicalId(group);
      if (id !== undefined) groups.add(id);
    }
  }
  return groups;
}

function isExempt(node: IConstruct, invariant: GuardrailInvariant): boolean {
  for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
    if (current.node.metadata.some((entry) => entry.type === EXEMPTIONS_METADATA_KEY && entry.data?.invariant === invariant)) {
      return true;
    }
  }
  return false;
}
