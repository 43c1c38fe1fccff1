import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { BoundAppSource } from './app-source-binding';

/**
 * The platform's CDK app that the provisioner's build runs: an app that, given one tenant's spec
 * in the environment (`TENANT_SPEC_JSON`, `TENANT_STACK_NAME`, see docs/platform/provisioner.md), synthesizes
 * exactly that tenant's stack. The example platform app is the reference.
 *
 * @example
 * PlatformAppSource.fromAsset(path.join(__dirname, 'platform-app'), '2.4.0')
 * PlatformAppSource.fromBucket(releases, 'platform-app/', '2.4.0') // platform-app/2.4.0.zip, platform-app/2.5.0.zip, ...
 */
export class PlatformAppSource {
  /**
   * The app in a local directory, uploaded as a CDK asset: one release, the one bundled with this
   * provisioner (a new release is a redeploy of the provisioner).
   *
   * @param directory the app's directory (with cdk.json; `node_modules` and `cdk.out` are left out)
   * @param release the label recorded for this release. Default: 'bundled'
   */
  public static fromAsset(directory: string, release?: string): PlatformAppSource {
    return new PlatformAppSource(release ?? 'bundled', (scope) => {
      const asset = new s3assets.Asset(scope, 'AppSource', { path: directory, exclude: ['node_modules', 'cdk.out', '.git'] });
      return { bucket: asset.bucket, objectKey: asset.s3ObjectKey, defaultRelease: release ?? 'bundled' };
    });
  }

  /**
   * Release archives in a bucket: release `R` is the zip `<keyPrefix><R>.zip`. Operations run the
   * tenant's release (a settings change never upgrades the app); a rollout moves tenants to another.
   *
   * @param bucket the bucket holding the archives
   * @param keyPrefix key prefix of the archives, e.g. `platform-app/` (may be empty)
   * @param defaultRelease the release new tenants get when the request names none
   */
  public static fromBucket(bucket: s3.IBucket, keyPrefix: string, defaultRelease: string): PlatformAppSource {
    return new PlatformAppSource(defaultRelease, () => ({
      bucket, objectKey: `${keyPrefix}${defaultRelease}.zip`, releasePrefix: keyPrefix, defaultRelease,
    }), keyPrefix);
  }

  /** The release new tenants get. */
  public readonly defaultRelease: string;

  /** The key prefix of release archives, when the source is a bucket. */
  public readonly keyPrefix?: string;

  private constructor(defaultRelease: string, private readonly binder: (scope: Construct) => BoundAppSource, keyPrefix?: string) {
    this.defaultRelease = defaultRelease;
    this.keyPrefix = keyPrefix;
  }

  /**
   * Creates what the source needs (the asset) under `scope`.
   *
   * @internal
   */
  public _bind(scope: Construct): BoundAppSource {
    return this.binder(scope);
  }
}
