// The suppression audit of the entry point, as a platform team uses it on its own constructs:
// a suppression that no longer suppresses anything is reported; the tree is left as it was.
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { auditSuppressions, findingKeys, complianceFindings } from '../../compliance/index';
import { Suppressions } from '../../src/core/suppressions';

const ENV = { account: '123456789012', region: 'us-east-1' };
const GATES = { gates: ['AwsSolutions', 'ControlTower'] as const };

function newStack(): Stack {
  return new Stack(new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } }), 'S', { env: ENV });
}

/** An unencrypted bucket with two suppressions that match findings, and one that matches nothing. */
function build(stack: Stack): s3.CfnBucket {
  const bucket = new s3.CfnBucket(stack, 'Bucket');
  Suppressions.add(bucket, [
    { id: 'AwsSolutions-S10', reason: 'test: TLS is enforced by the only consumer' },
    { id: 'CT.S3.PR.10', reason: 'test: the fixture holds no data, KMS adds nothing' },
  ]);
  // stale: the versioning rule is satisfied once versioning is on
  bucket.versioningConfiguration = { status: 'Enabled' };
  Validations.of(bucket).acknowledge({ id: 'CT.S3.PR.8', reason: 'test: versioning was off when this was written' });
  return bucket;
}

describe('auditSuppressions', () => {
  test('with a build function: records every suppression with its call stack and reports the stale one', () => {
    const stack = newStack();
    const { recorded, raw, unused } = auditSuppressions(() => { build(stack); return stack; }, GATES);
    expect(recorded.map((r) => `${r.suppression.id} @ ${r.path}`)).toEqual(['AwsSolutions-S10 @ S/Bucket', 'CT.S3.PR.10 @ S/Bucket', 'CT.S3.PR.8 @ S/Bucket']);
    expect(recorded[0].suppression.reason).toBe('test: TLS is enforced by the only consumer');
    expect(recorded.every((r) => r.stack?.includes('audit.test.ts'))).toBe(true);
    // the caller is the line that added it, past Suppressions.add and Validations.acknowledge
    expect(recorded.map((r) => r.caller)).toEqual([
      expect.stringMatching(/^at build \(.*audit\.test\.ts:\d+:\d+\)$/),
      expect.stringMatching(/^at build \(.*audit\.test\.ts:\d+:\d+\)$/),
      expect.stringMatching(/^at build \(.*audit\.test\.ts:\d+:\d+\)$/),
    ]);
    expect(findingKeys(raw)).toEqual(expect.arrayContaining(['AwsSolutions-S10 @ S/Bucket', 'CT.S3.PR.10 @ S/Bucket']));
    expect(unused).toEqual(['CT.S3.PR.8 @ S/Bucket']);
  });

  test('with constructs already built: audits the suppressions found on them, and puts every suppression back', () => {
    const stack = newStack();
    build(stack);
    const { recorded, unused } = auditSuppressions(stack, GATES);
    expect(recorded.map((r) => r.suppression.id)).toEqual(['AwsSolutions-S10', 'CT.S3.PR.10', 'CT.S3.PR.8']);
    expect(recorded.every((r) => r.stack === undefined)).toBe(true);
    expect(unused).toEqual(['CT.S3.PR.8 @ S/Bucket']);
    // the audit stripped the acknowledgements only while it ran
    expect(findingKeys(complianceFindings(stack, GATES))).not.toContain('AwsSolutions-S10 @ S/Bucket');
  });

  test('granular suppressions keep their appliesTo, and include narrows what is audited', () => {
    const stack = newStack();
    const { recorded, unused } = auditSuppressions(() => {
      const bucket = new s3.CfnBucket(stack, 'Bucket');
      Suppressions.add(bucket, [{ id: 'AwsSolutions-IAM5', reason: 'test: a granular suppression on a bucket', appliesTo: ['Resource::*', 'Action::s3:*'] }]);
      Suppressions.add(stack, [{ id: 'AwsSolutions-S1', reason: 'test: access logs go to the central account' }]);
      return stack;
    }, { ...GATES, include: (r) => r.path === 'S/Bucket' });
    expect(recorded.map((r) => r.suppression)).toEqual([{ id: 'AwsSolutions-IAM5', reason: 'test: a granular suppression on a bucket', appliesTo: ['Resource::*', 'Action::s3:*'] }]);
    expect(unused).toEqual(['AwsSolutions-IAM5[Resource::*] @ S/Bucket', 'AwsSolutions-IAM5[Action::s3:*] @ S/Bucket']);
  });

  test('suppressions of gates that did not run are not audited', () => {
    const stack = newStack();
    const { recorded, unused } = auditSuppressions(() => { build(stack); return stack; }, { gates: ['AwsSolutions'] });
    expect(recorded.map((r) => r.suppression.id)).toEqual(['AwsSolutions-S10']);
    expect(unused).toEqual([]);
  });
});
