/* eslint-disable import/no-extraneous-dependencies */
// Shared by the postgres tests: a real server, a mocked Secrets Manager holding RDS-style secrets,
// and a local HTTP server standing in for CloudFormation's pre-signed response URL.
import * as http from 'http';
import { AddressInfo } from 'net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { makeHandler, makeRegressionHandler, HandlerOptions, RegressionHandlerOptions } from '../../../src/blocks/postgres/bootstrap.lambda';
import { CustomResourceEvent, CustomResourceResponse } from '../../../src/core/custom-resource.lambda-shared';
import { PostgresServer } from '../../support/postgres-server';

export const ADMIN_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:admin-AAAAAA';
export const APP_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app-BBBBBB';
export const READ_ONLY_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ro-CCCCCC';

export const APP_USER = 'app';
export const READ_ONLY_USER = 'app_readonly';

/** Secrets Manager stand-in: secret ARN -> RDS-style JSON. */
export class FakeSecrets {
  public readonly client = new SecretsManagerClient({ region: 'us-east-1' });
  public readonly values = new Map<string, { username: string; password: string }>();
  private readonly mock = mockClient(this.client);

  constructor() {
    this.mock.on(GetSecretValueCommand).callsFake((input: { SecretId: string }) => {
      const value = this.values.get(input.SecretId);
      if (!value) {
        throw Object.assign(new Error(`Secrets Manager can't find the specified secret ${input.SecretId}`), { name: 'ResourceNotFoundException' });
      }
      return { ARN: input.SecretId, SecretString: JSON.stringify({ engine: 'postgres', ...value }) };
    });
  }

  public calls(): number {
    return this.mock.commandCalls(GetSecretValueCommand).length;
  }
}

/** Captures what the handler PUTs to the response URL. */
export class ResponseCatcher {
  public readonly responses: CustomResourceResponse[] = [];
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      this.responses.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });

  public async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  public get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/response`;
  }

  public async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A server with secrets for admin/app/read-only and a handler trusting the server's CA. */
export class Fixture {
  public static async create(options: { start?: boolean } = {}): Promise<Fixture> {
    const server = await PostgresServer.create({ start: options.start });
    const catcher = new ResponseCatcher();
    await catcher.start();
    return new Fixture(server, catcher);
  }

  public readonly secrets = new FakeSecrets();
  private requests = 0;

  private constructor(public readonly server: PostgresServer, public readonly catcher: ResponseCatcher) {
    this.secrets.values.set(ADMIN_SECRET, { username: server.adminUser, password: server.adminPassword });
    this.secrets.values.set(APP_SECRET, { username: APP_USER, password: 'app-Pa55word-1' });
    this.secrets.values.set(READ_ONLY_SECRET, { username: READ_ONLY_USER, password: "ro-Pa55'word-1" });
  }

  /** The function configuration TenantPostgres sets (endpoint and secret ARNs). */
  public env(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      DB_HOST: this.server.host,
      DB_PORT: String(this.server.port),
      DB_NAME: this.server.database,
      ADMIN_SECRET_ARN: ADMIN_SECRET,
      APP_SECRET_ARN: APP_SECRET,
      READ_ONLY_SECRET_ARN: READ_ONLY_SECRET,
      ...overrides,
    };
  }

  public handler(options: HandlerOptions = {}) {
    return makeHandler({
      ssl: { ca: this.server.ca, rejectUnauthorized: true },
      secrets: this.secrets.client,
      deadlineMarginMs: 0,
      defaultBudgetMs: 30_000,
      initialRetryDelayMs: 200,
      connectTimeoutMs: 3_000,
      env: this.env(),
      ...options,
    });
  }

  /** The regression function's handler, configured like the bootstrap's. */
  public regressionHandler(options: RegressionHandlerOptions = {}) {
    return makeRegressionHandler({
      ssl: { ca: this.server.ca, rejectUnauthorized: true },
      secrets: this.secrets.client,
      connectTimeoutMs: 3_000,
      env: this.env(),
      ...options,
    });
  }

  public event(requestType: 'Create' | 'Update' | 'Delete', overrides: Record<string, unknown> = {}): CustomResourceEvent {
    this.requests++;
    return {
      RequestType: requestType,
      ResponseURL: this.catcher.url,
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/S/1',
      RequestId: `request-${this.requests}`,
      LogicalResourceId: 'Bootstrap',
      ResourceType: 'Custom::TenantPostgresBootstrap',
      PhysicalResourceId: requestType === 'Create' ? undefined : `${this.server.database}@${this.server.host}`,
      ResourceProperties: {
        ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:bootstrap',
        Host: this.server.host,
        Port: String(this.server.port),
        Database: this.server.database,
        AdminSecretArn: ADMIN_SECRET,
        AppSecretArn: APP_SECRET,
        ReadOnlySecretArn: READ_ONLY_SECRET,
        ...overrides,
      },
    };
  }

  /** Runs a Create through the handler and returns the response CloudFormation received. */
  public async bootstrap(requestType: 'Create' | 'Update' | 'Delete' = 'Create', options: HandlerOptions = {}): Promise<CustomResourceResponse> {
    const before = this.catcher.responses.length;
    await this.handler(options)(this.event(requestType));
    expect(this.catcher.responses.length).toBe(before + 1);
    return this.catcher.responses[before];
  }

  public config(user: 'app' | 'ro') {
    const secret = this.secrets.values.get(user === 'app' ? APP_SECRET : READ_ONLY_SECRET)!;
    return this.server.tlsConfig(secret.username, secret.password);
  }

  public async destroy(): Promise<void> {
    await this.catcher.stop();
    await this.server.destroy();
  }
}
