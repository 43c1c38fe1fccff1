import { IConstruct } from 'constructs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

/**
 * A database the link can open to the platform's query console through the RDS Data API
 * (`TenantPostgres` is one).
 */
export interface IQueryableDatabase extends IConstruct {
  /** ARN of the Aurora cluster (Data API enabled). */
  readonly clusterArn: string;
  /** The secret of the database's read-only user. */
  readonly readOnlySecret: secretsmanager.ISecret;
  /** The key that encrypts the read-only secret. */
  readonly encryptionKey: kms.IKey;
}

/** A function the link can let the platform invoke (`TenantFunction` is one). */
export interface IInvocableFunction extends IConstruct {
  /** The function's live alias. */
  readonly function: lambda.IFunction;
}
