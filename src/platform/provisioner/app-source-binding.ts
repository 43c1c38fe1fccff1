import * as s3 from 'aws-cdk-lib/aws-s3';

/** Where the platform app lives, as bound into a provisioner (not part of the public API: the barrel does not export it). */
export interface BoundAppSource {
  readonly bucket: s3.IBucket;
  /** Object key of the default release's archive. */
  readonly objectKey: string;
  /** Key prefix of release archives (`<prefix><release>.zip`), when releases are separate objects. */
  readonly releasePrefix?: string;
  readonly defaultRelease: string;
}

