import * as path from 'path';
import { CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { LogShipping, TenantKey, TenantNetwork, TenantTier } from '../../../src/core';
import {
  TenantFunction,
  TenantFunctionCode,
  TenantFunctionProps,
  TenantRuntime,
} from '../../../src/blocks/function';
import { TenantPostgres } from '../../../src/blocks/postgres';
import { testStack } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';

const FIXTURE = path.join(__dirname, 'fixtures', 'hello');

type PropsOverride = Partial<Omit<TenantFunctionProps, 'domain'>> & { domain?: TenantFunctionProps['domain'] | 'zone' };

/** Builds a TenantFunction in a fresh test stack; `domain: 'zone'` uses an imported example.com zone. */
function build(overrides: PropsOverride = {}, stack: Stack = testStack()) {
  const zone = route53.HostedZone.fromHostedZoneAttributes(stack, `Zone${stack.node.children.length}`, { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });
  const { domain, ...rest } = overrides;
  const props: TenantFunctionProps = {
    tenantId: 'acme',
    tier: TenantTier.DEVELOPMENT,
    code: TenantFunctionCode.fromAsset(FIXTURE),
    handler: 'index.handler',
    ...rest,
    domain: domain === 'zone' ? { hostedZone: zone, recordName: 'app' } : domain,
  };
  const fn = new TenantFunction(stack, 'App', props);
  return { stack, fn, template: Template.fromStack(stack) };
}

const prod = (o: PropsOverride = {}, stack?: Stack) => build({ tier: TenantTier.PRODUCTION, domain: 'zone', ...o }, stack);

function fnResource(t: Template) {
  const fns = t.findResources('AWS::Lambda::Function', { Properties: { Description: 'TenantFunction acme/App' } });
  const entries = Object.entries(fns);
  expect(entries).toHaveLength(1);
  return { logicalId: entries[0][0], props: entries[0][1].Properties };
}

describe('validation', () => {
  test.each<[string, PropsOverride, string]>([
    ['tenantId is malformed', { tenantId: 'Acme!' }, '- tenantId: must be 3-31 characters'],
    ['handler has spaces', { handler: 'index handler' }, '- handler: must be the entry point as file.function'],
    ['memorySize is below 128', { memorySize: 64 }, '- memorySize: must be between 128 and 10240 MiB, a whole number (got: 64)'],
    ['memorySize is above 10240', { memorySize: 10241 }, '- memorySize: must be between 128 and 10240 MiB'],
    ['memorySize is fractional', { memorySize: 512.5 }, '- memorySize: must be between 128 and 10240 MiB, a whole number'],
    ['timeout is below 1 second', { timeout: Duration.millis(500) }, '- timeout: must be between 1 second and 15 minutes'],
    ['timeout is above 15 minutes', { timeout: Duration.minutes(16) }, '- timeout: must be between 1 second and 15 minutes'],
    ['reservedConcurrency is 0', { reservedConcurrency: 0 }, '- reservedConcurrency: must be between 1 and 20, a whole number (got: 0)'],
    ['reservedConcurrency exceeds the DEVELOPMENT ceiling', { reservedConcurrency: 21 }, '- reservedConcurrency: must be between 1 and 20'],
    ['reservedConcurrency exceeds the PRODUCTION ceiling', { tier: TenantTier.PRODUCTION, domain: 'zone', reservedConcurrency: 801 }, '- reservedConcurrency: must be between 2 and 800'],
    ['an environment name is invalid', { environment: { '1ST': 'x' } }, '- environment.1ST: must start with a letter'],
    ['an environment name is reserved (AWS_)', { environment: { AWS_REGION: 'eu-west-1' } }, '- environment.AWS_REGION: is reserved by AWS Lambda'],
    ['an environment name is reserved (_HANDLER)', { environment: { _HANDLER: 'x' } }, '- environment._HANDLER: must start with a letter'],
    ['an environment name is reserved (LAMBDA_TASK_ROOT)', { environment: { LAMBDA_TASK_ROOT: '/x' } }, '- environment.LAMBDA_TASK_ROOT: is reserved by AWS Lambda'],
    ['an environment name is one the block sets', { environment: { DATA_BUCKET_NAME: 'x' } }, '- environment.DATA_BUCKET_NAME: is set by TenantFunction itself'],
    ['an environment value is an AWS access key id', { environment: { KEY_ID: 'AKIAIOSFODNN7EXAMPLE' } }, '- environment.KEY_ID: looks like an AWS access key id; put it in Secrets Manager and pass it in secrets'],
    ['an environment value is a private key', { environment: { CERT: '-----BEGIN RSA PRIVATE KEY-----\nabc' } }, '- environment.CERT: looks like a private key'],
    ['an environment value holds password=', { environment: { DSN: 'host=db password=hunter2' } }, '- environment.DSN: looks like an inline password or key'],
    ['an environment value is a URL with a password', { environment: { DB_URL: 'postgres://app:hunter2@db:5432/app' } }, '- environment.DB_URL: looks like a URL with a password in it'],
    ['an environment name announces a secret', { environment: { DB_PASSWORD: 'hunter2' } }, '- environment.DB_PASSWORD: names a secret but holds a literal value'],
    ['an environment value is a long random string', { environment: { SIGNING: 'x9Kp2Qz7Lm4Vb8Nw1Rt6Yh3Jd5Fg0SaZc7Xe2Uq' } }, '- environment.SIGNING: looks like a generated secret'],
    ['the environment exceeds 4 KB', { environment: { BIG: 'a b '.repeat(1100) } }, "- environment: exceeds Lambda's 4 KB limit"],
    ['a secret name is reserved', { environment: {}, secrets: { AWS_SECRET: undefined as unknown as secretsmanager.ISecret } }, '- secrets.AWS_SECRET: is reserved by AWS Lambda'],
    ['allowedCidrs has the whole internet without a domain', { allowedCidrs: ['0.0.0.0/0'] }, '- allowedCidrs: allows the whole internet only together with a domain'],
    ['allowedCidrs has public ranges without a domain', { allowedCidrs: ['203.0.113.0/24'] }, '- allowedCidrs: reaching the endpoint from public networks needs a domain'],
    ['allowedCidrs has host bits set', { allowedCidrs: ['10.1.2.3/16'] }, '- allowedCidrs[0]: has host bits set; use the network address 10.1.0.0/16'],
    ['allowedCidrs is malformed', { allowedCidrs: ['10.0.0.0'] }, '- allowedCidrs[0]: has no prefix length'],
    ['PRODUCTION has no domain', { tier: TenantTier.PRODUCTION }, '- domain: is required in PRODUCTION'],
    ['the tier defaults to PRODUCTION, which needs a domain', { tier: undefined }, '- domain: is required in PRODUCTION'],
  ])('throws when %s', (_name, overrides, message) => {
    expect(() => build(overrides)).toThrow(message);
  });

  test('throws when the domain record name is not a DNS name', () => {
    const stack = testStack();
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Z', { hostedZoneId: 'Z1', zoneName: 'example.com' });
    expect(() => build({ domain: { hostedZone: zone, recordName: 'App_1' } }, stack)).toThrow('- domain.recordName: must be a DNS name');
  });

  test('throws when the stack has no explicit region (access-log delivery is granted per region)', () => {
    expect(() => build({}, new Stack(testStack().node.root as unknown as Stack, 'Agnostic'))).toThrow('- (stack) env.region: the stack needs an explicit region');
  });

  test('throws one error listing every problem, naming the construct and the tenant', () => {
    expect(() => build({ memorySize: 1, timeout: Duration.minutes(20), environment: { AWS_X: 'y' } })).toThrow(
      /^Invalid TenantFunction props for tenant "acme":\n- memorySize: .*\n- timeout: .*\n- environment.AWS_X: .*$/,
    );
  });

  test('throws when the hosted zone does not know its name (HostedZone.fromHostedZoneId)', () => {
    const stack = testStack();
    const hostedZone = route53.HostedZone.fromHostedZoneId(stack, 'IdOnly', 'Z0123456789');
    expect(() => build({ domain: { hostedZone, recordName: 'app' } }, stack)).toThrow(
      "- domain.hostedZone: must know its zone name: use HostedZone.fromHostedZoneAttributes({ hostedZoneId, zoneName }) or HostedZone.fromLookup, not fromHostedZoneId (got: 'Z0123456789')",
    );
  });

  test('never echoes a secret value back in the error', () => {
    expect(() => build({ environment: { TOKEN: 'AKIAIOSFODNN7EXAMPLE' } })).toThrow("(got: 'AKIA**** (20 characters)')");
    expect(() => build({ environment: { TOKEN: 'AKIAIOSFODNN7EXAMPLE' } })).not.toThrow(/IOSFODNN7EXAMPLE/);
  });

  test.each<[string, PropsOverride]>([
    ['memorySize 128', { memorySize: 128 }],
    ['memorySize 10240', { memorySize: 10240 }],
    ['timeout 1 second', { timeout: Duration.seconds(1) }],
    ['timeout 15 minutes', { timeout: Duration.minutes(15) }],
    ['reservedConcurrency 1 in DEVELOPMENT', { reservedConcurrency: 1 }],
    ['reservedConcurrency 800 in PRODUCTION', { tier: TenantTier.PRODUCTION, domain: 'zone', reservedConcurrency: 800 }],
    ['plain configuration values', { environment: { LOG_FORMAT: 'json', API_URL: 'https://api.example.com/v1', FEATURE_FLAGS: 'a,b,c', REQUEST_ID: '123e4567-e89b-12d3-a456-426614174000' } }],
    ['an ARN under a secret-like name', { environment: { API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k' } }],
    ['private allowedCidrs without a domain', { allowedCidrs: ['10.20.0.0/16', '192.168.0.0/24', 'fd00::/8'] }],
    ['the whole internet with a domain', { allowedCidrs: ['0.0.0.0/0'], domain: 'zone' }],
    ['public ranges with a domain', { allowedCidrs: ['203.0.113.0/24'], domain: 'zone' }],
    ['every runtime', { runtime: TenantRuntime.PYTHON_3_13, handler: 'app.handler' }],
  ])('accepts %s', (_name, overrides) => {
    expect(() => build(overrides)).not.toThrow();
  });
});

test('the PRODUCTION maximum, with a database, leaves Lambda\'s 100 unreserved executions on a default 1,000 account', () => {
  const stack = testStack();
  const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.PRODUCTION });
  const { template } = build({ tier: TenantTier.PRODUCTION, domain: 'zone', database, reservedConcurrency: 800 }, stack);
  const reserved = Object.values(template.findResources('AWS::Lambda::Function'))
    .reduce((sum, fn) => sum + (fn.Properties.ReservedConcurrentExecutions ?? 0), 0);
  expect(reserved).toBeGreaterThanOrEqual(800);
  expect(1000 - reserved).toBeGreaterThanOrEqual(100);
});

describe('defaults', () => {
  test('memory 512 MiB, timeout 30 s, Node.js 24, no reserved concurrency', () => {
    const { template } = build();
    const { props } = fnResource(template);
    expect(props).toEqual(expect.objectContaining({
      MemorySize: 512,
      Timeout: 30,
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
    }));
    expect(props.ReservedConcurrentExecutions).toBeUndefined();
  });

  test('given values are used', () => {
    const { template } = build({ memorySize: 1024, timeout: Duration.seconds(10), reservedConcurrency: 3, runtime: TenantRuntime.PYTHON_3_14, handler: 'app.handler' });
    expect(fnResource(template).props).toEqual(expect.objectContaining({ MemorySize: 1024, Timeout: 10, ReservedConcurrentExecutions: 3, Runtime: 'python3.14', Handler: 'app.handler' }));
  });

  test('creates its own network and key when none is given, and uses given ones otherwise', () => {
    const own = build().template;
    own.resourceCountIs('AWS::EC2::VPC', 1);
    own.resourceCountIs('AWS::KMS::Key', 1);

    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const shared = build({ network }, stack).template;
    shared.resourceCountIs('AWS::EC2::VPC', 1);
  });
});

describe('baked-in function settings', () => {
  test('arm64, X-Ray, JSON logs with a level, explicit log group, automatic runtime updates', () => {
    const { template } = build();
    const { props } = fnResource(template);
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.TracingConfig).toEqual({ Mode: 'Active' });
    expect(props.LoggingConfig).toEqual({ LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'WARN', LogGroup: { Ref: expect.stringMatching(/^AppLogs/) } });
    expect(props.RuntimeManagementConfig).toEqual({ UpdateRuntimeOn: 'Auto' });
  });

  test('application log level INFO in PRODUCTION', () => {
    expect(fnResource(prod().template).props.LoggingConfig.ApplicationLogLevel).toBe('INFO');
  });

  test('in the private subnets of the network, with its own security group allowing only HTTPS out', () => {
    const { template } = build({ internetEgress: true });
    const { props } = fnResource(template);
    const privateSubnets = Object.keys(template.findResources('AWS::EC2::Subnet', { Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Private' }]) } }));
    expect(props.VpcConfig.SubnetIds.map((s: { Ref: string }) => s.Ref).sort()).toEqual(privateSubnets.sort());
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^TenantFunction acme/App: HTTPS egress only'),
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: 'HTTPS to AWS APIs and third-party services' }],
    });
  });

  test.each<[TenantTier, string]>([[TenantTier.DEVELOPMENT, 'AWS::EC2::Instance'], [TenantTier.PRODUCTION, 'AWS::EC2::NatGateway']])(
    '%s: only a function with internetEgress requires internet egress of its network: %s',
    (tier, natType) => {
      const without = testStack();
      const quiet = new TenantNetwork(without, 'Net', { tenantId: 'acme', tier });
      (tier === TenantTier.PRODUCTION ? prod : build)({ network: quiet }, without);
      expect(Template.fromStack(without).findResources(natType)).toEqual({});
      const stack = testStack();
      const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier });
      const { template } = (tier === TenantTier.PRODUCTION ? prod : build)({ network, internetEgress: true }, stack);
      expect(Object.keys(template.findResources(natType)).length).toBeGreaterThanOrEqual(1);
    },
  );

  test('log group: tenant key, a year in every tier (a month with disposableData), shipped through LogShipping', () => {
    const dest = 'arn:aws:logs:us-east-1:210987654321:destination:tenant-logs';
    const { template } = build({ logShipping: LogShipping.toDestination(dest) });
    const logGroupId = fnResource(template).props.LoggingConfig.LogGroup.Ref;
    const lg = template.toJSON().Resources[logGroupId];
    expect(lg.Properties.RetentionInDays).toBe(365);
    expect(lg.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TenantKeyacme/), 'Arn'] });
    expect(lg.DeletionPolicy).toBe('Delete');
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', { LogGroupName: { Ref: logGroupId }, DestinationArn: dest });
    expect(prod().template.findResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 } })).not.toEqual({});
    const disposable = build({ disposableData: true }).template;
    expect(disposable.toJSON().Resources[fnResource(disposable).props.LoggingConfig.LogGroup.Ref].Properties.RetentionInDays).toBe(30);
  });

  test('environment: user values, secret ARNs, data bucket, tenant and tier; secrets readable', () => {
    const stack = testStack();
    const secret = new secretsmanager.Secret(stack, 'ApiKey');
    const { template } = build({ environment: { GREETING: 'hi' }, secrets: { API_KEY_SECRET_ARN: secret } }, stack);
    expect(fnResource(template).props.Environment.Variables).toEqual({
      GREETING: 'hi',
      API_KEY_SECRET_ARN: { Ref: expect.stringMatching(/^ApiKey/) },
      DATA_BUCKET_NAME: { Ref: expect.stringMatching(/^AppData/) },
      TENANT_ID: 'acme',
      TENANT_TIER: 'DEVELOPMENT',
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: { Ref: Match.stringLikeRegexp('^ApiKey') } })]) },
    });
  });

  test('a version and a `live` alias that the load balancer invokes, only on behalf of this account', () => {
    const { template } = build();
    template.resourceCountIs('AWS::Lambda::Version', 1);
    template.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live', FunctionVersion: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppFunctionCurrentVersion'), 'Version'] } });
    const aliasId = Object.keys(template.findResources('AWS::Lambda::Alias'))[0];
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'elasticloadbalancing.amazonaws.com', FunctionName: { Ref: aliasId }, SourceAccount: '123456789012' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'lambda', Targets: [{ Id: { Ref: aliasId } }] });
  });

  test('DEVELOPMENT deploys all at once (no CodeDeploy), compatible with hotswap', () => {
    build().template.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 0);
  });

  test('PRODUCTION deploys canary 10% for 5 minutes with rollback on the errors and 5xx alarms (load balancer and target)', () => {
    const { template } = prod();
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    const idOf = (desc: string) => Object.entries(alarms).find(([, r]) => String(r.Properties.AlarmDescription).includes(desc))![0];
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      AutoRollbackConfiguration: { Enabled: true, Events: Match.arrayWith(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM']) },
      AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: idOf('raised errors') } }, { Name: { Ref: idOf('load balancer answered 5xx') } }, { Name: { Ref: idOf('app answered 5xx') } }] },
    });
    template.hasResource('AWS::Lambda::Alias', { UpdatePolicy: { CodeDeployLambdaAliasUpdate: Match.anyValue() } });
  });
});

function lbAttributes(t: Template): Record<string, unknown> {
  const lb = Object.values(t.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
  return Object.fromEntries((lb.Properties.LoadBalancerAttributes as { Key: string; Value: unknown }[]).map((a) => [a.Key, a.Value]));
}

describe('load balancer', () => {
  test('strict settings: invalid headers dropped, strictest desync mitigation, access logs, idle timeout 60 s', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    expect(lbAttributes(template)).toEqual(expect.objectContaining({
      'deletion_protection.enabled': 'false',
      'routing.http.drop_invalid_header_fields.enabled': 'true',
      'routing.http.desync_mitigation_mode': 'strictest',
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.prefix': 'alb',
      'idle_timeout.timeout_seconds': '60',
      'routing.http2.enabled': 'true',
    }));
  });

  test('deletion protection in PRODUCTION', () => {
    expect(lbAttributes(prod().template)['deletion_protection.enabled']).toBe('true');
  });

  test('a timeout above 60 s raises the idle timeout to match and warns', () => {
    const { stack, template } = build({ timeout: Duration.minutes(5) });
    expect(lbAttributes(template)['idle_timeout.timeout_seconds']).toBe('305');
    Annotations.fromStack(stack).hasWarning('/TestStack/App', Match.stringLikeRegexp('timeout 5 minutes exceeds the 60 seconds a load balancer waits'));
  });

  test('no warning at or below 60 s', () => {
    const { stack } = build({ timeout: Duration.seconds(60) });
    Annotations.fromStack(stack).hasNoWarning('/TestStack/App', Match.stringLikeRegexp('exceeds the 60 seconds'));
  });

  test('with a domain: HTTPS with the recommended TLS policy and an ACM certificate, HTTP redirected, alias record', () => {
    const { template, fn } = build({ domain: 'zone' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Port: 443,
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: { Ref: Match.stringLikeRegexp('^AppCertificate') } }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'app.example.com', ValidationMethod: 'DNS' });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'app.example.com.', Type: 'A', HostedZoneId: 'Z0123456789' });
    expect(fn.url).toBe('https://app.example.com');
  });

  test('a fully qualified record name is not suffixed twice', () => {
    const stack = testStack();
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Z', { hostedZoneId: 'Z1', zoneName: 'example.com' });
    const { fn } = build({ domain: { hostedZone: zone, recordName: 'api.example.com' } }, stack);
    expect(fn.url).toBe('https://api.example.com');
  });

  test('without a domain: an internal HTTP listener for the VPC only, no certificate', () => {
    const { template, fn } = build();
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    template.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS' }, 0);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: Match.anyValue() }] });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('load balancer: HTTP inside the VPC'),
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 80, ToPort: 80, Description: 'Clients inside the VPC' }],
    });
    expect(Stack.of(fn).resolve(fn.url)).toEqual({ 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [expect.stringMatching(/^AppLoadBalancer/), 'DNSName'] }]] });
  });

  test('private allowedCidrs keep the load balancer internal and are allowed in', () => {
    const { template } = build({ allowedCidrs: ['192.168.0.0/24'] });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([{ CidrIp: '192.168.0.0/24', IpProtocol: 'tcp', FromPort: 80, ToPort: 80, Description: 'Allowed clients 192.168.0.0/24' }]),
    });
  });

  test('the whole internet: internet-facing in public subnets, 443 open, port 80 not opened to the internet', () => {
    const { template } = build({ domain: 'zone', allowedCidrs: ['0.0.0.0/0'] });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    const sgs = template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('load balancer: HTTPS') } });
    const ingress = Object.values(sgs)[0].Properties.SecurityGroupIngress;
    expect(ingress).toContainEqual({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: 'Allowed clients 0.0.0.0/0' });
    expect(ingress.filter((r: { CidrIp: string; FromPort: number }) => r.CidrIp === '0.0.0.0/0' && r.FromPort !== 443)).toEqual([]);
  });

  test('no allowedCidrs: nothing outside the VPC may connect', () => {
    const { template } = build({ domain: 'zone' });
    const sgs = template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('load balancer') } });
    const ingress = Object.values(sgs)[0].Properties.SecurityGroupIngress;
    expect(ingress.map((r: { CidrIp: string }) => r.CidrIp)).toEqual(['10.0.0.0/16', '10.0.0.0/16']);
  });
});

describe('buckets', () => {
  test('data bucket: tenant key, public access blocked, TLS enforced, versioned, access logged; readable and writable by the function', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantKeyacme'), 'Arn'] } }, BucketKeyEnabled: true }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^AppAccessLogs') }, LogFilePrefix: 'data-bucket/' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^AppData') },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('data bucket retained in every tier; destroyed (emptied first) only with disposableData (issue 21.3, retention.test.ts)', () => {
    const dataOf = (t: Template) => Object.values(t.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } }))[0];
    expect(dataOf(prod().template).DeletionPolicy).toBe('Retain');
    expect(dataOf(build().template).DeletionPolicy).toBe('Retain');
    build().template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    prod().template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    const disposable = build({ disposableData: true }).template;
    expect(dataOf(disposable).DeletionPolicy).toBe('Delete');
    disposable.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });

  test('every bucket the shared auto-delete provider empties, the user\'s own too, waits for its log group and logs policy', () => {
    const stack = testStack();
    const before = new s3.Bucket(stack, 'UserBucketBefore', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
    new TenantFunction(stack, 'App', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler', disposableData: true });
    const after = new s3.Bucket(stack, 'UserBucketAfter', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
    const resources = Template.fromStack(stack).toJSON().Resources;
    const provider = 'CustomS3AutoDeleteObjectsCustomResourceProvider';
    const emptying = Object.entries(resources).filter(([, r]: [string, any]) => r.Type === 'Custom::S3AutoDeleteObjects');
    // the function's data and access-log buckets, and the user's two
    expect(emptying).toHaveLength(4);
    const userBuckets = [before, after].map((b) => stack.resolve(b.bucketName).Ref);
    expect(emptying.map(([, r]: [string, any]) => r.Properties.BucketName.Ref)).toEqual(expect.arrayContaining(userBuckets));
    for (const [id, r] of emptying as Array<[string, any]>) {
      expect([id, r.DependsOn]).toEqual([id, expect.arrayContaining([expect.stringMatching(`^${provider}LogGroup`), expect.stringMatching(`^${provider}LogsPolicy`)])]);
    }
  });

  test('access-log bucket: SSE-S3 (the only encryption ALB log delivery supports), no ACLs, TLS enforced, a year of logs unless the data is disposable', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 365, Status: 'Enabled' })]) },
    });
    prod().template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 365 })]) } });
    build({ disposableData: true }).template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 30 })]) } });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^AppAccessLogs') },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'S3ServerAccessLogsOfTheDataBucket', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' })]) },
    });
  });
});

describe('alarms and outputs', () => {
  test('seven alarms: errors, throttles, p99 duration at 80% of the timeout, load balancer 5xx, target 5xx, p99 response time, unhealthy targets (thresholds: alarms.test.ts)', () => {
    const { template, fn } = build({ timeout: Duration.seconds(10) });
    expect(fn.alarms).toHaveLength(7);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 5 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'HTTPCode_Target_5XX_Count', Namespace: 'AWS/ApplicationELB' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'TargetResponseTime', ExtendedStatistic: 'p99' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Throttles', Namespace: 'AWS/Lambda' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 8000 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'HTTPCode_ELB_5XX_Count', Namespace: 'AWS/ApplicationELB' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'UnHealthyHostCount', Namespace: 'AWS/ApplicationELB' });
  });

  test.each<[TenantTier, number]>([[TenantTier.DEVELOPMENT, 300], [TenantTier.PRODUCTION, 60]])(
    '%s: health checks request /healthz (not the app\'s pages), count any answer below 500 as healthy, every %d s',
    (tier, interval) => {
      const overrides: PropsOverride = tier === TenantTier.PRODUCTION ? { tier, domain: 'zone' } : { tier };
      build(overrides).template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        HealthCheckEnabled: true, HealthCheckPath: '/healthz', Matcher: { HttpCode: '200-499' }, HealthCheckIntervalSeconds: interval,
      });
    },
  );

  test('outputs the URL, the log group and a ready-to-paste tail command', () => {
    const { template } = build();
    const outputs = template.toJSON().Outputs;
    const byPrefix = (p: string) => Object.entries(outputs).find(([k]) => k.startsWith(p))![1] as { Value: unknown };
    expect(byPrefix('AppUrl').Value).toEqual({ 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [expect.stringMatching(/^AppLoadBalancer/), 'DNSName'] }]] });
    expect(byPrefix('AppLogGroupName').Value).toEqual({ Ref: expect.stringMatching(/^AppLogs/) });
    expect(byPrefix('AppTailLogsCommand').Value).toEqual({ 'Fn::Join': ['', ['aws logs tail ', { Ref: expect.stringMatching(/^AppLogs/) }, ' --follow --format short --region us-east-1']] });
  });

  test('exposes connections, so a database can let the function in', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const fn = new TenantFunction(stack, 'App', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc: network.vpc });
    db.connections.allowFrom(fn.connections, ec2.Port.tcp(5432));
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Db'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSecurityGroup'), 'GroupId'] },
      FromPort: 5432,
    });
  });
});

describe('database', () => {
  test('a TenantPostgres is wired in: port open from the function only, app secret readable, connection settings in the environment', () => {
    const stack = testStack();
    const key = new TenantKey(stack, 'Key', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(stack, 'Net', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, encryptionKey: key });
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network, encryptionKey: key });
    new TenantFunction(stack, 'App', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network, encryptionKey: key, database, code: TenantFunctionCode.fromAsset(FIXTURE), handler: 'index.handler' });
    const template = Template.fromStack(stack);
    const vars = fnResource(template).props.Environment.Variables;
    expect(Object.keys(vars)).toEqual(expect.arrayContaining(['DB_SECRET_ARN', 'DB_HOST', 'DB_PORT', 'DB_NAME']));
    expect(stack.resolve(vars.DB_SECRET_ARN)).toEqual(stack.resolve(database.appSecret.secretArn));
    expect(vars.DB_PORT).toBe(String(database.port));
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSecurityGroup'), 'GroupId'] },
      FromPort: database.port,
      ToPort: database.port,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSecurityGroup'), 'GroupId'] },
      FromPort: database.port,
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: stack.resolve(database.appSecret.secretArn) })]) },
    });
  });

  test('a database and a function without network share the stack\'s tenant network (one VPC), and the port is opened', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const { template } = build({ database }, stack);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppSecurityGroup'), 'GroupId'] },
      FromPort: database.port,
    });
  });

  test('a database in a network of its own: the function without network runs in that network (not the stack\'s shared one)', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'DbNet', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT, network });
    const { template } = build({ database }, stack);
    template.resourceCountIs('AWS::EC2::VPC', 1);
    const subnets = fnResource(template).props.VpcConfig.SubnetIds.map((s: { Ref: string }) => s.Ref);
    expect(subnets.every((id: string) => id.startsWith('DbNetVpcPrivate'))).toBe(true);
  });

  test.each<[string, (stack: Stack) => PropsOverride, string]>([
    ['the database belongs to another tenant', (stack) => ({ database: new TenantPostgres(stack, 'Db', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT }) }),
      '- database: belongs to tenant "globex", not "acme": a function may only use its own tenant\'s database (got: \'globex\')'],
    ['the network belongs to another tenant', (stack) => ({ network: new TenantNetwork(stack, 'Net', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT }) }),
      '- network: belongs to tenant "globex", not "acme": a function may only run in its own tenant\'s network (got: \'globex\')'],
    ['the encryption key belongs to another tenant', (stack) => ({ encryptionKey: new TenantKey(stack, 'Key', { tenantId: 'globex', tier: TenantTier.DEVELOPMENT }) }),
      '- encryptionKey: belongs to tenant "globex", not "acme": a function may only encrypt with its own tenant\'s key (got: \'globex\')'],
  ])('throws when %s', (_name, overrides, message) => {
    const stack = testStack();
    expect(() => build(overrides(stack), stack)).toThrow(message);
  });

  test('throws when the database runs in another network than the function', () => {
    const stack = testStack();
    const database = new TenantPostgres(stack, 'Db', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    const network = new TenantNetwork(stack, 'Other', { tenantId: 'acme', tier: TenantTier.DEVELOPMENT });
    expect(() => build({ database, network }, stack)).toThrow("- database: runs in another network than the function: leave network unset (the function then runs in the database's network) or pass the database's network (got: 'TestStack/Db')");
  });

  test('throws when the environment sets a database variable itself', () => {
    expect(() => build({ environment: { DB_HOST: 'db.example.com' } })).toThrow('- environment.DB_HOST: is set by TenantFunction itself');
  });
});

describe('clean destroy', () => {
  function cleanup(t: Template) {
    const resources = t.findResources('Custom::VpcFunctionCleanup');
    const entries = Object.entries(resources);
    expect(entries).toHaveLength(1);
    return { id: entries[0][0], resource: entries[0][1] };
  }

  test('a VpcFunctionCleanup gets the function (deleted, not only detached) and its security group', () => {
    const { fn, stack, template } = build();
    const { id, resource } = cleanup(template);
    const fnId = fnResource(template).logicalId;
    expect(resource.Properties.FunctionNames).toEqual([{ Ref: fnId }]);
    expect(resource.Properties.DetachOnlyFunctionNames).toBeUndefined();
    expect(resource.Properties.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^AppSecurityGroup/), 'GroupId'] }]);
    expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^AppVpcCleanupHandler/), 'Arn'] });
    expect(stack.getLogicalId(fn.vpcCleanup.resource.node.defaultChild as CfnResource)).toBe(id);
  });

  test.each([TenantTier.DEVELOPMENT, TenantTier.PRODUCTION])('%s: DependsOn the function, version, alias, security group, role + policy, subnets and its own handler + role (so it is deleted first)', (tier) => {
    const { template } = tier === TenantTier.PRODUCTION ? prod() : build();
    const { resource } = cleanup(template);
    const dependsOn: string[] = resource.DependsOn;
    const ids = (type: string, filter?: (id: string) => boolean) => Object.keys(template.findResources(type)).filter(filter ?? (() => true));
    const fnId = fnResource(template).logicalId;
    const mainRole = template.toJSON().Resources[fnId].Properties.Role['Fn::GetAtt'][0];
    const privateSubnets = Object.keys(template.findResources('AWS::EC2::Subnet', { Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Private' }]) } }));
    const expected = [
      fnId,
      ...ids('AWS::Lambda::Version'),
      ...ids('AWS::Lambda::Alias'),
      ...ids('AWS::EC2::SecurityGroup', (id) => id.startsWith('AppSecurityGroup')),
      mainRole,
      ...ids('AWS::IAM::Policy', (id) => id.startsWith('AppFunctionServiceRoleDefaultPolicy')),
      ...privateSubnets,
      ...ids('AWS::IAM::Role', (id) => id.startsWith('AppVpcCleanupHandlerRole')),
      ...ids('AWS::IAM::Policy', (id) => id.startsWith('AppVpcCleanupHandlerRoleDefaultPolicy')),
      ...ids('AWS::IAM::ManagedPolicy', (id) => id.startsWith('AppVpcCleanupHandlerRoleExecutionPolicy')),
      ...ids('AWS::Lambda::Function', (id) => id.startsWith('AppVpcCleanupHandler')),
    ];
    expect(expected.length).toBeGreaterThanOrEqual(11);
    expect(dependsOn).toEqual(expect.arrayContaining(expected));
  });

  test('the handler is not in the VPC, logs into a tenant log group, and may only delete this function, ENIs of the tenant VPC, and read this stack', () => {
    const { template } = build();
    const vpcId = Object.keys(template.findResources('AWS::EC2::VPC'))[0];
    const handler = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('AppVpcCleanupHandler'))!;
    expect(handler[1].Properties.VpcConfig).toBeUndefined();
    expect(handler[1].Properties.Timeout).toBe(840);
    const logGroupId: string = handler[1].Properties.LoggingConfig.LogGroup.Ref;
    expect(logGroupId).toMatch(/^AppVpcCleanupLogs/);
    expect(template.toJSON().Resources[logGroupId].Properties).toEqual(expect.objectContaining({ RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^TenantKeyacme/), 'Arn'] } }));
    const fnId = fnResource(template).logicalId;
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AppVpcCleanupHandlerRole') }],
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'ec2:DescribeNetworkInterfaces', Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'ec2:DeleteNetworkInterface',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:network-interface/*']] },
            Condition: { ArnEquals: { 'ec2:Vpc': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:123456789012:vpc/', { Ref: vpcId }]] } } },
          },
          { Effect: 'Allow', Action: 'cloudformation:DescribeStacks', Resource: { Ref: 'AWS::StackId' } },
          { Effect: 'Allow', Action: 'lambda:DeleteFunction', Resource: { 'Fn::GetAtt': [fnId, 'Arn'] } },
        ],
      },
    });
  });

  test('the function role keeps the ENI permissions Lambda needs to delete its interfaces (exact statements: containment.test.ts)', () => {
    const { template } = build();
    const fnId = fnResource(template).logicalId;
    const roleId = template.toJSON().Resources[fnId].Properties.Role['Fn::GetAtt'][0];
    const policyId = template.toJSON().Resources[roleId].Properties.ManagedPolicyArns[0].Ref;
    const statements = template.toJSON().Resources[policyId].Properties.PolicyDocument.Statement;
    expect(statements.flatMap((st: { Action: string | string[] }) => [st.Action].flat())).toEqual(expect.arrayContaining(['ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface']));
  });
});

describe('code and runtime', () => {
  test('TenantFunctionCode.fromBucket deploys an S3 object, pinned to a version when given', () => {
    const stack = testStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Artifacts', 'acme-artifacts');
    const { template } = build({ code: TenantFunctionCode.fromBucket(bucket, 'app/v1.zip', 'v123') }, stack);
    expect(fnResource(template).props.Code).toEqual({ S3Bucket: 'acme-artifacts', S3Key: 'app/v1.zip', S3ObjectVersion: 'v123' });
  });

  test('TenantRuntime lists only supported runtimes, the latest of each family first', () => {
    expect(TenantRuntime.all().map((r) => `${r.name}${r.latestOfFamily ? '*' : ''}`)).toEqual(['nodejs24.x*', 'nodejs22.x', 'python3.14*', 'python3.13']);
    expect(TenantRuntime.all().every((r) => !r.runtime.isVariable)).toBe(true);
  });
});

describe.each<[TenantTier, boolean]>([
  [TenantTier.DEVELOPMENT, false],
  [TenantTier.PRODUCTION, false],
  [TenantTier.DEVELOPMENT, true],
  [TenantTier.PRODUCTION, true],
])('%s compliance (internet egress: %s)', (tier, internetEgress) => {
  const make = () => (tier === TenantTier.PRODUCTION ? prod({ internetEgress }) : build({ internetEgress }));

  test('no unsuppressed finding in any gate (cdk-nag packs and Control Tower rules)', () => {
    const { stack } = make();
    const findings = complianceFindings(stack);
    expect(formatFindings(findings)).toBe('no compliance findings');
  });

  test('cfn-lint reports no error', () => {
    const { stack } = make();
    expect(() => expectCfnLintClean(stack)).not.toThrow();
  });

  test('guardrails report no error', () => {
    const { stack } = make();
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  test('snapshot', () => {
    const { template } = make();
    expect(template.toJSON()).toMatchSnapshot();
  });
});

test('an older runtime carries a reasoned AwsSolutions-L1 suppression; the latest needs none', () => {
  const older = build({ runtime: TenantRuntime.NODEJS_22_X });
  expect(complianceFindings(older.stack).filter((f) => f.ruleId.startsWith('AwsSolutions-L1'))).toEqual([]);
  const fnNode = older.fn.latest.node;
  expect(JSON.stringify(fnNode.metadata)).toContain('AwsSolutions-L1');
  const latest = build();
  expect(JSON.stringify(latest.fn.latest.node.metadata)).not.toContain('AwsSolutions-L1');
});
