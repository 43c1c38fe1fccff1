import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Where a TenantFunction's code comes from: a local directory or zip file (uploaded as a CDK
 * asset; what `cdk deploy --hotswap` and `cdk watch` update in seconds) or an object in S3 (what a
 * CI pipeline builds).
 *
 * One instance may serve any number of functions in any number of stacks (the fleet loop of a
 * provisioner): each function gets its own `lambda.Code` from {@link TenantFunctionCode.toLambdaCode},
 * because a CDK asset belongs to one stack.
 */
export class TenantFunctionCode {
  /**
   * Code from a local directory or `.zip` file, bundled as a CDK asset at synth time.
   *
   * The directory is zipped as is: build (transpile, install dependencies) before `cdk deploy`.
   *
   * @param path directory or `.zip` file containing the handler
   */
  public static fromAsset(path: string): TenantFunctionCode {
    return new TenantFunctionCode(() => lambda.Code.fromAsset(path), path, undefined);
  }

  /**
   * Code from a zip object in S3 (in the same region as the function).
   *
   * @param bucket the bucket holding the zip
   * @param key the object key of the zip
   * @param objectVersion the object version to deploy (pin it in PRODUCTION so a redeploy is
   * reproducible); default: the latest version at deploy time
   */
  public static fromBucket(bucket: s3.IBucket, key: string, objectVersion?: string): TenantFunctionCode {
    return new TenantFunctionCode(() => lambda.Code.fromBucketV2(bucket, key, { objectVersion }), undefined, key);
  }

  /**
   * Whether `x` is a TenantFunctionCode (also across copies of this library in one app).
   *
   * @param x anything
   */
  public static isTenantFunctionCode(x: unknown): x is TenantFunctionCode {
    return typeof x === 'object' && x !== null && typeof (x as TenantFunctionCode).toLambdaCode === 'function';
  }

  /** The local path, for code from an asset. */
  public readonly assetPath?: string;

  /** The object key, for code from a bucket. */
  public readonly objectKey?: string;

  private readonly make: () => lambda.Code;

  private constructor(make: () => lambda.Code, assetPath: string | undefined, objectKey: string | undefined) {
    this.make = make;
    this.assetPath = assetPath;
    this.objectKey = objectKey;
  }

  /**
   * A new `lambda.Code` for one function. A CDK asset can be bound to one stack only ("Asset is
   * already associated with another stack"), so every function gets its own; assets with the same
   * content are uploaded once.
   */
  public toLambdaCode(): lambda.Code {
    return this.make();
  }
}
