import * as fs from 'fs';
import * as path from 'path';
import { Aws, CfnElement, CfnResource, Duration, Fn, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, IConstruct } from 'constructs';
import { ConsoleApiFunction } from './console-api-function';
import { CONSOLE_ENV, contentSecurityPolicy, renderFederatedTenants } from './console-config.lambda-shared';
import { TenantConsoleProps } from './tenant-console-props';
import { MAX_CONSOLE_BYTES_SCANNED, validateTenantConsoleProps } from './validate-tenant-console-props';
import { HandlerExecutionRole } from '../../core/execution-role';
import { ComplianceSuppression, Suppressions } from '../../core/suppressions';
import { GSI1 } from '../provisioner/config.lambda-shared';
import { SCOPES_ENV, SHARED_ACCOUNTS_ENV } from '../provisioner/scopes.lambda-shared';

export * from './tenant-console-props';

/** Where the web app's build (index.html, app.js, app.css) lies: built at build time, like the handlers. */
const WEB_ASSET_DIR = path.join(__dirname, '../../../assets/platform/console/web');


/** What the identity part made. */
interface ConsoleIdentity {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly federatedTenants: Record<string, string>;
}

/**
 * A web console for the platform's customers, who have no AWS account: their tenant's whitelisted
 * settings as a form generated from the published JSON Schema (changed through the provisioner's
 * own validation and lifecycle, recorded with the user's name), the history of every operation,
 * their logs, their health; and a fleet view for platform operators. Deployed in the platform
 * account beside the hub and the provisioner, on AWS's own engines only:
 *
 * - the web app: a private S3 bucket behind CloudFront (origin access control), strict security
 *   headers (CSP without 'unsafe-inline', HSTS, `frame-ancestors 'none'`, no sniffing, no referrer);
 * - identity: a Cognito user pool (no self sign-up, MFA required, threat protection enforced),
 *   optionally federating each customer's own OIDC or SAML identity provider, bound to its tenant;
 * - the API: API Gateway (HTTP API) under `/api/*` of the same distribution, a Cognito JWT
 *   authorizer on every route, one Lambda backend that verifies the token again and takes the
 *   tenant and the role from it, never from the request.
 *
 * Construct ids (renaming one replaces the resource): `Key`, `AccessLogs`, `WebBucket`,
 * `Distribution`, `UserPool`, `UserPoolClient`, `SignInDomain`, `ApiFunctionLogs`,
 * `ApiFunctionRole`, `ApiFunction`, `Api`, `ApiAccessLogs`, `WebDeploymentLogs`,
 * `WebDeploymentRole`, `WebDeployment`.
 */
export class TenantConsole extends Construct {
  /** The console's URL (`https://<domainName or CloudFront domain>/`). */
  public readonly url: string;

  /** The CloudFront distribution serving the web app and, under `/api/*`, its API. */
  public readonly distribution: cloudfront.Distribution;

  /** The user pool of the console's users (create users with `custom:tenant` and `custom:role`). */
  public readonly userPool: cognito.UserPool;

  /** The web app's client of the user pool. */
  public readonly userPoolClient: cognito.UserPoolClient;

  /** The backend function. */
  public readonly apiFunction: lambda.IFunction;

  /** The HTTP API (reached through the distribution under `/api/*`). */
  public readonly api: apigwv2.HttpApi;

  /** The private bucket of the web app's files. */
  public readonly webBucket: s3.IBucket;

  /** The key of the console's log groups. */
  public readonly encryptionKey: kms.IKey;

  /**
   * @param scope the platform stack
   * @param id the construct id
   * @param props the whitelist, validated before anything is created
   */
  constructor(scope: Construct, id: string, props: TenantConsoleProps) {
    validateTenantConsoleProps(props);
    super(scope, id);
    this.encryptionKey = this.buildKey();
    const accessLogs = this.buildAccessLogBucket();
    this.webBucket = this.buildWebBucket(accessLogs);
    for (const b of [accessLogs, this.webBucket]) {
      // EventBridge notifications on (CT.S3.PR.4), set on the L1: the L2's flag adds a custom-resource Lambda.
      (b.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
    }
    const signInOrigin = `https://${props.signInDomainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com`;
    // The distribution is created before the API's origin is known: the `/api/*` behaviour is added below.
    this.distribution = this.buildDistribution(props, accessLogs, signInOrigin);
    this.url = `https://${props.domainName ?? this.distribution.distributionDomainName}/`;
    const identity = this.buildIdentity(props);
    this.userPool = identity.userPool;
    this.userPoolClient = identity.client;
    this.apiFunction = this.buildApiFunction(props, identity.federatedTenants);
    this.api = this.buildApi(this.apiFunction);
    this.addApiBehaviour(this.api);
    const deployment = this.deployWebApp(signInOrigin);
    this.suppress(props, accessLogs, deployment);
  }

  private buildKey(): kms.Key {
    const key = new kms.Key(this, 'Key', {
      description: 'cdk-tenant-blocks console: its log groups',
      enableKeyRotation: true,
      // A key outlives its stack: logs it encrypted stay readable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const { region, account } = Stack.of(this);
    // CT.KMS.PR.3: only AWS services may create grants, and only for AWS resources.
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyGrantsExceptForAwsServicesOnAwsResources',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }));
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogsOfThisAccount',
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${region}:${account}:log-group:*` } },
    }));
    return key;
  }

  private buildAccessLogBucket(): s3.Bucket {
    return new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are delivered with an ACL: the log bucket must accept them.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      // Access logs are an audit trail: kept when the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private buildWebBucket(accessLogs: s3.Bucket): s3.Bucket {
    const bucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      // The app's public code, nothing confidential; S3-managed keys let CloudFront's OAC read it without a key grant.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'web-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      // Rebuilt from the package on every deployment; retained so a deletion never breaks a live distribution.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Server access logs through the bucket policy, not the legacy LogDeliveryWrite ACL (cfn-lint W3045).
    (accessLogs.node.defaultChild as s3.CfnBucket).addPropertyDeletionOverride('AccessControl');
    accessLogs.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'S3ServerAccessLogs',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogs.arnForObjects('web-bucket/*')],
      conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    }));
    return bucket;
  }

  private buildDistribution(props: TenantConsoleProps, accessLogs: s3.IBucket, signInOrigin: string): cloudfront.Distribution {
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'cdk-tenant-blocks console: strict security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(signInOrigin), override: true },
        // Two years, subdomains too: the console is never served over plain HTTP.
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });
    return new cloudfront.Distribution(this, 'Distribution', {
      comment: 'cdk-tenant-blocks console',
      defaultRootObject: 'index.html',
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate: props.certificate,
      // TLS 1.2 at least with the custom domain's certificate; CloudFront's default certificate has a
      // fixed policy (aws-cdk-lib ignores the setting there, with a warning)
      ...(props.certificate ? { minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'distribution/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
      },
      // No error-page rewrite: the app routes on the URL's hash, and the API's 404s stay JSON.
    });
  }

  /** The identity: a Cognito user pool, the customers' identity providers, the web app's client (each tenant bound server-side). */
  private buildIdentity(props: TenantConsoleProps): ConsoleIdentity {
    const userPool = this.buildUserPool(props);
    const { providers, federatedTenants } = this.buildFederation(props, userPool);
    const client = this.buildWebClient(props, userPool, providers, federatedTenants);
    return { userPool, client, federatedTenants };
  }

  /** The user pool: no self sign-up, MFA required, 14-character passwords, threat protection enforced (unless turned off), retained with deletion protection. */
  private buildUserPool(props: TenantConsoleProps): cognito.UserPool {
    const threatProtection = props.threatProtection ?? true;
    const userPool = new cognito.UserPool(this, 'UserPool', {
      // The platform creates each customer's users (custom:tenant, custom:role): nobody signs up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(threatProtection ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      customAttributes: {
        // Mutable by administrators only: the web client may not write them (writeAttributes below).
        tenant: new cognito.StringAttribute({ minLen: 3, maxLen: 31, mutable: true }),
        role: new cognito.StringAttribute({ minLen: 6, maxLen: 8, mutable: true }),
      },
      deletionProtection: true,
      // Customers' users are not recreated by a redeploy.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (threatProtection) {
      // Threat protection in enforcement mode (block risky sign-ins), the AdvancedSecurityMode cdk-nag COG3 reads.
      (userPool.node.defaultChild as cognito.CfnUserPool).userPoolAddOns = { advancedSecurityMode: 'ENFORCED' };
    }
    return userPool;
  }

  /** The customers' OIDC and SAML identity providers, each bound to one tenant (the role comes from a claim). */
  private buildFederation(
    props: TenantConsoleProps, userPool: cognito.UserPool,
  ): { providers: cognito.UserPoolIdentityProvider[]; federatedTenants: Record<string, string> } {
    const roleAttr = 'custom:role';
    const providers: cognito.UserPoolIdentityProvider[] = [];
    const federatedTenants: Record<string, string> = {};
    const idpRefs: cognito.UserPoolIdentityProvider[] = [];
    (props.oidcProviders ?? []).forEach((p) => {
      const idp = new cognito.UserPoolIdentityProviderOidc(this, `Oidc${p.name.replace(/[^A-Za-z0-9]/g, '')}`, {
        userPool,
        name: p.name,
        clientId: p.clientId,
        // A SecretValue from Secrets Manager renders as a dynamic reference: the template never holds the secret.
        clientSecret: p.clientSecret.unsafeUnwrap(),
        issuerUrl: p.issuerUrl,
        scopes: ['openid', 'email'],
        attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        attributeMapping: { email: cognito.ProviderAttribute.other('email'), custom: { [roleAttr]: cognito.ProviderAttribute.other(p.roleClaim ?? 'tenant_blocks_role') } },
      });
      federatedTenants[p.name] = p.tenantId;
      idpRefs.push(idp);
    });
    (props.samlProviders ?? []).forEach((p) => {
      const idp = new cognito.UserPoolIdentityProviderSaml(this, `Saml${p.name.replace(/[^A-Za-z0-9]/g, '')}`, {
        userPool,
        name: p.name,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(p.metadataUrl),
        attributeMapping: {
          email: cognito.ProviderAttribute.other('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'),
          custom: { [roleAttr]: cognito.ProviderAttribute.other(p.roleAttribute ?? 'tenant_blocks_role') },
        },
      });
      federatedTenants[p.name] = p.tenantId;
      idpRefs.push(idp);
    });
    providers.push(...idpRefs);
    return { providers, federatedTenants };
  }

  /** The web app's client (authorization code with PKCE, no secret; reads but never writes the tenant and role) and the hosted sign-in domain. */
  private buildWebClient(
    props: TenantConsoleProps, userPool: cognito.UserPool, providers: cognito.UserPoolIdentityProvider[], federatedTenants: Record<string, string>,
  ): cognito.UserPoolClient {
    const callback = this.url;
    const client = userPool.addClient('UserPoolClient', {
      userPoolClientName: 'tenant-console-web',
      // A browser app keeps no secret: authorization code with PKCE.
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [callback],
        logoutUrls: [callback],
      },
      supportedIdentityProviders: [
        cognito.UserPoolClientIdentityProvider.COGNITO,
        ...Object.keys(federatedTenants).map((n) => cognito.UserPoolClientIdentityProvider.custom(n)),
      ],
      // The tenant and the role are read, never written, by the web client.
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes('tenant', 'role'),
      // Federated sign-in updates the attributes its provider maps (email, custom:role): Cognito needs
      // them writable by the client. Users still cannot write them: the client issues tokens only
      // through the hosted sign-in (explicit auth flows: refresh only, set below) without the
      // aws.cognito.signin.user.admin scope that UpdateUserAttributes requires.
      writeAttributes: Object.keys(federatedTenants).length > 0
        ? new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes('role')
        : new cognito.ClientAttributes(),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    // No direct sign-in (SRP, custom auth) with the public client id: tokens come from the hosted
    // sign-in only, with the OAuth scopes above (CDK's empty authFlows leaves Cognito's defaults on).
    (client.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
    for (const idp of providers) client.node.addDependency(idp);
    new cognito.UserPoolDomain(this, 'SignInDomain', {
      userPool,
      cognitoDomain: { domainPrefix: props.signInDomainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });
    return client;
  }

  private logGroup(id: string): logs.LogGroup {
    return new logs.LogGroup(this, id, {
      encryptionKey: this.encryptionKey,
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private buildApiFunction(props: TenantConsoleProps, federatedTenants: Record<string, string>): lambda.Function {
    const logGroup = this.logGroup('ApiFunctionLogs');
    const fn = new ConsoleApiFunction(this, 'ApiFunction', {
      description: 'cdk-tenant-blocks console: API (settings, history, logs, health, fleet)',
      role: new HandlerExecutionRole(this, 'ApiFunctionRole', { description: 'cdk-tenant-blocks console API', logGroup }),
      logGroup,
      // HTTP APIs wait 30 seconds at most; a health query polls Athena within 20.
      timeout: Duration.seconds(29),
      // The bundle carries the spec validator (and the part of aws-cdk-lib it uses): memory is also CPU for the cold start.
      memorySize: 1024,
      // Bounded: a burst of console users cannot starve the account's other functions.
      reservedConcurrentExecutions: 5,
      environment: {
        [CONSOLE_ENV.USER_POOL_ID]: this.userPool.userPoolId,
        [CONSOLE_ENV.CLIENT_ID]: this.userPoolClient.userPoolClientId,
        [CONSOLE_ENV.FEDERATED_TENANTS]: renderFederatedTenants(federatedTenants),
        [CONSOLE_ENV.MAX_BYTES_SCANNED]: String(props.maxBytesScannedPerQuery ?? MAX_CONSOLE_BYTES_SCANNED),
      },
    });
    // The provisioner's handler settings, exactly as its own API has them (table, workflows, lock
    // TTL...): a console change goes through the same code with the same configuration.
    const own = fn.node.defaultChild as lambda.CfnFunction;
    const theirs = props.provisioner.apiFunction.node.defaultChild as CfnResource;
    own.addPropertyOverride('Environment.Variables', Lazy.any({
      produce: () => {
        const stack = Stack.of(this);
        const mine = stack.resolve(own.environment)?.variables ?? {};
        const provisioner = { ...(stack.resolve((theirs as lambda.CfnFunction).environment)?.variables ?? {}) };
        // the API callers' scopes are the provisioner API's: the console decides for its own users
        // (one tenant, from the token), and they would only eat into Lambda's 4 KB of environment
        delete provisioner[SCOPES_ENV];
        delete provisioner[SHARED_ACCOUNTS_ENV];
        return { ...provisioner, ...mine };
      },
    }));
    const table = props.provisioner.registry;
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'Registry',
      // What the provisioner's API handler does for a settings change, and the console's reads; no DeleteItem, no Scan.
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
      resources: [table.tableArn, `${table.tableArn}/index/${GSI1}`],
    }));
    props.provisioner.encryptionKey.grantEncryptDecrypt(fn);
    props.provisioner.operationWorkflow.grantStartExecution(fn);
    props.hub.grantQueryTenantLogs(fn);
    return fn;
  }

  private buildApi(fn: lambda.IFunction): apigwv2.HttpApi {
    const api = new apigwv2.HttpApi(this, 'Api', {
      description: 'cdk-tenant-blocks console API (served under /api/* of the console distribution)',
      createDefaultStage: true,
    });
    const authorizer = new HttpUserPoolAuthorizer('ConsoleUsers', this.userPool, { userPoolClients: [this.userPoolClient] });
    api.addRoutes({
      path: '/api/{proxy+}',
      methods: [apigwv2.HttpMethod.GET, apigwv2.HttpMethod.POST, apigwv2.HttpMethod.PATCH],
      integration: new HttpLambdaIntegration('Backend', fn),
      authorizer,
    });
    const accessLogs = this.logGroup('ApiAccessLogs');
    const stage = api.defaultStage!.node.defaultChild as apigwv2.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        time: '$context.requestTime',
        method: '$context.httpMethod',
        path: '$context.path',
        status: '$context.status',
        user: '$context.authorizer.claims.email',
        error: '$context.authorizer.error',
        latency: '$context.responseLatency',
      }),
    };
    // CT.LAMBDA.PR.2: the service permission names the account as well as the API.
    for (const permission of api.node.findAll().filter((c): c is lambda.CfnPermission => c instanceof lambda.CfnPermission)) {
      permission.sourceAccount = Stack.of(this).account;
    }
    // A console's traffic is people clicking: 50 requests per second, bursts of 100.
    stage.defaultRouteSettings = { throttlingRateLimit: 50, throttlingBurstLimit: 100 };
    return api;
  }

  private addApiBehaviour(api: apigwv2.HttpApi): void {
    const apiHost = Fn.select(2, Fn.split('/', api.apiEndpoint));
    // The token travels in the Authorization header, which CloudFront forwards only when it is part
    // of the cache key; every TTL is zero, so nothing is cached.
    const noCache = new cloudfront.CachePolicy(this, 'ApiCachePolicy', {
      comment: 'cdk-tenant-blocks console API: Authorization forwarded, nothing cached',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    });
    this.distribution.addBehavior('/api/*', new origins.HttpOrigin(apiHost, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    }), {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: noCache,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.node.findChild('SecurityHeaders') as cloudfront.IResponseHeadersPolicy,
    });
  }

  private deployWebApp(signInOrigin: string): s3deploy.BucketDeployment {
    const logGroup = this.logGroup('WebDeploymentLogs');
    const role = new HandlerExecutionRole(this, 'WebDeploymentRole', { description: 'cdk-tenant-blocks console web app deployment', logGroup });
    const assetDir = fs.existsSync(path.join(WEB_ASSET_DIR, 'index.html')) ? WEB_ASSET_DIR : undefined;
    if (!assetDir) {
      throw new Error(`TenantConsole: the web app is not built (${WEB_ASSET_DIR}/index.html is missing); run the build task`);
    }
    return new s3deploy.BucketDeployment(this, 'WebDeployment', {
      sources: [
        s3deploy.Source.asset(assetDir),
        // The app reads where to sign in from this file: no value is baked into the bundle.
        s3deploy.Source.jsonData('config.json', {
          authority: signInOrigin,
          clientId: this.userPoolClient.userPoolClientId,
          region: Stack.of(this).region,
        }),
      ],
      destinationBucket: this.webBucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json', '/app.js', '/app.css'],
      role,
      logGroup,
      memoryLimit: 256,
      prune: true,
    });
  }

  private suppress(props: TenantConsoleProps, accessLogs: s3.IBucket, deployment: s3deploy.BucketDeployment): void {
    const stack = Stack.of(this);
    const packs = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];
    const each = (rule: string, reason: string): ComplianceSuppression[] => packs.map((p) => ({ id: `${p}-${rule}`, reason }));
    const regional = 'Files rebuilt from the package on every deployment (web app) or a year of access logs: a replica region adds nothing a redeploy does not';
    Suppressions.add(accessLogs, [
      { id: 'CT.S3.PR.2', reason: 'The access-log bucket itself: logging it into itself would loop' },
      ...each('S3BucketReplicationEnabled', regional),
      ...each('S3DefaultEncryptionKMS', 'CloudFront standard logs are delivered by the log delivery service, which cannot use a customer managed key without a key grant to it; S3-managed encryption'),
      { id: 'CT.S3.PR.10', reason: 'CloudFront standard logs are delivered by the log delivery service, which cannot use a customer managed key without a key grant to it; S3-managed encryption' },
      { id: 'CT.S3.PR.9', reason: 'Access logs expire after a year by lifecycle; object lock would forbid that expiry for the lock period and adds nothing to a log nobody writes but AWS' },
    ]);
    Suppressions.add(this.webBucket, [
      ...each('S3BucketReplicationEnabled', regional),
      ...each('S3DefaultEncryptionKMS', 'The web app\'s public code, nothing confidential; S3-managed encryption lets CloudFront\'s origin access control read it without a key grant'),
      { id: 'CT.S3.PR.10', reason: 'The web app\'s public code, nothing confidential; S3-managed encryption lets CloudFront\'s origin access control read it without a key grant' },
      { id: 'CT.S3.PR.9', reason: 'Every deployment replaces the web app\'s files (prune): object lock would forbid that' },
    ]);
    const defaultCertificate = props.domainName === undefined;
    Suppressions.add(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Customers sign in from anywhere; every API request needs a token from the user pool, there is nothing to restrict by country' },
      { id: 'AwsSolutions-CFR2', reason: 'Static files and a token-authorized, throttled API; attach a web ACL in the platform account when its policy wants one' },
      { id: 'CT.CLOUDFRONT.PR.4', reason: 'One origin per path (the bucket, the API) in the platform\'s region: a failover origin would need a second region of the whole platform' },
      ...(defaultCertificate ? [
        ...['AwsSolutions-CFR4', 'CT.CLOUDFRONT.PR.6', 'CT.CLOUDFRONT.PR.7', 'CT.CLOUDFRONT.PR.9'].map((id) => ({
          id, reason: 'No domainName given: the CloudFront default certificate (*.cloudfront.net), whose TLS policy CloudFront fixes; give domainName and certificate for TLSv1.2_2021 with SNI',
        })),
      ] : []),
    ]);
    const region = stack.region;
    const account = stack.account;
    const inline = each('IAMNoInlinePolicy', 'The role\'s only policy, generated from exact grants next to the resources it names; an inline policy dies with its role');
    const fn = this.apiFunction as lambda.Function;
    Suppressions.add(fn.role!, [
      ...inline,
      {
        id: 'AwsSolutions-IAM5',
        reason: 'kms:GenerateDataKey* and kms:ReEncrypt* on the provisioner key only (its registry is encrypted with it); the hub\'s query grant reads objects under the logs/ and history/ prefixes and writes results under results/ (grantQueryTenantLogs)',
        appliesTo: [
          'Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*',
          `Resource::<${logicalIdOf(props.hub.logBucket)}.Arn>/history/*`, `Resource::<${logicalIdOf(props.hub.logBucket)}.Arn>/logs/*`,
          `Resource::<${logicalIdOf(props.hub.queryResultsBucket)}.Arn>/results/*`,
        ],
      },
    ]);
    Suppressions.add(fn, [
      ...[...packs.map((p) => `${p}-LambdaInsideVPC`), 'CT.LAMBDA.PR.3'].map((id) => ({
        id, reason: 'The console backend calls only AWS APIs (DynamoDB, Step Functions, Athena) through their public endpoints with IAM; it has no network resource to reach',
      })),
      ...['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'].map((id) => ({
        id, reason: 'Invoked synchronously only (API Gateway): a failure is answered; a DLQ applies to asynchronous invocations',
      })),
    ]);
    const deploymentRole = this.node.findChild('WebDeploymentRole');
    Suppressions.add(deploymentRole, [
      ...inline,
      {
        id: 'AwsSolutions-IAM5',
        reason: 'BucketDeployment\'s own grants: it reads its source assets from the CDK asset bucket, replaces every object of the web bucket and invalidates the distribution (CloudFront invalidations have no resource-level permission)',
        appliesTo: [
          'Action::s3:Abort*', 'Action::s3:DeleteObject*', 'Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Resource::*',
          `Resource::<${logicalIdOf(this.webBucket)}.Arn>/*`,
          `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*`,
        ],
      },
    ]);
    // The deployment's handler is a stack singleton (one per memory size), created by aws-cdk-lib.
    const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) {
      Suppressions.add(handler, [
        { id: 'AwsSolutions-L1', reason: 'aws-cdk-lib\'s BucketDeployment handler: its runtime is the one aws-cdk-lib ships and tests with its bundled AWS CLI layer' },
        ...[...packs.map((p) => `${p}-LambdaInsideVPC`), 'CT.LAMBDA.PR.3'].map((id) => ({ id, reason: 'Deployment-time copy from the CDK asset bucket to the web bucket through the S3 API: no network resource to reach' })),
        ...['HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'].map((id) => ({ id, reason: 'Invoked synchronously by CloudFormation as a custom resource: a failure fails the deployment' })),
        ...['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'].map((id) => ({ id, reason: 'Runs once per deployment, invoked by CloudFormation only: there is no load to bound' })),
      ]);
    }
    void deployment;
  }
}

/** Logical id of a construct's main resource. */
function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
