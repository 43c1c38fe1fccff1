import { App, Aspects, Aws, CfnParameter, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { GuardrailInvariant, TenantGuardrails } from '../../src/core/guardrails';
import { TIER_TAG } from '../../src/core/tenant-defaults';
import { TenantTier } from '../../src/core/tier';

const ENV = { account: '123456789012', region: 'us-east-1' };

function newStack(): Stack {
  const app = new App({
    context: { [`availability-zones:account=${ENV.account}:region=${ENV.region}`]: ['us-east-1a', 'us-east-1b', 'us-east-1c'] },
  });
  return new Stack(app, 'S', { env: ENV });
}

/** A scope that stands in for a block: guardrails applied to it, a tenant key inside. */
function newBlock(stack: Stack): { block: Construct; key: kms.Key } {
  const block = new Construct(stack, 'Block');
  TenantGuardrails.applyTo(block);
  const key = new kms.Key(block, 'Key', { enableKeyRotation: true });
  return { block, key };
}

function guardrailErrors(stack: Stack) {
  return Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('TenantGuardrails'));
}

function expectOneError(stack: Stack, path: string, pattern: string): void {
  const errors = Annotations.fromStack(stack).findError(path, Match.stringLikeRegexp(pattern));
  expect(errors).toHaveLength(1);
  expect(guardrailErrors(stack)).toHaveLength(1);
}

function newVpc(scope: Construct): ec2.Vpc {
  return new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0, restrictDefaultSecurityGroup: false });
}

function compliantBucket(scope: Construct, key: kms.IKey): s3.Bucket {
  return new s3.Bucket(scope, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: key, enforceSSL: true });
}

function compliantCluster(scope: Construct, key: kms.IKey, vpc: ec2.IVpc): rds.DatabaseCluster {
  return new rds.DatabaseCluster(scope, 'Db', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
    writer: rds.ClusterInstance.serverlessV2('Writer'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    storageEncryptionKey: key,
    credentials: rds.Credentials.fromGeneratedSecret('postgres', { encryptionKey: key }),
    removalPolicy: RemovalPolicy.SNAPSHOT,
    securityGroups: [new ec2.SecurityGroup(scope, 'DbSg', { vpc, allowAllOutbound: false })],
  });
}

describe('TenantGuardrails', () => {
  test('reports nothing for resources that hold every invariant', () => {
    // GIVEN
    const stack = newStack();
    const { block, key } = newBlock(stack);
    const vpc = newVpc(block);
    compliantBucket(block, key);
    compliantCluster(block, key, vpc);
    new logs.LogGroup(block, 'Logs', { encryptionKey: key, retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    new secretsmanager.Secret(block, 'Secret', { encryptionKey: key });
    new kinesis.Stream(block, 'Stream', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    new sns.Topic(block, 'Topic', { masterKey: key });
    new sqs.Queue(block, 'Queue', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
    new backup.BackupVault(block, 'Vault', { encryptionKey: key, removalPolicy: RemovalPolicy.RETAIN });
    const alb = new elbv2.ApplicationLoadBalancer(block, 'Alb', { vpc, internetFacing: true });
    alb.connections.allowFromAnyIpv4(ec2.Port.tcp(443), 'HTTPS from the internet');
    alb.connections.allowFrom(ec2.Peer.anyIpv6(), ec2.Port.tcp(443), 'HTTPS from the internet (IPv6)');
    new ec2.CfnSecurityGroupIngress(block, 'AlbHttps', {
      groupId: alb.connections.securityGroups[0].securityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0',
    });
    const appSg = new ec2.SecurityGroup(block, 'AppSg', { vpc, allowAllOutbound: false });
    appSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and third parties');
    appSg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(5432), 'from the VPC');
    // a DEVELOPMENT key may be scheduled for deletion: KMS always waits 7-30 days (documented choice)
    new kms.Key(block, 'DevKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY, pendingWindow: Duration.days(7) });
    // keys that cannot rotate automatically are not asked to
    new kms.Key(block, 'SigningKey', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY });
    new kms.Key(block, 'HmacKey', { keySpec: kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });
    new kms.CfnKey(block, 'ImportedMaterialKey', { origin: 'EXTERNAL', keyPolicy: {} });
    // a PRODUCTION database with deletion protection, a tagged DEVELOPMENT one without
    const prodDb = compliantCluster(new Construct(block, 'Prod'), key, vpc);
    (prodDb.node.defaultChild as rds.CfnDBCluster).deletionProtection = true;
    Tags.of(prodDb).add(TIER_TAG, TenantTier.PRODUCTION);
    Tags.of(compliantCluster(new Construct(block, 'Dev'), key, vpc)).add(TIER_TAG, TenantTier.DEVELOPMENT);
    // a role that keeps the boundary it was marked with
    const boundary = new iam.ManagedPolicy(block, 'Boundary', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    const role = new iam.Role(block, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), permissionsBoundary: boundary });
    TenantGuardrails.requirePermissionsBoundary(role, boundary);
    // networks of an organization are not the internet
    appSg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/8'), ec2.Port.tcp(5432), 'the largest block one organization holds');
    appSg.addIngressRule(ec2.Peer.ipv6('2001:db8::/32'), ec2.Port.tcp(5432), 'a registry member allocation');

    // THEN
    expect(guardrailErrors(stack)).toEqual([]);
  });

  describe('customer-managed encryption', () => {
    test('reports a bucket whose encryption was removed through the L1 escape hatch', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const bucket = compliantBucket(block, key);
      (bucket.node.defaultChild as s3.CfnBucket).bucketEncryption = undefined;

      expectOneError(stack, '/S/Block/Bucket/Resource',
        'AWS::S3::Bucket S/Block/Bucket/Resource \\(BlockBucket[0-9A-F]{8}\\): not encrypted with a customer-managed KMS key \\(BucketEncryption is missing.*CUSTOMER_MANAGED_ENCRYPTION');
    });

    test('reports a bucket overridden to SSE-S3', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const bucket = compliantBucket(block, key);
      (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(
        'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault', { SSEAlgorithm: 'AES256' });

      expectOneError(stack, '/S/Block/Bucket/Resource', 'AWS::S3::Bucket S/Block/Bucket/Resource .*SSEAlgorithm is \'AES256\'');
    });

    test('reports a bucket encrypted with the AWS-managed aws/s3 key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new s3.Bucket(block, 'Bucket', { encryption: s3.BucketEncryption.KMS_MANAGED });

      expectOneError(stack, '/S/Block/Bucket/Resource', 'AWS::S3::Bucket S/Block/Bucket/Resource .*KMSMasterKeyID is missing');
    });

    test('reports a database cluster with storage encryption switched off', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const cluster = compliantCluster(block, key, newVpc(block));
      (cluster.node.defaultChild as rds.CfnDBCluster).addPropertyOverride('StorageEncrypted', false);

      expectOneError(stack, '/S/Block/Db/Resource', 'AWS::RDS::DBCluster S/Block/Db/Resource .*storage is not encrypted \\(StorageEncrypted is false\\)');
    });

    test('reports a database cluster that lost its customer key', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const cluster = compliantCluster(block, key, newVpc(block));
      (cluster.node.defaultChild as rds.CfnDBCluster).addPropertyDeletionOverride('KmsKeyId');

      expectOneError(stack, '/S/Block/Db/Resource', 'AWS::RDS::DBCluster S/Block/Db/Resource .*KmsKeyId is missing');
    });

    test('reports a stand-alone database instance without a customer key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new rds.CfnDBInstance(block, 'Instance', {
        dbInstanceClass: 'db.t4g.micro', engine: 'postgres', allocatedStorage: '20', storageEncrypted: true,
      });

      expectOneError(stack, '/S/Block/Instance', 'AWS::RDS::DBInstance S/Block/Instance .*KmsKeyId is missing');
    });

    test('reports a log group without a key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new logs.LogGroup(block, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });

      expectOneError(stack, '/S/Block/Logs/Resource', 'AWS::Logs::LogGroup S/Block/Logs/Resource .*KmsKeyId is missing');
    });

    test('reports a secret encrypted with the AWS-managed key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new secretsmanager.Secret(block, 'Secret');

      expectOneError(stack, '/S/Block/Secret/Resource', 'AWS::SecretsManager::Secret S/Block/Secret/Resource .*KmsKeyId is missing');
    });

    test('reports an unencrypted Kinesis stream', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new kinesis.Stream(block, 'Stream', { encryption: kinesis.StreamEncryption.UNENCRYPTED });

      expectOneError(stack, '/S/Block/Stream/Resource', 'AWS::Kinesis::Stream S/Block/Stream/Resource .*StreamEncryption is missing');
    });

    test('reports a Kinesis stream on the AWS-managed key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new kinesis.Stream(block, 'Stream', { encryption: kinesis.StreamEncryption.MANAGED });

      expectOneError(stack, '/S/Block/Stream/Resource', 'AWS::Kinesis::Stream S/Block/Stream/Resource .*AWS-managed key \'alias/aws/kinesis\'');
    });

    test('reports an SNS topic without a key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new sns.Topic(block, 'Topic');

      expectOneError(stack, '/S/Block/Topic/Resource', 'AWS::SNS::Topic S/Block/Topic/Resource .*KmsMasterKeyId is missing');
    });

    test('reports an SQS queue on SQS-managed encryption', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new sqs.Queue(block, 'Queue', { encryption: sqs.QueueEncryption.SQS_MANAGED });

      expectOneError(stack, '/S/Block/Queue/Resource', 'AWS::SQS::Queue S/Block/Queue/Resource .*KmsMasterKeyId is missing');
    });

    test('reports a backup vault on the default AWS-managed key', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new backup.BackupVault(block, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });

      expectOneError(stack, '/S/Block/Vault/Resource', 'AWS::Backup::BackupVault S/Block/Vault/Resource .*EncryptionKeyArn is missing');
    });
  });

  describe('log retention', () => {
    test('reports a log group kept forever', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      new logs.LogGroup(block, 'Logs', { encryptionKey: key, retention: logs.RetentionDays.INFINITE });

      expectOneError(stack, '/S/Block/Logs/Resource', 'AWS::Logs::LogGroup S/Block/Logs/Resource .*no retention.*LOG_RETENTION');
    });
  });

  describe('no ingress from the internet', () => {
    test.each([
      ['0.0.0.0/0 on SSH', ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'tcp 22 from 0.0.0.0/0'],
      ['::/0 on SSH', ec2.Peer.anyIpv6(), ec2.Port.tcp(22), 'tcp 22 from ::/0'],
      ['0.0.0.0/0 on all traffic', ec2.Peer.anyIpv4(), ec2.Port.allTraffic(), 'all traffic from 0.0.0.0/0'],
      ['0.0.0.0/0 on HTTPS to a group no load balancer uses', ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'tcp 443 from 0.0.0.0/0.*only on a load balancer'],
    ])('reports inline ingress %s', (_name, peer, port, pattern) => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      sg.addIngressRule(peer, port, 'opened by an escape hatch');

      expectOneError(stack, '/S/Block/Sg/Resource', `AWS::EC2::SecurityGroup S/Block/Sg/Resource .*open to the whole internet \\(${pattern}.*NO_INTERNET_INGRESS`);
    });

    test('reports the whole IPv4 internet split into two /1 rules', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      sg.addIngressRule(ec2.Peer.ipv4('0.0.0.0/1'), ec2.Port.tcp(5432));
      sg.addIngressRule(ec2.Peer.ipv4('128.0.0.0/1'), ec2.Port.tcp(5432));

      const errors = Annotations.fromStack(stack).findError('/S/Block/Sg/Resource', Match.stringLikeRegexp('NO_INTERNET_INGRESS'));
      expect(errors.map((e) => String(e.entry.data).replace(/.*\): /, ''))).toEqual([
        'security group ingress open to the whole internet (tcp 5432 from 0.0.0.0/1); only a load balancer\'s TCP 443 may be open to the internet (NO_INTERNET_INGRESS)',
        'security group ingress open to the whole internet (tcp 5432 from 128.0.0.0/1); only a load balancer\'s TCP 443 may be open to the internet (NO_INTERNET_INGRESS)',
      ]);
    });

    test.each([
      ['an IPv4 /7', '10.0.0.0/7', true],
      ['an IPv4 /8', '10.0.0.0/8', false],
      ['an IPv6 /31', '2001:db8::/31', true],
      ['an IPv6 /32', '2001:db8::/32', false],
      ['the global IPv6 unicast /3', '2000::/3', true],
    ])('%s (%s) counts as the whole internet: %s', (_name, cidr, reported) => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new ec2.CfnSecurityGroupIngress(block, 'Rule', {
        groupId: 'sg-0123456789abcdef0',
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        ...(cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIp: cidr }),
      });

      expect(guardrailErrors(stack).map((e) => String(e.entry.data))).toEqual(reported ? [expect.stringContaining(`tcp 22 from ${cidr}`)] : []);
    });

    test('reports an AWS::EC2::SecurityGroupIngress from 0.0.0.0/0 to the database port', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      new ec2.CfnSecurityGroupIngress(block, 'Open', {
        groupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIp: '0.0.0.0/0',
      });

      expectOneError(stack, '/S/Block/Open', 'AWS::EC2::SecurityGroupIngress S/Block/Open .*tcp 5432 from 0.0.0.0/0');
    });

    test('reports a load balancer group opened to the internet on a port other than 443', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const alb = new elbv2.ApplicationLoadBalancer(block, 'Alb', { vpc: newVpc(block), internetFacing: true });
      alb.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
      alb.connections.allowFromAnyIpv4(ec2.Port.tcp(80));

      expectOneError(stack, '/S/Block/Alb/SecurityGroup/Resource', 'open to the whole internet \\(tcp 80 from 0.0.0.0/0\\); only a load balancer\'s TCP 443');
    });

    test('lets through HTTPS to a group defined outside the stack, but not SSH', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new ec2.CfnSecurityGroupIngress(block, 'Https', { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' });
      new ec2.CfnSecurityGroupIngress(block, 'Ssh', { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });

      expectOneError(stack, '/S/Block/Ssh', 'tcp 22 from 0.0.0.0/0');
    });

    test('counts a CIDR token it cannot read (a parameter) as the internet (issue 8.9)', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const cidr = new CfnParameter(stack, 'Cidr');
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      sg.addIngressRule(ec2.Peer.ipv4(cidr.valueAsString), ec2.Port.tcp(22));

      expectOneError(stack, '/S/Block/Sg/Resource', 'open to the whole internet \\(tcp 22 from a CIDR the guardrails cannot read \\{"Ref":"Cidr"\\}, counted as the internet\\)');
    });

    test('counts a CIDR that hides a token in a string as the internet (issue 8.9)', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new ec2.CfnSecurityGroupIngress(block, 'Rule', {
        groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIp: `0.0.0.0/0${Aws.NO_VALUE}`,
      });

      expectOneError(stack, '/S/Block/Rule', 'tcp 5432 from a CIDR the guardrails cannot read');
    });

    test('reads the CIDR of a VPC of the same stack (Fn::GetAtt CidrBlock) as that CIDR', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const vpc = newVpc(block);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc, allowAllOutbound: false });
      sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(5432));

      expect(guardrailErrors(stack)).toEqual([]);
    });

    test('reports fd::/16 (that is 00fd::/16, not a unique-local range) as internet-wide (issue 9.10)', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new ec2.CfnSecurityGroupIngress(block, 'Rule', { groupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: 'fd::/16' });

      expectOneError(stack, '/S/Block/Rule', 'tcp 22 from fd::/16');
    });

    test('reports ingress from a prefix list it cannot read (SourcePrefixListId) (issue 9.10)', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      sg.addIngressRule(ec2.Peer.prefixList('pl-0123456789abcdef0'), ec2.Port.tcp(5432));

      expectOneError(stack, '*', 'AWS::EC2::SecurityGroupIngress .*tcp 5432 from prefix list pl-0123456789abcdef0, which the guardrails cannot read');
    });

    test('reads a prefix list of the same stack: private entries pass, an internet-wide entry is reported', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      const office = new ec2.PrefixList(block, 'Office', { entries: [{ cidr: '10.20.0.0/16' }], maxEntries: 2 });
      const open = new ec2.PrefixList(block, 'Open', { entries: [{ cidr: '10.30.0.0/16' }, { cidr: '0.0.0.0/1' }], maxEntries: 2 });
      sg.addIngressRule(ec2.Peer.prefixList(office.prefixListId), ec2.Port.tcp(5432));
      sg.addIngressRule(ec2.Peer.prefixList(open.prefixListId), ec2.Port.tcp(5433));

      expectOneError(stack, '*', 'tcp 5433 from prefix list .*with 0.0.0.0/1');
    });

    test('a security group shared between a load balancer and a function loses the 443 exemption (issue 9.10)', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const vpc = newVpc(block);
      const alb = new elbv2.ApplicationLoadBalancer(block, 'Alb', { vpc, internetFacing: true });
      alb.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
      const fn = new lambda.Function(block, 'Fn', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler=async()=>{}'),
        vpc,
        securityGroups: alb.connections.securityGroups,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      });
      fn.node.addDependency(alb);

      expectOneError(stack, '/S/Block/Alb/SecurityGroup/Resource', 'tcp 443 from 0.0.0.0/0.*also used by AWS::Lambda::Function');
    });
  });

  describe('no egress to the internet except HTTPS (issue 9.10)', () => {
    test('reports all-traffic egress to the internet (allowAllOutbound)', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: true });

      expectOneError(stack, '/S/Block/Sg/Resource', 'security group egress open to the whole internet \\(all traffic to 0.0.0.0/0\\); only TCP 443 .*NO_INTERNET_EGRESS');
    });

    test('reports an AWS::EC2::SecurityGroupEgress to the internet on a port other than 443', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc: newVpc(block), allowAllOutbound: false });
      new ec2.CfnSecurityGroupEgress(block, 'Smtp', { groupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 25, toPort: 25, cidrIp: '0.0.0.0/0' });
      new ec2.CfnSecurityGroupEgress(block, 'Https', { groupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' });
      new ec2.CfnSecurityGroupEgress(block, 'Pl', { groupId: sg.securityGroupId, ipProtocol: 'tcp', fromPort: 0, toPort: 65535, destinationPrefixListId: 'pl-63a5400a' });

      const errors = guardrailErrors(stack).map((e) => `${e.id} ${String(e.entry.data).replace(/.*\): /, '')}`);
      expect(errors).toEqual([
        '/S/Block/Smtp security group egress open to the whole internet (tcp 25 to 0.0.0.0/0); only TCP 443 (HTTPS) may leave for the internet (NO_INTERNET_EGRESS)',
        '/S/Block/Pl security group egress open to the whole internet (tcp 0-65535 to prefix list pl-63a5400a, which the guardrails cannot read); only TCP 443 (HTTPS) may leave for the internet (NO_INTERNET_EGRESS)',
      ]);
    });

    test('lets egress to a private range, to another security group and aws-cdk-lib\'s "no egress" placeholder through', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const vpc = newVpc(block);
      const other = new ec2.SecurityGroup(block, 'Other', { vpc, allowAllOutbound: false });
      const sg = new ec2.SecurityGroup(block, 'Sg', { vpc, allowAllOutbound: false });
      sg.addEgressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(5432));
      sg.addEgressRule(other, ec2.Port.tcp(5432));

      expect(guardrailErrors(stack)).toEqual([]);
    });
  });

  describe('no outright deletion', () => {
    test('reports a database cluster set to be deleted', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      compliantCluster(block, key, newVpc(block)).applyRemovalPolicy(RemovalPolicy.DESTROY);

      const errors = Annotations.fromStack(stack).findError('/S/Block/Db/Resource', Match.stringLikeRegexp('AWS::RDS::DBCluster S/Block/Db/Resource .*Delete.*NO_OUTRIGHT_DELETION'));
      expect(errors.map((e) => String(e.entry.data).replace(/.*\): /, ''))).toEqual([
        'DeletionPolicy is Delete; a database must be kept as a snapshot or retained: use Snapshot or Retain (NO_OUTRIGHT_DELETION)',
        'UpdateReplacePolicy is Delete (a replacement would delete the data); a database must be kept as a snapshot or retained: use Snapshot or Retain (NO_OUTRIGHT_DELETION)',
      ]);
      expect(guardrailErrors(stack)).toHaveLength(2);
    });

    test('reports a stand-alone database instance set to be deleted', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const instance = new rds.CfnDBInstance(block, 'Instance', {
        dbInstanceClass: 'db.t4g.micro', engine: 'postgres', allocatedStorage: '20', storageEncrypted: true, kmsKeyId: key.keyArn,
      });
      instance.cfnOptions.deletionPolicy = undefined;
      instance.addOverride('DeletionPolicy', 'Delete');

      expectOneError(stack, '/S/Block/Instance', 'AWS::RDS::DBInstance S/Block/Instance .*DeletionPolicy is Delete');
    });

    test('reports a backup vault that is not retained', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      new backup.BackupVault(block, 'Vault', { encryptionKey: key, removalPolicy: RemovalPolicy.DESTROY });

      const errors = Annotations.fromStack(stack).findError('/S/Block/Vault/Resource', Match.stringLikeRegexp('AWS::Backup::BackupVault .*DeletionPolicy is Delete, expected Retain'));
      expect(errors).toHaveLength(1);
    });
  });

  describe('deletion protection of PRODUCTION databases', () => {
    test('reports a PRODUCTION database cluster whose deletion protection was switched off', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const cluster = compliantCluster(block, key, newVpc(block));
      Tags.of(cluster).add(TIER_TAG, TenantTier.PRODUCTION);
      (cluster.node.defaultChild as rds.CfnDBCluster).addPropertyOverride('DeletionProtection', false);

      expectOneError(stack, '/S/Block/Db/Resource',
        'AWS::RDS::DBCluster S/Block/Db/Resource .*a PRODUCTION database \\(tag tenant-blocks:tier=PRODUCTION\\) must have deletion protection \\(DeletionProtection is false\\) \\(DELETION_PROTECTION\\)');
    });

    test('reports a PRODUCTION database cluster without deletion protection', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      Tags.of(compliantCluster(block, key, newVpc(block))).add(TIER_TAG, TenantTier.PRODUCTION);

      expectOneError(stack, '/S/Block/Db/Resource', 'DeletionProtection is missing.*DELETION_PROTECTION');
    });

    test('reports a stand-alone PRODUCTION database instance without deletion protection', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const instance = new rds.CfnDBInstance(block, 'Instance', {
        dbInstanceClass: 'db.t4g.micro', engine: 'postgres', allocatedStorage: '20', storageEncrypted: true, kmsKeyId: key.keyArn, deletionProtection: false,
      });
      Tags.of(instance).add(TIER_TAG, TenantTier.PRODUCTION);

      expectOneError(stack, '/S/Block/Instance', 'AWS::RDS::DBInstance S/Block/Instance .*DeletionProtection is false');
    });

    test('does not ask a DEVELOPMENT or untagged database for deletion protection', () => {
      const stack = newStack();
      const { block, key } = newBlock(stack);
      const vpc = newVpc(block);
      Tags.of(compliantCluster(new Construct(block, 'Dev'), key, vpc)).add(TIER_TAG, TenantTier.DEVELOPMENT);
      compliantCluster(new Construct(block, 'Untagged'), key, vpc);

      expect(guardrailErrors(stack)).toEqual([]);
    });
  });

  describe('key rotation', () => {
    test('reports a symmetric key whose rotation was switched off through the L1', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      const key = new kms.Key(block, 'Rotating', { enableKeyRotation: true });
      (key.node.defaultChild as kms.CfnKey).addPropertyOverride('EnableKeyRotation', false);

      expectOneError(stack, '/S/Block/Rotating/Resource',
        'AWS::KMS::Key S/Block/Rotating/Resource .*a symmetric encryption key must rotate its key material \\(EnableKeyRotation is false\\) \\(KEY_ROTATION\\)');
    });

    test('reports a symmetric key created without rotation', () => {
      const stack = newStack();
      const { block } = newBlock(stack);
      new kms.Key(block, 'Plain');

      expectOneError(stack, '/S/Block/Plain/Resource', 'EnableKeyRotation is missing.*KEY_ROTATION');
    });
  });

  describe('permissions boundary', () => {
    function markedRole(stack: Stack) {
      const { block } = newBlock(stack);
      const boundary = new iam.ManagedPolicy(block, 'Boundary', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
      const role = new iam.Role(block, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), permissionsBoundary: boundary });
      TenantGuardrails.requirePermissionsBoundary(role, boundary);
      return { block, role, boundary };
    }

    test('reports a marked role whose boundary was removed through the L1', () => {
      const stack = newStack();
      const { role } = markedRole(stack);
      (role.node.defaultChild as iam.CfnRole).addPropertyDeletionOverride('PermissionsBoundary');

      expectOneError(stack, '/S/Block/Role/Resource',
        'AWS::IAM::Role S/Block/Role/Resource .*the role must keep its permissions boundary S/Block/Boundary \\(\\{"Ref":"BlockBoundary[0-9A-F]{8}"\\}\\); PermissionsBoundary is missing, so nothing limits what its policies grant \\(PERMISSIONS_BOUNDARY\\)');
    });

    test('reports a marked role whose boundary was swapped for another policy through the L1', () => {
      const stack = newStack();
      const { role } = markedRole(stack);
      (role.node.defaultChild as iam.CfnRole).addPropertyOverride('PermissionsBoundary', 'arn:aws:iam::aws:policy/AdministratorAccess');

      expectOneError(stack, '/S/Block/Role/Resource', 'PermissionsBoundary is "arn:aws:iam::aws:policy/AdministratorAccess" \\(PERMISSIONS_BOUNDARY\\)');
    });

    test.each([
      ['cleared', (role: iam.Role) => iam.PermissionsBoundary.of(role).clear(), 'PermissionsBoundary is missing'],
      ['replaced', (role: iam.Role) => iam.PermissionsBoundary.of(role).apply(iam.ManagedPolicy.fromAwsManagedPolicyName('PowerUserAccess')), 'PermissionsBoundary is .*PowerUserAccess'],
    ])('reports a marked role whose boundary an aspect %s', (_name, change, pattern) => {
      const stack = newStack();
      const { role } = markedRole(stack);
      change(role);

      expectOneError(stack, '/S/Block/Role/Resource', `${pattern}.*PERMISSIONS_BOUNDARY`);
    });

    test('checks a mark on a role\'s L1 too', () => {
      const stack = newStack();
      const { block, boundary } = markedRole(stack);
      const cfnRole = new iam.CfnRole(block, 'L1Role', { assumeRolePolicyDocument: { Statement: [] } });
      TenantGuardrails.requirePermissionsBoundary(cfnRole, boundary);

      expectOneError(stack, '/S/Block/L1Role', 'AWS::IAM::Role S/Block/L1Role .*PermissionsBoundary is missing');
    });

    test('leaves unmarked and imported roles alone', () => {
      const stack = newStack();
      const { block, boundary } = markedRole(stack);
      new iam.Role(block, 'Unmarked', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      TenantGuardrails.requirePermissionsBoundary(iam.Role.fromRoleArn(block, 'Imported', 'arn:aws:iam::123456789012:role/x'), boundary);

      expect(guardrailErrors(stack)).toEqual([]);
    });
  });

  test('applyTo adds the aspect once per scope and once below an ancestor that has it', () => {
    const stack = newStack();
    const { block } = newBlock(stack);
    const inner = new Construct(block, 'Inner');
    TenantGuardrails.applyTo(block);
    TenantGuardrails.applyTo(inner);
    new sns.Topic(inner, 'Topic');

    expect(Aspects.of(block).all.filter((a) => a instanceof TenantGuardrails)).toHaveLength(1);
    expect(Aspects.of(inner).all.filter((a) => a instanceof TenantGuardrails)).toHaveLength(0);
    expect(guardrailErrors(stack)).toHaveLength(1);
  });

  test('reports once when a nested block applies the guardrails before its parent', () => {
    const stack = newStack();
    const parent = new Construct(stack, 'Parent');
    const child = new Construct(parent, 'Child');
    TenantGuardrails.applyTo(child);
    TenantGuardrails.applyTo(parent);
    new sns.Topic(child, 'Topic');

    expect(guardrailErrors(stack)).toHaveLength(1);
  });

  test('only checks resources inside the scope it was applied to', () => {
    const stack = newStack();
    newBlock(stack);
    new sns.Topic(stack, 'OutsideTopic');

    expect(guardrailErrors(stack)).toEqual([]);
  });

  test('exempt lifts one invariant with a reason and keeps the others', () => {
    const stack = newStack();
    const { block } = newBlock(stack);
    const logGroup = new logs.LogGroup(block, 'Logs', { retention: logs.RetentionDays.INFINITE });
    TenantGuardrails.exempt(logGroup, GuardrailInvariant.CUSTOMER_MANAGED_ENCRYPTION, 'test: exemption of the key requirement');

    expectOneError(stack, '/S/Block/Logs/Resource', 'LOG_RETENTION');
  });

  test('throws when an exemption has no reason', () => {
    const stack = newStack();
    expect(() => TenantGuardrails.exempt(stack, GuardrailInvariant.LOG_RETENTION, ' '))
      .toThrow(/TenantGuardrails.exempt\(S, LOG_RETENTION\): a specific reason of at least 10 characters is required/);
  });
});
