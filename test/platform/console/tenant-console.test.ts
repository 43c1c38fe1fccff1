// Issue 22: TenantConsole, the construct: props validated in one error, the identity, the API, the
// distribution's security headers, and the compliance gates.
import * as path from 'path';
import { SecretValue, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { TenantConsole, TenantConsoleProps } from '../../../src/platform/console';
import { PlatformHub } from '../../../src/platform/hub';
import { PlatformAppSource, TenantAction, TenantProvisioner } from '../../../src/platform/provisioner';
import { testStack } from '../../support/app';
import { expectCfnLintClean } from '../../support/cfn-lint';
import { complianceFindings, formatFindings } from '../../support/compliance';
import { auditSuppressions } from '../../support/suppression-audit';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../../src/platform/console/web/build.js');

const PLATFORM_ENV = { account: '111111111111', region: 'us-east-1' };
const FIXTURE_APP = path.join(__dirname, '..', 'provisioner', 'fixtures', 'app');

beforeAll(() => build());

function platform(overrides: Partial<TenantConsoleProps> = {}) {
  const stack = testStack('Platform', PLATFORM_ENV);
  const hub = new PlatformHub(stack, 'Hub', { tenantAccountIds: ['210987654321', '310987654321'] });
  const provisioner = new TenantProvisioner(stack, 'Provisioner', {
    hub: hub.reference,
    appSource: PlatformAppSource.fromAsset(FIXTURE_APP, '1.0.0'),
    tenantAccountIds: ['210987654321', '310987654321'],
    apiCallers: [{ principalArn: 'arn:aws:iam::111111111111:role/platform/operator', allTenants: true, actions: Object.values(TenantAction) }],
  } as any);
  const console = new TenantConsole(stack, 'Console', { hub, provisioner, signInDomainPrefix: 'acme-platform-console', ...overrides });
  return { stack, hub, provisioner, console, template: () => Template.fromStack(stack) };
}

describe('TenantConsole', () => {
  const { stack, template: t } = platform();
  const template = t();

  test('the user pool: no self sign-up, MFA required, threat protection enforced, deletion protected', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      UserPoolTier: 'PLUS',
      DeletionProtection: 'ACTIVE',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant', Mutable: true }), Match.objectLike({ Name: 'role', Mutable: true })]),
    });
  });

  test('the web client: code flow without a secret, reads tenant and role, writes nothing', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      ReadAttributes: Match.arrayWith(['custom:role', 'custom:tenant']),
      WriteAttributes: [],
      PreventUserExistenceErrors: 'ENABLED',
      // no direct sign-in with the public client id: tokens only from the hosted sign-in, never with
      // the aws.cognito.signin.user.admin scope that lets a user update its own attributes
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthScopes: Match.not(Match.arrayWith(['aws.cognito.signin.user.admin'])),
    });
  });

  test('the console\'s function does not carry the provisioner API\'s caller scopes (its 4 KB environment)', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment?.Variables ?? {});
    const console = fns.find((v) => v.CONSOLE_USER_POOL_ID)!;
    expect(console.API_CALLER_SCOPES).toBeUndefined();
    expect(fns.some((v) => v.API_CALLER_SCOPES !== undefined)).toBe(true);
  });

  test('the distribution: private bucket through origin access control, strict security headers on every response', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp: string = security.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('connect-src \'self\' https://acme-platform-console.auth.us-east-1.amazoncognito.com');
    expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true });
    expect(security.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    const policyId = dist.DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(dist.CacheBehaviors).toHaveLength(1);
    expect(dist.CacheBehaviors[0]).toMatchObject({ PathPattern: '/api/*', ResponseHeadersPolicyId: policyId, ViewerProtocolPolicy: 'https-only' });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'web-bucket/' }),
    });
  });

  test('the API: every route behind the user pool\'s JWT authorizer, access logs, throttled', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(r.Properties.AuthorizationType).toBe('JWT');
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  test('the backend runs with the provisioner\'s own handler settings plus the token verification settings', () => {
    const fns = Object.values(template.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment?.Variables).filter(Boolean);
    const console = fns.find((v) => v.CONSOLE_USER_POOL_ID !== undefined);
    const provisioner = fns.find((v) => v.OPERATION_STATE_MACHINE_ARN !== undefined && v.CONSOLE_USER_POOL_ID === undefined);
    // every handler setting but the API callers' scopes (the console decides for its own users)
    const { API_CALLER_SCOPES: _scopes, ALLOW_SHARED_TENANT_ACCOUNTS: _shared, ...settings } = provisioner;
    expect(console).toMatchObject({ ...settings, CONSOLE_MAX_BYTES_SCANNED: String(1024 ** 3), CONSOLE_FEDERATED_TENANTS: '' });
  });

  test('the backend may change the registry as the provisioner\'s API does, never delete or scan', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const registry = policies.find((s: any) => s.Sid === 'Registry' && JSON.stringify(s.Resource).includes('Console') === false && Array.isArray(s.Action));
    expect(registry).toBeDefined();
    const actions = policies.flatMap((s: any) => [].concat(s.Action));
    expect(actions).not.toContain('dynamodb:DeleteItem');
    expect(actions).not.toContain('dynamodb:Scan');
  });

  test('passes every gate and cfn-lint', () => {
    const findings = complianceFindings(stack).filter((f) => f.resourcePath.includes('/Console/') || f.resourcePath.includes('Custom::CDKBucketDeployment'));
    expect(formatFindings(findings)).toBe('no compliance findings');
    expectCfnLintClean(stack);
  });

  test('every suppression suppresses a finding', () => {
    const { recorded, unused } = auditSuppressions(() => platform().stack, { sources: ['platform/console/'] });
    expect(recorded.length).toBeGreaterThan(3);
    expect(unused).toEqual([]);
  });
});

describe('TenantConsole federation and domain', () => {
  test('a custom domain with its certificate; each identity provider is bound to its tenant', () => {
    const stack0 = testStack('Certs', PLATFORM_ENV);
    const certificate = acm.Certificate.fromCertificateArn(stack0, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');
    const { template } = platform({
      domainName: 'console.example.com',
      certificate,
      oidcProviders: [{ name: 'acme-okta', tenantId: 'acme', issuerUrl: 'https://acme.okta.com', clientId: 'c', clientSecret: SecretValue.unsafePlainText('s') }],
      samlProviders: [{ name: 'globex-adfs', tenantId: 'globex', metadataUrl: 'https://adfs.globex.example/metadata.xml' }],
    });
    const tpl = template();
    tpl.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({ Aliases: ['console.example.com'] }) });
    tpl.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', { ProviderName: 'acme-okta', ProviderType: 'OIDC', AttributeMapping: { 'email': 'email', 'custom:role': 'tenant_blocks_role' } });
    tpl.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', { ProviderName: 'globex-adfs', ProviderType: 'SAML' });
    tpl.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO', 'acme-okta', 'globex-adfs'], CallbackURLs: ['https://console.example.com/'] });
    // federated sign-in updates the mapped attributes: the client must be allowed to write them
    tpl.hasResourceProperties('AWS::Cognito::UserPoolClient', { WriteAttributes: ['custom:role', 'email'], ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] });
    const env = Object.values(tpl.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment?.Variables).find((v) => v?.CONSOLE_USER_POOL_ID);
    expect(env.CONSOLE_FEDERATED_TENANTS).toBe('acme-okta=acme,globex-adfs=globex');
  });
});

describe('TenantConsole validation', () => {
  const stack = testStack('Platform', PLATFORM_ENV);
  const hub = new PlatformHub(stack, 'Hub', { tenantAccountIds: ['210987654321'] });
  const provisioner = new TenantProvisioner(stack, 'Provisioner', {
    hub: hub.reference, appSource: PlatformAppSource.fromAsset(FIXTURE_APP, '1.0.0'), tenantAccountIds: ['210987654321'], apiCallers: [{ principalArn: 'arn:aws:iam::111111111111:role/op', allTenants: true, actions: Object.values(TenantAction) }],
  } as any);
  const base: TenantConsoleProps = { hub, provisioner, signInDomainPrefix: 'acme-console' };
  const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:111111111111:certificate/abc');
  const okta = { name: 'acme-okta', tenantId: 'acme', issuerUrl: 'https://acme.okta.com', clientId: 'c', clientSecret: SecretValue.unsafePlainText('s') };

  test.each<[string, Partial<TenantConsoleProps>, string]>([
    ['the sign-in prefix has capitals', { signInDomainPrefix: 'Acme' }, "- signInDomainPrefix: must be 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (got: 'Acme')"],
    ['the sign-in prefix names cognito', { signInDomainPrefix: 'acme-cognito' }, "- signInDomainPrefix: must not contain aws, amazon or cognito (Cognito refuses such domains) (got: 'acme-cognito')"],
    ['a domain without a certificate', { domainName: 'console.example.com' }, '- certificate: is required with domainName'],
    ['a certificate without a domain', { certificate: cert }, '- certificate: is only used with domainName'],
    ['a domain that is not a DNS name', { domainName: 'Console_Example', certificate: cert }, '- domainName: must be a lowercase DNS name'],
    ['a scan cap above the hub\'s cutoff', { maxBytesScannedPerQuery: 2 * 1024 ** 3 }, '- maxBytesScannedPerQuery: must be between 10485760 and 1073741824'],
    ['an identity provider bound to no valid tenant', { oidcProviders: [{ ...okta, tenantId: 'ACME' }] }, "- oidcProviders[0].tenantId: must be the id of the tenant whose users this provider signs in (got: 'ACME')"],
    ['an identity provider over plain http', { oidcProviders: [{ ...okta, issuerUrl: 'http://acme.okta.com' }] }, "- oidcProviders[0].issuerUrl: must be an https:// URL (got: 'http://acme.okta.com')"],
    ['two providers with one name', { oidcProviders: [okta], samlProviders: [{ name: 'acme-okta', tenantId: 'acme', metadataUrl: 'https://x.example/m' }] }, "- samlProviders[0].name: duplicates oidcProviders[0].name (each provider binds one tenant) (got: 'acme-okta')"],
  ])('throws when %s', (_name, overrides, message) => {
    expect(() => new TenantConsole(new Stack(undefined, 'S', { env: PLATFORM_ENV }), 'C', { ...base, ...overrides })).toThrow(message);
  });

  test('throws one error listing every problem, before creating anything', () => {
    const s = new Stack(undefined, 'S', { env: PLATFORM_ENV });
    let message = '';
    try {
      new TenantConsole(s, 'C', { ...base, signInDomainPrefix: 'aws', domainName: 'console.example.com', maxBytesScannedPerQuery: 5 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.startsWith('Invalid TenantConsole props for tenant "platform":\n')).toBe(true);
    expect(message.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(s.node.tryFindChild('C')).toBeUndefined();
  });
});

// Issue 24 §4: the console serves a platform whose hub and provisioner admit an organization (no account list).
test('TenantConsole works with a hub and a provisioner on the organization path', () => {
  const stack = testStack('Platform', PLATFORM_ENV);
  const hub = new PlatformHub(stack, 'Hub', { organizationId: 'o-abcdefghij' });
  const provisioner = new TenantProvisioner(stack, 'Provisioner', {
    hub: hub.reference,
    appSource: PlatformAppSource.fromAsset(FIXTURE_APP, '1.0.0'),
    organizationId: 'o-abcdefghij',
    apiCallers: [{ principalArn: 'arn:aws:iam::111111111111:role/platform/operator', allTenants: true, actions: Object.values(TenantAction) }],
  } as any);
  new TenantConsole(stack, 'Console', { hub, provisioner, signInDomainPrefix: 'acme-platform-console' });
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::Cognito::UserPool', 1);
  expect(hub.admitsOrganization).toBe(true);
});
