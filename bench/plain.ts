/**
 * The baseline: one tenant written with plain aws-cdk-lib L2 constructs, roughly what the blocks
 * build (VPC, KMS key, Aurora Serverless v2 with its secret, AWS Backup plan, a Lambda function in
 * the VPC behind an internal ALB, log groups) without the blocks' validation, guardrails and extras.
 */
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';

export function plainTenant(app: App, tenantId: string, env: { account: string; region: string }): Stack {
  const stack = new Stack(app, `Plain-${tenantId}`, { env });
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true, alias: `alias/plain/${tenantId}` });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
  const cluster = new rds.DatabaseCluster(stack, 'Db', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    writer: rds.ClusterInstance.serverlessV2('Writer'),
    serverlessV2MinCapacity: 0,
    serverlessV2MaxCapacity: 4,
    storageEncryptionKey: key,
    credentials: rds.Credentials.fromGeneratedSecret('app_admin', { encryptionKey: key }),
    removalPolicy: RemovalPolicy.SNAPSHOT,
    enableDataApi: true,
  });
  const plan = backup.BackupPlan.daily35DayRetention(stack, 'Plan', new backup.BackupVault(stack, 'Vault', { encryptionKey: key }));
  plan.addSelection('Db', { resources: [backup.BackupResource.fromRdsDatabaseCluster(cluster)] });
  const logGroup = new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
    vpc,
    logGroup,
    timeout: Duration.seconds(30),
  });
  cluster.connections.allowDefaultPortFrom(fn);
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false });
  alb.addListener('Http', { port: 80 }).addTargets('Fn', { targets: [new targets.LambdaTarget(fn)] });
  return stack;
}
