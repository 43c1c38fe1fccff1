/**
 * What CloudFormation needs, per resource type, to create, update, delete and read the resources
 * of a tenant stack: the source of the tenant-account bootstrap's execution policy (and of the
 * observer's read-only policy, which drift detection uses to read the resources).
 *
 * The list of types is not written by hand: a test synthesizes every block in both tiers and fails
 * when a template holds a type missing here (or when a type here no longer appears), so the policy
 * grows and shrinks with the blocks. The actions per type follow the CloudFormation resource
 * providers' handler permissions (create/update/delete/read/list), trimmed to the properties the
 * blocks set.
 */

/** The actions of one resource type. */
export interface ResourceTypeActions {
  /** What reading the resource needs (drift detection, the observer). */
  readonly read: string[];
  /** What creating, changing and deleting it needs, besides `read`. */
  readonly write: string[];
}

const TAGS_EC2 = ['ec2:CreateTags', 'ec2:DeleteTags'];

/** CloudFormation's needs per resource type of the tenant blocks. */
export const RESOURCE_TYPE_ACTIONS: Readonly<Record<string, ResourceTypeActions>> = {
  'AWS::Backup::BackupPlan': { read: ['backup:GetBackupPlan', 'backup:ListTags'], write: ['backup:CreateBackupPlan', 'backup:UpdateBackupPlan', 'backup:DeleteBackupPlan', 'backup:TagResource', 'backup:UntagResource'] },
  'AWS::Backup::BackupSelection': { read: ['backup:GetBackupSelection'], write: ['backup:CreateBackupSelection', 'backup:DeleteBackupSelection', 'iam:PassRole'] },
  // A vault encrypted with a customer key: Backup mounts its storage capsule and takes a grant on the key.
  'AWS::Backup::BackupVault': {
    read: ['backup:DescribeBackupVault', 'backup:GetBackupVaultAccessPolicy', 'backup:GetBackupVaultNotifications', 'backup:ListTags'],
    write: ['backup:CreateBackupVault', 'backup:DeleteBackupVault', 'backup:PutBackupVaultAccessPolicy', 'backup:DeleteBackupVaultAccessPolicy',
      'backup:PutBackupVaultLockConfiguration', 'backup:DeleteBackupVaultLockConfiguration', 'backup:TagResource', 'backup:UntagResource',
      'backup-storage:MountCapsule', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt', 'kms:RetireGrant'],
  },
  // DNS validation: CloudFormation writes the validation record into the hosted zone.
  'AWS::CertificateManager::Certificate': {
    read: ['acm:DescribeCertificate', 'acm:ListTagsForCertificate'],
    write: ['acm:RequestCertificate', 'acm:DeleteCertificate', 'acm:AddTagsToCertificate', 'acm:RemoveTagsFromCertificate',
      'route53:ChangeResourceRecordSets', 'route53:GetChange', 'route53:ListResourceRecordSets'],
  },
  'AWS::CloudWatch::Alarm': { read: ['cloudwatch:DescribeAlarms', 'cloudwatch:ListTagsForResource'], write: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:TagResource', 'cloudwatch:UntagResource'] },
  'AWS::CloudWatch::Dashboard': { read: ['cloudwatch:GetDashboard'], write: ['cloudwatch:PutDashboard', 'cloudwatch:DeleteDashboards'] },
  'AWS::CodeDeploy::Application': { read: ['codedeploy:GetApplication', 'codedeploy:ListTagsForResource'], write: ['codedeploy:CreateApplication', 'codedeploy:DeleteApplication', 'codedeploy:TagResource', 'codedeploy:UntagResource'] },
  'AWS::CodeDeploy::DeploymentGroup': {
    read: ['codedeploy:GetDeploymentGroup', 'codedeploy:GetDeploymentConfig'],
    write: ['codedeploy:CreateDeploymentGroup', 'codedeploy:UpdateDeploymentGroup', 'codedeploy:DeleteDeploymentGroup', 'iam:PassRole'],
  },
  'AWS::EC2::EIP': { read: ['ec2:DescribeAddresses'], write: ['ec2:AllocateAddress', 'ec2:ReleaseAddress', ...TAGS_EC2] },
  'AWS::EC2::FlowLog': { read: ['ec2:DescribeFlowLogs', 'logs:DescribeLogGroups'], write: ['ec2:CreateFlowLogs', 'ec2:DeleteFlowLogs', 'logs:CreateLogDelivery', 'logs:DeleteLogDelivery', 'iam:PassRole', ...TAGS_EC2] },
  'AWS::EC2::InternetGateway': { read: ['ec2:DescribeInternetGateways'], write: ['ec2:CreateInternetGateway', 'ec2:DeleteInternetGateway', ...TAGS_EC2] },
  'AWS::EC2::NatGateway': { read: ['ec2:DescribeNatGateways'], write: ['ec2:CreateNatGateway', 'ec2:DeleteNatGateway', ...TAGS_EC2] },
  'AWS::EC2::Route': { read: ['ec2:DescribeRouteTables'], write: ['ec2:CreateRoute', 'ec2:ReplaceRoute', 'ec2:DeleteRoute'] },
  'AWS::EC2::RouteTable': { read: ['ec2:DescribeRouteTables'], write: ['ec2:CreateRouteTable', 'ec2:DeleteRouteTable', ...TAGS_EC2] },
  'AWS::EC2::SecurityGroup': {
    read: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
    write: ['ec2:CreateSecurityGroup', 'ec2:DeleteSecurityGroup', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress',
      'ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress', ...TAGS_EC2],
  },
  'AWS::EC2::SecurityGroupEgress': { read: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'], write: ['ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupEgress', 'ec2:UpdateSecurityGroupRuleDescriptionsEgress'] },
  'AWS::EC2::SecurityGroupIngress': { read: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'], write: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:UpdateSecurityGroupRuleDescriptionsIngress'] },
  'AWS::EC2::Subnet': { read: ['ec2:DescribeSubnets'], write: ['ec2:CreateSubnet', 'ec2:DeleteSubnet', 'ec2:ModifySubnetAttribute', ...TAGS_EC2] },
  'AWS::EC2::SubnetRouteTableAssociation': { read: ['ec2:DescribeRouteTables'], write: ['ec2:AssociateRouteTable', 'ec2:DisassociateRouteTable', 'ec2:ReplaceRouteTableAssociation'] },
  'AWS::EC2::TransitGatewayAttachment': {
    read: ['ec2:DescribeTransitGatewayAttachments', 'ec2:DescribeTransitGatewayVpcAttachments'],
    write: ['ec2:CreateTransitGatewayVpcAttachment', 'ec2:ModifyTransitGatewayVpcAttachment', 'ec2:DeleteTransitGatewayVpcAttachment', ...TAGS_EC2],
  },
  'AWS::EC2::VPC': {
    read: ['ec2:DescribeVpcs', 'ec2:DescribeVpcAttribute', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkAcls'],
    write: ['ec2:CreateVpc', 'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute', ...TAGS_EC2],
  },
  'AWS::EC2::VPCEndpoint': {
    read: ['ec2:DescribeVpcEndpoints', 'ec2:DescribePrefixLists'],
    write: ['ec2:CreateVpcEndpoint', 'ec2:ModifyVpcEndpoint', 'ec2:DeleteVpcEndpoints', 'route53:AssociateVPCWithHostedZone', ...TAGS_EC2],
  },
  'AWS::EC2::VPCGatewayAttachment': { read: ['ec2:DescribeInternetGateways'], write: ['ec2:AttachInternetGateway', 'ec2:DetachInternetGateway'] },
  'AWS::ElasticLoadBalancingV2::Listener': {
    read: ['elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeListenerAttributes'],
    write: ['elasticloadbalancing:CreateListener', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:ModifyListenerAttributes'],
  },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    read: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeTags'],
    write: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyLoadBalancerAttributes',
      'elasticloadbalancing:SetSecurityGroups', 'elasticloadbalancing:SetSubnets', 'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
  },
  // A Lambda target: the load balancer registers the function, which its permission allows.
  'AWS::ElasticLoadBalancingV2::TargetGroup': {
    read: ['elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroupAttributes', 'elasticloadbalancing:DescribeTargetHealth'],
    write: ['elasticloadbalancing:CreateTargetGroup', 'elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:DeleteTargetGroup',
      'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets',
      'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
  },
  'AWS::Events::Rule': { read: ['events:DescribeRule', 'events:ListTargetsByRule'], write: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets', 'iam:PassRole'] },
  'AWS::IAM::ManagedPolicy': {
    read: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:ListEntitiesForPolicy'],
    write: ['iam:CreatePolicy', 'iam:DeletePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
  },
  'AWS::IAM::Policy': { read: ['iam:GetRolePolicy'], write: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'] },
  'AWS::IAM::Role': {
    read: ['iam:GetRole', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListRoleTags'],
    write: ['iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy',
      'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary', 'iam:TagRole', 'iam:UntagRole'],
  },
  'AWS::KMS::Alias': { read: ['kms:ListAliases'], write: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'] },
  'AWS::KMS::Key': {
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
    write: ['kms:CreateKey', 'kms:PutKeyPolicy', 'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'kms:EnableKey', 'kms:DisableKey',
      'kms:UpdateKeyDescription', 'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource'],
  },
  'AWS::Lambda::Alias': { read: ['lambda:GetAlias'], write: ['lambda:CreateAlias', 'lambda:UpdateAlias', 'lambda:DeleteAlias'] },
  // Functions in a VPC: Lambda checks the caller may describe the network it is given.
  'AWS::Lambda::Function': {
    read: ['lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:GetFunctionCodeSigningConfig', 'lambda:GetRuntimeManagementConfig',
      'lambda:GetFunctionRecursionConfig', 'lambda:ListTags'],
    write: ['lambda:CreateFunction', 'lambda:DeleteFunction', 'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration',
      'lambda:PutFunctionConcurrency', 'lambda:DeleteFunctionConcurrency', 'lambda:PutRuntimeManagementConfig', 'lambda:PutFunctionRecursionConfig',
      'lambda:TagResource', 'lambda:UntagResource', 'iam:PassRole', 's3:GetObject', 's3:GetObjectVersion',
      'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeNetworkInterfaces', 'kms:CreateGrant', 'kms:Encrypt', 'kms:Decrypt'],
  },
  'AWS::Lambda::LayerVersion': { read: ['lambda:GetLayerVersion'], write: ['lambda:PublishLayerVersion', 'lambda:DeleteLayerVersion', 's3:GetObject', 's3:GetObjectVersion'] },
  'AWS::Lambda::Permission': { read: ['lambda:GetPolicy'], write: ['lambda:AddPermission', 'lambda:RemovePermission'] },
  'AWS::Lambda::Version': { read: ['lambda:ListVersionsByFunction', 'lambda:GetFunctionConfiguration'], write: ['lambda:PublishVersion', 'lambda:DeleteFunction'] },
  'AWS::Logs::LogGroup': {
    read: ['logs:DescribeLogGroups', 'logs:ListTagsForResource'],
    write: ['logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:AssociateKmsKey',
      'logs:DisassociateKmsKey', 'logs:TagResource', 'logs:UntagResource'],
  },
  // The destination is the hub's, in the platform account: it admits the tenant accounts itself. On the organization
  // path the filter names a sender role (RoleArn): "for any destination except a Lambda function, you must also have
  // the iam:PassRole permission" (PutSubscriptionFilter API reference).
  'AWS::Logs::SubscriptionFilter': { read: ['logs:DescribeSubscriptionFilters'], write: ['logs:PutSubscriptionFilter', 'logs:DeleteSubscriptionFilter', 'iam:PassRole'] },
  'AWS::RDS::DBCluster': {
    read: ['rds:DescribeDBClusters', 'rds:ListTagsForResource'],
    write: ['rds:CreateDBCluster', 'rds:ModifyDBCluster', 'rds:DeleteDBCluster', 'rds:AddTagsToResource', 'rds:RemoveTagsFromResource',
      'rds:EnableHttpEndpoint', 'rds:DisableHttpEndpoint', 'rds:CreateDBClusterSnapshot', 'iam:PassRole', 'iam:CreateServiceLinkedRole',
      'kms:CreateGrant', 'kms:DescribeKey', 'secretsmanager:CreateSecret', 'secretsmanager:TagResource'],
  },
  'AWS::RDS::DBClusterParameterGroup': {
    read: ['rds:DescribeDBClusterParameterGroups', 'rds:DescribeDBClusterParameters', 'rds:ListTagsForResource'],
    write: ['rds:CreateDBClusterParameterGroup', 'rds:ModifyDBClusterParameterGroup', 'rds:DeleteDBClusterParameterGroup', 'rds:AddTagsToResource', 'rds:RemoveTagsFromResource'],
  },
  'AWS::RDS::DBInstance': {
    read: ['rds:DescribeDBInstances', 'rds:ListTagsForResource'],
    write: ['rds:CreateDBInstance', 'rds:ModifyDBInstance', 'rds:DeleteDBInstance', 'rds:RebootDBInstance', 'rds:AddTagsToResource', 'rds:RemoveTagsFromResource'],
  },
  'AWS::RDS::DBSubnetGroup': {
    read: ['rds:DescribeDBSubnetGroups', 'rds:ListTagsForResource'],
    write: ['rds:CreateDBSubnetGroup', 'rds:ModifyDBSubnetGroup', 'rds:DeleteDBSubnetGroup', 'rds:AddTagsToResource', 'rds:RemoveTagsFromResource'],
  },
  'AWS::Route53::RecordSet': { read: ['route53:ListResourceRecordSets', 'route53:GetHostedZone'], write: ['route53:ChangeResourceRecordSets', 'route53:GetChange'] },
  'AWS::S3::Bucket': {
    read: ['s3:GetBucketLocation', 's3:GetBucketTagging', 's3:GetBucketVersioning', 's3:GetEncryptionConfiguration', 's3:GetBucketPublicAccessBlock',
      's3:GetLifecycleConfiguration', 's3:GetBucketOwnershipControls', 's3:GetBucketLogging', 's3:GetBucketNotification', 's3:GetBucketPolicy', 's3:ListBucket'],
    write: ['s3:CreateBucket', 's3:DeleteBucket', 's3:PutBucketTagging', 's3:PutBucketVersioning', 's3:PutEncryptionConfiguration',
      's3:PutBucketPublicAccessBlock', 's3:PutLifecycleConfiguration', 's3:PutBucketOwnershipControls', 's3:PutBucketLogging', 's3:PutBucketNotification'],
  },
  'AWS::S3::BucketPolicy': { read: ['s3:GetBucketPolicy'], write: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy'] },
  'AWS::SSM::Parameter': {
    read: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:DescribeParameters', 'ssm:ListTagsForResource'],
    write: ['ssm:PutParameter', 'ssm:DeleteParameter', 'ssm:AddTagsToResource', 'ssm:RemoveTagsFromResource'],
  },
  // Rotation with a function in the tenant account: Secrets Manager invokes it once at creation.
  'AWS::SecretsManager::RotationSchedule': {
    read: ['secretsmanager:DescribeSecret'],
    write: ['secretsmanager:RotateSecret', 'secretsmanager:CancelRotateSecret', 'lambda:InvokeFunction'],
  },
  'AWS::SecretsManager::Secret': {
    read: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy'],
    write: ['secretsmanager:CreateSecret', 'secretsmanager:UpdateSecret', 'secretsmanager:DeleteSecret', 'secretsmanager:GetRandomPassword',
      'secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteResourcePolicy', 'secretsmanager:TagResource', 'secretsmanager:UntagResource',
      'kms:GenerateDataKey', 'kms:Decrypt', 'kms:Encrypt'],
  },
  'AWS::SecretsManager::SecretTargetAttachment': {
    read: ['secretsmanager:DescribeSecret'],
    write: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'rds:DescribeDBClusters', 'rds:DescribeDBInstances', 'kms:GenerateDataKey', 'kms:Decrypt'],
  },
};

/** Custom resources (`Custom::*`): CloudFormation invokes their provider function with the execution role. */
export const CUSTOM_RESOURCE_ACTIONS: ResourceTypeActions = { read: [], write: ['lambda:InvokeFunction'] };

/** What every role of a tenant stack may at most do: the services the blocks' own role policies use. */
export const ROLE_SERVICES_OF_MANAGED_POLICIES: Readonly<Record<string, string[]>> = {
  // AWS Backup's service role for backups: the services it backs up and tags.
  'service-role/AWSBackupServiceRolePolicyForBackup': ['backup', 'rds', 'ec2', 'kms', 'tag', 'dynamodb', 'elasticfilesystem', 'storagegateway', 'fsx', 'redshift', 'iam', 'cloudformation', 's3', 'ssm'],
  // CodeDeploy's limited role for Lambda: alias shifting, the hooks and the alarms.
  'service-role/AWSCodeDeployRoleForLambdaLimited': ['lambda', 'cloudwatch', 'sns', 's3'],
  'service-role/AWSLambdaBasicExecutionRole': ['logs'],
  'service-role/AWSLambdaVPCAccessExecutionRole': ['logs', 'ec2'],
};

/** The actions CloudFormation needs for the given resource types (sorted, distinct). */
export function executionActions(types: readonly string[], part: 'read' | 'all' = 'all'): string[] {
  const actions = new Set<string>();
  for (const type of types) {
    const entry = type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource' ? CUSTOM_RESOURCE_ACTIONS : RESOURCE_TYPE_ACTIONS[type];
    if (!entry) throw new Error(`no CloudFormation actions known for ${type}: add it to RESOURCE_TYPE_ACTIONS`);
    for (const a of entry.read) actions.add(a);
    if (part === 'all') for (const a of entry.write) actions.add(a);
  }
  return [...actions].sort();
}
