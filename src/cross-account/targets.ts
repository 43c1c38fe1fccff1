import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { IConstruct } from 'constructs';

/**
 * A database the link can open to the platform's query console through the RDS Data API:
 * the shape of `TenantPostgres`.
 */
export interface IQueryableDatabase extends IConstruct {
  /** The Aurora cluster (RDS Data API enabled). */
  readonly cluster: rds.IDatabaseCluster;
  /** The secret of the database's read-only user (encrypted with the tenant key). */
  readonly readOnlySecret: secretsmanager.ISecret;
}

/** A function the link can let the platform invoke: the shape of `TenantFunction`. */
export interface IInvocableFunction extends IConstruct {
  /** The function's live alias. */
  readonly function: lambda.IFunction;
}
