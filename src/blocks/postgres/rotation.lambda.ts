/* eslint-disable import/no-extraneous-dependencies */
// TenantPostgres secret rotation handler (in the tenant VPC, next to the cluster): Secrets Manager
// invokes it for each step of a rotation of the admin, app or read-only secret. The endpoint, the
// secrets it may rotate and their users come from its own environment, never from the event.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ClientConfig } from 'pg';
import { secretsManagerClient } from './connection.lambda-shared';
import { RDS_CA_BUNDLE } from './rds-ca-bundle.lambda-shared';
import { rotate, RotationConfig, rotationConfigFromEnv, RotationEvent } from './rotation.lambda-shared';

/** Options for {@link makeRotationHandler}; the deployed handler uses the defaults. */
export interface RotationHandlerOptions {
  /** TLS of every connection. @default - verify against the pinned RDS CA bundle */
  readonly ssl?: ClientConfig['ssl'];
  readonly secrets?: SecretsManagerClient;
  /** @default process.env */
  readonly env?: { readonly [key: string]: string | undefined };
  /** Overrides of the configuration read from the environment (tests: short timeouts). */
  readonly config?: Partial<RotationConfig>;
}

/** Builds the handler (exported for tests). */
export function makeRotationHandler(options: RotationHandlerOptions = {}) {
  const secrets = options.secrets ?? secretsManagerClient();
  const ssl = options.ssl ?? { ca: RDS_CA_BUNDLE, rejectUnauthorized: true };
  return async (event: RotationEvent): Promise<void> => {
    const config = { ...rotationConfigFromEnv(options.env ?? process.env, ssl), ...options.config };
    try {
      await rotate(event, secrets, config);
    } catch (e) {
      // the message names the step, secret and version only; Secrets Manager records the failure
      console.error(JSON.stringify({ level: 'ERROR', message: 'rotation step failed', step: event?.Step, secretArn: event?.SecretId, error: e instanceof Error ? e.message : String(e) }));
      throw e;
    }
  };
}

/** The Lambda entry point. */
export const handler = makeRotationHandler();
