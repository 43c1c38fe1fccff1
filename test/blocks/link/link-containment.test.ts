// The cross-account promise: a CrossAccountLink can never become an admin door, whatever an app
// later grants it. Two proofs over the synthesized template:
// - the synth fails (a construct validation of the link) when anything grants the link role more
//   than its allow* calls did;
// - a policy evaluation (src/blocks/link/iam-evaluator.ts) of the synthesized boundary and
//   identity policies shows the effective permissions are exactly the allow* table (docs/blocks/link.md),
//   even when a widening grant is synthesized with validation skipped.
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { TenantFunction, TenantFunctionCode } from '../../../src/blocks/function';
import { CrossAccountLink } from '../../../src/blocks/link';
import { IamPolicyDocument, IamRequest, effectivePermissions, isAllowed } from '../../../src/blocks/link/iam-evaluator';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import { testStack } from '../../support/app';

const ACCOUNT = '210987654321';
const REGION = 'us-east-1';
const OTHER_ACCOUNT = '999999999999';
const FIXTURE = path.join(__dirname, '..', 'function', 'fixtures', 'hello');

/** A tenant stack with the link, a database and a function, both opened through allow* calls. */
function tenant() {
  const stack = testStack('Tenant', { account: ACCOUNT, region: REGION });
  const link = new CrossAccountLink(stack, 'Link', {
    tenantId: 'acme',
    platformAccountId: '111111111111',
    platformRoleArns: ['arn:aws:iam::111111111111:role/console'],
    externalId: CrossAccountLink.generateExternalId(),
  });
  const tier = TenantTier.DEVELOPMENT;
  const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier });
  const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier, encryptionKey: key });
  const db = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier, network, encryptionKey: key });
  const fn = new TenantFunction(stack, 'App', { tenantId: 'acme', tier, network, encryptionKey: key, database: db, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
  link.allowQuery(db);
  link.allowInvoke(fn);
  return { stack, link, db, fn, key };
}

const synthError = (stack: Stack) => {
  try {
    (stack.node.root as App).synth();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('widening the link is a synth error', () => {
  test('a link with only its allow* grants synthesizes', () => {
    const { stack } = tenant();
    expect(synthError(stack)).toBe('no error');
  });

  test('throws at synth when db.grantConnect(link.role) reaches the app secret', () => {
    const { stack, link, db } = tenant();
    db.grantConnect(link.role);
    expect(synthError(stack)).toMatch(/\[Tenant\/Link\] CrossAccountLink of tenant "acme": AWS::IAM::Policy Tenant\/Link\/Resource\/DefaultPolicy\/Resource grants the link role more than its allow\* calls: .*secretsmanager:GetSecretValue/);
  });

  test('throws at synth when db.adminSecret.grantRead(link.role) reaches the admin secret', () => {
    const { stack, link, db } = tenant();
    db.adminSecret.grantRead(link.role);
    expect(synthError(stack)).toMatch(/CrossAccountLink of tenant "acme": AWS::IAM::Policy Tenant\/Link\/Resource\/DefaultPolicy\/Resource grants the link role more than its allow\* calls/);
  });

  test('throws at synth when db.bootstrapFunction.grantInvoke(link.role) reaches the bootstrap function', () => {
    const { stack, link, db } = tenant();
    db.bootstrapFunction.grantInvoke(link.role);
    expect(synthError(stack)).toMatch(/grants the link role more than its allow\* calls: .*lambda:InvokeFunction/);
  });

  test('throws at synth when a policy is attached by name to an imported link role', () => {
    const { stack } = tenant();
    const imported = iam.Role.fromRoleName(stack, 'Imported', CrossAccountLink.roleNameFor('acme'));
    imported.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    expect(synthError(stack)).toMatch(/AWS::IAM::Policy Tenant\/Imported\/Policy\/Resource grants the link role more than its allow\* calls/);
  });

  test('throws at synth when a managed policy is added to the link role', () => {
    const { stack, link } = tenant();
    link.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));
    expect(synthError(stack)).toMatch(/the link role has ManagedPolicyArns .*ReadOnlyAccess/);
  });

  test('throws at synth when a statement is added to the link\'s Permissions policy', () => {
    const { stack, link } = tenant();
    (link.node.findChild('Permissions') as iam.ManagedPolicy).addStatements(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: ['*'] }));
    expect(synthError(stack)).toMatch(/AWS::IAM::ManagedPolicy Tenant\/Link\/Permissions\/Resource is not what the allow\* calls granted/);
  });

  test('throws at synth when the boundary is widened through its L1', () => {
    const { stack, link } = tenant();
    (link.permissionsBoundary.node.defaultChild as iam.CfnManagedPolicy).addPropertyOverride('PolicyDocument.Statement.0.Resource', '*');
    expect(synthError(stack)).toMatch(/AWS::IAM::ManagedPolicy Tenant\/Link\/Boundary\/Resource is not what the allow\* calls granted/);
  });

  test('throws at synth when a key policy names the link role', () => {
    const { stack, link } = tenant();
    const key = new kms.Key(stack, 'OtherKey', { enableKeyRotation: true });
    key.addToResourcePolicy(new iam.PolicyStatement({ principals: [link.role], actions: ['kms:Decrypt'], resources: ['*'] }));
    expect(synthError(stack)).toMatch(/AWS::KMS::Key Tenant\/OtherKey\/Resource names the link role in a resource policy/);
  });

  test('throws at synth when a Lambda permission names the link role', () => {
    const { stack, link, fn } = tenant();
    new lambda.CfnPermission(stack, 'Perm', { action: 'lambda:InvokeFunction', functionName: fn.latest.functionName, principal: link.role.roleArn });
    expect(synthError(stack)).toMatch(/AWS::Lambda::Permission Tenant\/Perm names the link role in a resource policy/);
  });

  test('throws at synth when a resource policy names a session of the link role (which no boundary limits)', () => {
    const { stack } = tenant();
    const key = new kms.Key(stack, 'OtherKey', { enableKeyRotation: true });
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ArnPrincipal(`arn:aws:sts::${ACCOUNT}:assumed-role/tenant-blocks-link-acme/console-session`)],
      actions: ['kms:Decrypt'],
      resources: ['*'],
    }));
    expect(synthError(stack)).toMatch(/AWS::KMS::Key Tenant\/OtherKey\/Resource names the link role in a resource policy/);
  });

  test('a widening added after a clean synth is still caught when the link is validated again', () => {
    const { stack, link, db } = tenant();
    expect(synthError(stack)).toBe('no error');
    expect(link.node.validate()).toEqual([]);
    db.adminSecret.grantRead(link.role);
    expect(link.node.validate()).toEqual(expect.arrayContaining([expect.stringMatching(/grants the link role more than its allow\* calls/)]));
  });

  test('another tenant\'s link role (tenant-blocks-link-acme-dev) is not mistaken for this one', () => {
    const { stack } = tenant();
    const imported = iam.Role.fromRoleName(stack, 'Dev', 'tenant-blocks-link-acme-dev');
    imported.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    expect(synthError(stack)).toBe('no error');
  });

  test('throws at synth when the link role\'s trust admits another principal', () => {
    const { stack, link } = tenant();
    (link.role as iam.Role).assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.AccountPrincipal('333333333333')] }));
    expect(synthError(stack)).toMatch(/CrossAccountLink of tenant "acme": the link role's trust policy is not the link's .*333333333333/);
  });

  test('throws at synth when an escape hatch drops the trust conditions', () => {
    const { stack, link } = tenant();
    (link.role.node.defaultChild as iam.CfnRole).addPropertyDeletionOverride('AssumeRolePolicyDocument.Statement.0.Condition');
    expect(synthError(stack)).toMatch(/the link role's trust policy is not the link's/);
  });

  test('a policy of Deny statements only may be attached: it takes permissions away', () => {
    const { stack, link } = tenant();
    new iam.Policy(stack, 'Narrower', { roles: [link.role], statements: [new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['rds-data:*'], resources: ['*'] })] });
    expect(synthError(stack)).toBe('no error');
  });

  test('throws at synth when another tenant\'s stack of a fleet app names this link\'s role (one shared scan, indexed by role name)', () => {
    // GIVEN a fleet: tenant acme (with its blocks) and 20 more links in their own stacks of the same app
    const { stack } = tenant();
    const app = stack.node.root as App;
    const links = Array.from({ length: 20 }, (_, i) => {
      const other = new Stack(app, `Tenant${i}`, { env: { account: ACCOUNT, region: REGION } });
      return new CrossAccountLink(other, 'Link', {
        tenantId: `acme${i}`,
        platformAccountId: '111111111111',
        platformRoleArns: ['arn:aws:iam::111111111111:role/console'],
        externalId: CrossAccountLink.generateExternalId(),
      });
    });
    // WHEN a key in tenant acme7's stack names acme's link role by its ARN (acme7 is a different role)
    const key = new kms.Key(links[7], 'Door', { enableKeyRotation: true });
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ArnPrincipal(`arn:aws:iam::${ACCOUNT}:role/${CrossAccountLink.roleNameFor('acme')}`)],
      actions: ['kms:Decrypt'],
      resources: ['*'],
    }));
    // THEN acme's link reports it, and no other link does
    const error = synthError(stack);
    expect(error).toMatch(/CrossAccountLink of tenant "acme": AWS::KMS::Key Tenant7\/Link\/Door\/Resource names the link role/);
    expect(error).not.toMatch(/CrossAccountLink of tenant "acme\d+"/);
  });

  test('throws at synth when a grant in another stack of the app widens the link', () => {
    const { stack, link } = tenant();
    const other = new Stack(stack.node.root as App, 'Other', { env: { account: ACCOUNT, region: REGION } });
    new iam.Policy(other, 'Wide', { roles: [link.role], statements: [new iam.PolicyStatement({ actions: ['rds-data:*'], resources: ['*'] })] });
    expect(synthError(stack)).toMatch(/AWS::IAM::Policy Other\/Wide\/Resource grants the link role more than its allow\* calls/);
  });
});

// ------------------------------------------------------------------------------------------------
// Policy evaluation over the synthesized template

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, any> }> };

/** Resolves the intrinsics of a synthesized value to plausible physical names and ARNs. */
function resolver(template: Template) {
  const res = template.Resources;
  const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  const functionArn = (name: string) => (name.startsWith('arn:') ? name : arn('lambda', `function:${name}`));
  const ref = (id: string): string => {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' };
    if (pseudo[id]) return pseudo[id];
    const r = res[id];
    if (!r) throw new Error(`unknown Ref ${id}`);
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::SecretsManager::Secret': return arn('secretsmanager', `secret:${id}-AbCdEf`);
      case 'AWS::SecretsManager::SecretTargetAttachment': return resolve(p.SecretId);
      case 'AWS::KMS::Key': return id;
      case 'AWS::RDS::DBCluster': return p.DBClusterIdentifier ? resolve(p.DBClusterIdentifier) : id.toLowerCase();
      case 'AWS::Lambda::Function': return p.FunctionName ? resolve(p.FunctionName) : id;
      case 'AWS::Lambda::Alias': return `${functionArn(resolve(p.FunctionName))}:${resolve(p.Name)}`;
      case 'AWS::Lambda::Version': return `${functionArn(resolve(p.FunctionName))}:1`;
      case 'AWS::IAM::Role': return p.RoleName ? resolve(p.RoleName) : id;
      case 'AWS::IAM::ManagedPolicy': return `arn:aws:iam::${ACCOUNT}:policy/${id}`;
      case 'AWS::S3::Bucket': return id.toLowerCase();
      default: return id;
    }
  };
  const getAtt = (id: string, attribute: string): string => {
    const r = res[id];
    if (!r) throw new Error(`unknown GetAtt ${id}`);
    if (attribute !== 'Arn') return `${id}.${attribute}`;
    switch (r.Type) {
      case 'AWS::KMS::Key': return arn('kms', `key/${id}`);
      case 'AWS::Lambda::Function': return functionArn(ref(id));
      case 'AWS::IAM::Role': return `arn:aws:iam::${ACCOUNT}:role/${ref(id)}`;
      case 'AWS::S3::Bucket': return `arn:aws:s3:::${ref(id)}`;
      case 'AWS::RDS::DBCluster': return arn('rds', `cluster:${ref(id)}`);
      default: return arn('unknown', `${r.Type}/${id}`);
    }
  };
  const resolve = (value: any): any => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      if ('Ref' in value) return ref(value.Ref);
      if ('Fn::GetAtt' in value) return getAtt(value['Fn::GetAtt'][0], value['Fn::GetAtt'][1]);
      if ('Fn::Join' in value) return (value['Fn::Join'][1] as any[]).map(resolve).join(value['Fn::Join'][0]);
      if ('Fn::Select' in value) return resolve(value['Fn::Select'][1])[value['Fn::Select'][0]];
      if ('Fn::Split' in value) return String(resolve(value['Fn::Split'][1])).split(value['Fn::Split'][0]);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return { resolve, ref, getAtt };
}

/** The link role's identity policies and boundary, resolved. */
function linkPolicies(template: Template) {
  const { resolve } = resolver(template);
  const roleId = Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::IAM::Role' && template.Resources[id].Properties?.RoleName === 'tenant-blocks-link-acme')!;
  const role = template.Resources[roleId].Properties!;
  const attached = (r: { Properties?: Record<string, any> }) => (r.Properties?.Roles ?? []).some((x: any) => x?.Ref === roleId || x === 'tenant-blocks-link-acme');
  const identity: IamPolicyDocument[] = [
    ...Object.values(template.Resources).filter((r) => ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(r.Type) && attached(r)).map((r) => resolve(r.Properties!.PolicyDocument)),
    ...(role.Policies ?? []).map((p: any) => resolve(p.PolicyDocument)),
  ];
  const boundaryId = role.PermissionsBoundary.Ref;
  const boundary: IamPolicyDocument = resolve(template.Resources[boundaryId].Properties!.PolicyDocument);
  return { identity, boundary };
}

/** Requests worth trying against the tenant's resources: every secret, key, cluster, function and qualifier. */
function probes(template: Template): IamRequest[] {
  const { ref, getAtt } = resolver(template);
  const ids = (type: string) => Object.keys(template.Resources).filter((id) => template.Resources[id].Type === type);
  const inAccount = { 'aws:ResourceAccount': ACCOUNT };
  const secrets = ids('AWS::SecretsManager::Secret').map(ref);
  const keys = ids('AWS::KMS::Key').map((id) => getAtt(id, 'Arn'));
  const clusters = ids('AWS::RDS::DBCluster').map((id) => getAtt(id, 'Arn'));
  const functions = ids('AWS::Lambda::Function').map((id) => getAtt(id, 'Arn'));
  const aliases = [...ids('AWS::Lambda::Alias').map(ref), ...ids('AWS::Lambda::Version').map(ref)];
  const qualified = functions.flatMap((f) => [f, `${f}:$LATEST`, `${f}:live`, `${f}:platform`, `${f}:1`]);
  const otherAccount = (a: string) => a.replace(ACCOUNT, OTHER_ACCOUNT);
  const requests: IamRequest[] = [];
  const add = (actions: string[], resources: string[], contexts: Array<Record<string, string>>) => {
    for (const action of actions) {
      for (const resource of resources) {
        for (const context of contexts) {
          requests.push({ action, resource, context: { ...(resource.includes(OTHER_ACCOUNT) ? { 'aws:ResourceAccount': OTHER_ACCOUNT } : inAccount), ...context } });
        }
      }
    }
  };
  add(['rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement', 'rds-data:BeginTransaction', 'rds:DeleteDBCluster', 'rds:ModifyDBCluster'], [...clusters, ...clusters.map(otherAccount)], [{}]);
  add(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:PutSecretValue'], [...secrets, ...secrets.map(otherAccount)], [{}]);
  const decryptContexts: Array<Record<string, string>> = [{}, { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
    ...secrets.map((s) => ({ 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:EncryptionContext:SecretARN': s }))];
  add(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy'], [...keys, ...keys.map(otherAccount)], decryptContexts);
  add(['lambda:InvokeFunction', 'lambda:UpdateFunctionCode', 'lambda:UpdateAlias'], [...new Set([...qualified, ...aliases, ...qualified.map(otherAccount)])], [{}]);
  add(['iam:PassRole', 'iam:CreateRole', 'sts:AssumeRole', 'organizations:LeaveOrganization'], [`arn:aws:iam::${ACCOUNT}:role/tenant-blocks-link-acme`, '*'], [{}]);
  add(['s3:GetObject', 's3:PutObject'], ids('AWS::S3::Bucket').map((id) => `${getAtt(id, 'Arn')}/x`), [{}]);
  return requests;
}

/** The allow* table (docs/blocks/link.md), as the evaluator prints allowed requests. */
function allowTable(template: Template, db: TenantPostgres, fn: TenantFunction, stack: Stack): string[] {
  const { resolve } = resolver(template);
  const readOnly = resolve(stack.resolve(db.readOnlySecret.secretArn));
  const key = resolve(stack.resolve(db.readOnlySecret.encryptionKey!.keyArn));
  const cluster = resolve(stack.resolve(db.cluster.clusterArn));
  const platformAlias = `${resolve(stack.resolve(fn.latest.functionArn))}:platform`;
  return [
    `rds-data:ExecuteStatement ${cluster} {"aws:ResourceAccount":"${ACCOUNT}"}`,
    `secretsmanager:GetSecretValue ${readOnly} {"aws:ResourceAccount":"${ACCOUNT}"}`,
    `kms:Decrypt ${key} ${JSON.stringify({ 'aws:ResourceAccount': ACCOUNT, 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:EncryptionContext:SecretARN': readOnly })}`,
    `lambda:InvokeFunction ${platformAlias} {"aws:ResourceAccount":"${ACCOUNT}"}`,
  ];
}

/** The template as synthesized, construct validations skipped (to evaluate a widened link). */
function rawTemplate(stack: Stack): Template {
  const assembly = (stack.node.root as App).synth({ skipValidation: true, force: true });
  return assembly.getStackByName(stack.stackName).template;
}

describe('the effective permissions of the link role are exactly the allow* table', () => {
  test('as built', () => {
    const { stack, db, fn } = tenant();
    const template = rawTemplate(stack);
    const { identity, boundary } = linkPolicies(template);
    const requests = probes(template);
    expect(requests.length).toBeGreaterThan(300);
    // The probes reach every secret (admin, app, read-only), the key, the cluster and every function of the tenant.
    expect(new Set(requests.filter((r) => r.action === 'lambda:InvokeFunction').map((r) => r.resource.split(':')[6])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(requests.filter((r) => r.action === 'secretsmanager:GetSecretValue' && r.resource.includes(ACCOUNT)).map((r) => r.resource)).size).toBe(3);
    expect(effectivePermissions(identity, boundary, requests).sort()).toEqual(allowTable(template, db, fn, stack).sort());
  });

  test('even when grantConnect, adminSecret.grantRead and bootstrapFunction.grantInvoke widen the identity policy (validation skipped)', () => {
    const { stack, link, db, fn } = tenant();
    db.grantConnect(link.role);
    db.adminSecret.grantRead(link.role);
    db.bootstrapFunction.grantInvoke(link.role);
    link.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
    const template = rawTemplate(stack);
    const { identity, boundary } = linkPolicies(template);
    // The identity policies alone would allow far more ...
    expect(effectivePermissions(identity, undefined, probes(template)).length).toBeGreaterThan(100);
    // ... the boundary keeps the effective permissions to the table.
    expect(effectivePermissions(identity, boundary, probes(template)).sort()).toEqual(allowTable(template, db, fn, stack).sort());
  });

  test('the check fails for a known-wide boundary (the boundary of the previous release)', () => {
    const { stack, db, fn, link } = tenant();
    db.adminSecret.grantRead(link.role);
    db.bootstrapFunction.grantInvoke(link.role);
    const template = rawTemplate(stack);
    const { identity, boundary } = linkPolicies(template);
    const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
    const previous: IamPolicyDocument = {
      Statement: [
        { Effect: 'Allow', Action: 'rds-data:ExecuteStatement', Resource: arn('rds', 'cluster:*') },
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: arn('secretsmanager', 'secret:*') },
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: arn('kms', 'key/*'), Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } } },
        { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arn('lambda', 'function:*') },
        ...boundary.Statement.filter((s) => s.Effect === 'Deny'),
      ],
    };
    const effective = effectivePermissions(identity, previous, probes(template));
    const table = allowTable(template, db, fn, stack);
    expect(effective.sort()).not.toEqual(table.sort());
    const { resolve } = resolver(template);
    const adminSecret = resolve(stack.resolve(db.adminSecret.secretArn));
    expect(effective).toContain(`secretsmanager:GetSecretValue ${adminSecret} {"aws:ResourceAccount":"${ACCOUNT}"}`);
    expect(effective.some((e) => e.startsWith('lambda:InvokeFunction') && e.includes(':$LATEST'))).toBe(true);
  });
});

describe('the trust, evaluated', () => {
  test('admits AssumeRole and SetSourceIdentity only with the external id and a source identity', () => {
    const stack = testStack('Tenant', { account: ACCOUNT, region: REGION });
    const externalId = CrossAccountLink.generateExternalId();
    new CrossAccountLink(stack, 'Link', {
      tenantId: 'acme', platformAccountId: '111111111111', platformRoleArns: ['arn:aws:iam::111111111111:role/console'], externalId,
    });
    const template = rawTemplate(stack);
    const role = Object.values(template.Resources).find((r) => r.Properties?.RoleName === 'tenant-blocks-link-acme')!;
    const trust: IamPolicyDocument = role.Properties!.AssumeRolePolicyDocument;
    const arn = `arn:aws:iam::${ACCOUNT}:role/tenant-blocks-link-acme`;
    // The trust as a policy on the role's own ARN (the evaluator ignores Principal: the roles are asserted elsewhere).
    const onRole: IamPolicyDocument = { Statement: trust.Statement.map((s) => ({ ...s, Resource: arn })) };
    const assume = (context: Record<string, string>) => ['sts:AssumeRole', 'sts:SetSourceIdentity']
      .map((action) => isAllowed([onRole], undefined, { action, resource: arn, context }));
    expect(assume({ 'sts:ExternalId': externalId, 'sts:SourceIdentity': 'alice@platform' })).toEqual([true, true]);
    expect(assume({ 'sts:ExternalId': externalId })).toEqual([false, false]);
    expect(assume({ 'sts:ExternalId': `${externalId}x`, 'sts:SourceIdentity': 'alice@platform' })).toEqual([false, false]);
    expect(assume({ 'sts:SourceIdentity': 'alice@platform' })).toEqual([false, false]);
    expect(isAllowed([onRole], undefined, {
      action: 'sts:TagSession', resource: arn, context: { 'sts:ExternalId': externalId, 'sts:SourceIdentity': 'alice@platform' },
    })).toBe(false);
  });
});

