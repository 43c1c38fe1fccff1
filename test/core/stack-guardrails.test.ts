// Containment reaches every door (issue 21 §1): the guardrails check every stack that holds a block
// as a whole, not only the blocks' own subtrees. A rule on a block's security group from anywhere in
// the app, and any trust or resource policy of a tenant stack that admits the platform account, an
// organization, `*` or a principal the check cannot read (except the link itself), is a synth error
// naming the resource, unless exempted with a reason.
import * as path from 'path';
import { App, Aws, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TenantFunction, TenantFunctionCode } from '../../src/blocks/function';
import { CrossAccountLink } from '../../src/blocks/link';
import { TenantPostgres } from '../../src/blocks/postgres';
import { GuardrailInvariant, TenantGuardrails, TenantKey, TenantNetwork, TenantTier } from '../../src/core';
import { PlatformHub } from '../../src/platform/hub';
import { testApp } from '../support/app';

const TENANT_ACCOUNT = '210987654321';
const PLATFORM_ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const FIXTURE = path.join(__dirname, '..', 'blocks', 'function', 'fixtures', 'hello');

/** A tenant stack as the example app builds it: link (with the hub), key, network, database, function. */
function tenant(app: App = testApp()) {
  const stack = new Stack(app, 'Tenant', { env: { account: TENANT_ACCOUNT, region: REGION } });
  const tenantId = 'acme';
  const tier = TenantTier.DEVELOPMENT;
  const link = new CrossAccountLink(stack, 'Link', {
    tenantId,
    platformAccountId: PLATFORM_ACCOUNT,
    platformRoleArns: [`arn:aws:iam::${PLATFORM_ACCOUNT}:role/console`],
    externalId: CrossAccountLink.generateExternalId(),
    hub: PlatformHub.referenceFor(PLATFORM_ACCOUNT, REGION),
  });
  const key = new TenantKey(stack, 'Key', { tenantId, tier });
  const network = new TenantNetwork(stack, 'Net', { tenantId, tier, encryptionKey: key, logShipping: link.logShipping });
  const db = new TenantPostgres(stack, 'Db', { tenantId, tier, network, encryptionKey: key, logShipping: link.logShipping });
  const fn = new TenantFunction(stack, 'App', {
    tenantId,
    tier,
    network,
    encryptionKey: key,
    logShipping: link.logShipping,
    database: db,
    code: TenantFunctionCode.fromAsset(FIXTURE),
    handler: 'index.handler',
  });
  link.allowQuery(db);
  link.allowInvoke(fn);
  return { app, stack, link, db, fn, key, network };
}

type Tenant = ReturnType<typeof tenant>;

const dbGroupId = (t: Tenant) => t.db.connections.securityGroups[0].securityGroupId;

function guardrailErrors(stack: Stack): string[] {
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('TenantGuardrails')).map((e) => String(e.entry.data));
}

describe('TenantGuardrails over the whole tenant stack', () => {
  test('a tenant stack as the blocks build it reports nothing (the link\'s own trust of the platform included)', () => {
    const t = tenant();
    expect(guardrailErrors(t.stack)).toEqual([]);
  });

  describe('a rule on a block\'s security group, from outside the block', () => {
    test.each([
      ['0.0.0.0/0', { cidrIp: '0.0.0.0/0' }],
      ['::/0', { cidrIpv6: '::/0' }],
    ])('throws when a stack-level CfnSecurityGroupIngress opens the database group to %s on 5432', (peer, source) => {
      // GIVEN
      const t = tenant();
      // WHEN
      new ec2.CfnSecurityGroupIngress(t.stack, 'Door', { groupId: dbGroupId(t), ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, ...source });
      // THEN
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`AWS::EC2::SecurityGroupIngress Tenant/Door .*tcp 5432 from ${peer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*NO_INTERNET_INGRESS`));
    });

    test('throws when SecurityGroup.fromSecurityGroupId(<the database group>).addIngressRule(anyIpv4, 5432)', () => {
      const t = tenant();
      ec2.SecurityGroup.fromSecurityGroupId(t.stack, 'Imported', dbGroupId(t)).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432));
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::EC2::SecurityGroupIngress Tenant\/Imported\/from 0\.0\.0\.0_0:5432 .*tcp 5432 from 0\.0\.0\.0\/0.*NO_INTERNET_INGRESS/);
    });

    test('throws when a rule in another stack of the app opens the database group (cross-stack reference)', () => {
      const t = tenant();
      const other = new Stack(t.app, 'Extras', { env: { account: TENANT_ACCOUNT, region: REGION } });
      ec2.SecurityGroup.fromSecurityGroupId(other, 'Imported', dbGroupId(t)).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(5432));
      expect(guardrailErrors(t.stack)).toEqual([]);
      const errors = guardrailErrors(other);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::EC2::SecurityGroupIngress Extras\/Imported\/from ::_0:5432 .*tcp 5432 from ::\/0.*NO_INTERNET_INGRESS/);
    });

    test('throws when a stack-level CfnSecurityGroupEgress opens the function group to the internet on every port', () => {
      const t = tenant();
      new ec2.CfnSecurityGroupEgress(t.stack, 'Out', { groupId: t.fn.connections.securityGroups[0].securityGroupId, ipProtocol: '-1', cidrIp: '0.0.0.0/0' });
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::EC2::SecurityGroupEgress Tenant\/Out .*all traffic to 0\.0\.0\.0\/0.*NO_INTERNET_EGRESS/);
    });

    test('a private network on the database port from outside the block is allowed (what allowedCidrs allows)', () => {
      const t = tenant();
      ec2.SecurityGroup.fromSecurityGroupId(t.stack, 'Imported', dbGroupId(t)).addIngressRule(ec2.Peer.ipv4('10.20.0.0/16'), ec2.Port.tcp(5432));
      expect(guardrailErrors(t.stack)).toEqual([]);
    });

    test('an exemption with a reason on the rule lets it through', () => {
      const t = tenant();
      const door = new ec2.CfnSecurityGroupIngress(t.stack, 'Door', { groupId: dbGroupId(t), ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIp: '0.0.0.0/0' });
      TenantGuardrails.exempt(door, GuardrailInvariant.NO_INTERNET_INGRESS, 'a throw-away demo database, torn down every night');
      expect(guardrailErrors(t.stack)).toEqual([]);
    });
  });

  describe('a door into the tenant account beside the link', () => {
    test('throws when fn.function.grantInvoke(new AccountPrincipal(<platform account>))', () => {
      const t = tenant();
      t.fn.function.grantInvoke(new iam.AccountPrincipal(PLATFORM_ACCOUNT));
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`AWS::Lambda::Permission Tenant/App/.*the platform account ${PLATFORM_ACCOUNT}.*NO_FOREIGN_ACCESS`));
    });

    test.each([
      ['new AccountPrincipal(<platform account>)', () => new iam.AccountPrincipal(PLATFORM_ACCOUNT)],
      ['its root ARN', () => new iam.ArnPrincipal(`arn:aws:iam::${PLATFORM_ACCOUNT}:root`)],
    ])('throws when a role trusting the platform account through %s holds AdministratorAccess', (_, principal) => {
      const t = tenant();
      new iam.Role(t.stack, 'Admin', {
        assumedBy: principal(),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
      });
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`AWS::IAM::Role Tenant/Admin/Resource .*trust policy.*the platform account ${PLATFORM_ACCOUNT}.*NO_FOREIGN_ACCESS`));
    });

    test('throws when a Lambda permission\'s principal is a CfnParameter defaulting to the link\'s session ARN', () => {
      const t = tenant();
      const principal = new CfnParameter(t.stack, 'Caller', {
        default: `arn:aws:sts::${TENANT_ACCOUNT}:assumed-role/${CrossAccountLink.roleNameFor('acme')}/console`,
      });
      new lambda.CfnPermission(t.stack, 'Door', {
        action: 'lambda:InvokeFunction',
        functionName: t.fn.function.functionArn,
        principal: principal.valueAsString,
      });
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::Lambda::Permission Tenant\/Door .*cannot read.*NO_FOREIGN_ACCESS/);
    });

    test('throws when a function is opened to an organization (principal * with aws:PrincipalOrgID)', () => {
      const t = tenant();
      t.fn.function.grantInvoke(new iam.OrganizationPrincipal('o-a1b2c3d4e5'));
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::Lambda::Permission Tenant\/App\/.*organization.*NO_FOREIGN_ACCESS/);
    });

    test('throws when a bucket policy admits * on a cross-account condition', () => {
      const t = tenant();
      t.fn.dataBucket.addToResourcePolicy(new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        principals: [new iam.AnyPrincipal()],
        resources: [t.fn.dataBucket.arnForObjects('*')],
        conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }));
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::S3::BucketPolicy Tenant\/App\/.*\* .*NO_FOREIGN_ACCESS/);
    });

    test('throws when a key policy names another account', () => {
      const t = tenant();
      t.key.key.addToResourcePolicy(new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        principals: [new iam.AccountPrincipal('999999999999')],
        resources: ['*'],
      }));
      const errors = guardrailErrors(t.stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/AWS::KMS::Key Tenant\/Key\/.*account 999999999999.*NO_FOREIGN_ACCESS/);
    });

    test('service principals and the tenant\'s own account are not doors', () => {
      const t = tenant();
      t.fn.function.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
      t.fn.function.grantInvoke(new iam.AccountRootPrincipal());
      t.fn.latest.grantInvoke(new iam.AccountPrincipal(Aws.ACCOUNT_ID));
      new iam.Role(t.stack, 'Own', { assumedBy: new iam.AccountPrincipal(TENANT_ACCOUNT) });
      const bucket = new s3.Bucket(t.stack, 'Extra', { encryptionKey: t.key.key, enforceSSL: true });
      bucket.grantRead(new iam.AccountRootPrincipal());
      expect(guardrailErrors(t.stack)).toEqual([]);
    });

    test('an exemption with a reason on the resource lets it through', () => {
      const t = tenant();
      const role = new iam.Role(t.stack, 'Audit', { assumedBy: new iam.AccountPrincipal(PLATFORM_ACCOUNT) });
      TenantGuardrails.exempt(role, GuardrailInvariant.NO_FOREIGN_ACCESS, 'the platform auditor reads CloudTrail settings, read-only');
      expect(guardrailErrors(t.stack)).toEqual([]);
    });

    test('a stack without a block is not a tenant stack (a hub names tenant accounts legitimately)', () => {
      const t = tenant();
      const platform = new Stack(t.app, 'Platform', { env: { account: PLATFORM_ACCOUNT, region: REGION } });
      new iam.Role(platform, 'Provisioner', { assumedBy: new iam.AccountPrincipal(TENANT_ACCOUNT) });
      expect(guardrailErrors(platform)).toEqual([]);
      expect(guardrailErrors(t.stack)).toEqual([]);
    });
  });
});
