// The evaluator the containment tests rely on: each rule of IAM it implements, and that it can say no.
import { IamPolicyDocument, effectivePermissions, evaluatePolicies, globMatch, isAllowed } from '../../../src/blocks/link/iam-evaluator';

const doc = (...Statement: IamPolicyDocument['Statement']): IamPolicyDocument => ({ Version: '2012-10-17', Statement });
const SECRET = 'arn:aws:secretsmanager:us-east-1:210987654321:secret:ro-AbCdEf';

describe('iam-evaluator', () => {
  test.each<[string, string, boolean, boolean]>([
    ['s3:Get*', 's3:GetObject', true, true],
    ['s3:get*', 'S3:GetObject', true, true],
    ['s3:Get?bject', 's3:GetObject', true, true],
    ['s3:Get*', 's3:PutObject', true, false],
    ['arn:aws:lambda:*:*:function:f', 'arn:aws:lambda:us-east-1:1:function:f:live', false, false],
    ['arn:aws:lambda:*:*:function:f*', 'arn:aws:lambda:us-east-1:1:function:f:live', false, true],
    ['arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x', false, false],
  ])('globMatch(%s, %s, caseInsensitive=%s) is %s', (pattern, value, ci, expected) => {
    expect(globMatch(pattern, value, ci)).toBe(expected);
  });

  test('no statement: implicit deny; an allow: allow; an explicit deny wins over any allow', () => {
    const request = { action: 'secretsmanager:GetSecretValue', resource: SECRET };
    expect(evaluatePolicies([doc()], request)).toBe('IMPLICIT_DENY');
    expect(evaluatePolicies([doc({ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' })], request)).toBe('ALLOW');
    expect(evaluatePolicies([
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      doc({ Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: SECRET }),
    ], request)).toBe('EXPLICIT_DENY');
  });

  test('NotAction and NotResource', () => {
    const p = doc({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' });
    expect(evaluatePolicies([p], { action: 's3:GetObject', resource: 'arn:aws:s3:::open/x' })).toBe('ALLOW');
    expect(evaluatePolicies([p], { action: 'iam:PassRole', resource: 'arn:aws:s3:::open/x' })).toBe('IMPLICIT_DENY');
    expect(evaluatePolicies([p], { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/x' })).toBe('IMPLICIT_DENY');
  });

  test('conditions: StringEquals / StringLike / ArnLike need the key; negated operators hold without it; Null tests presence', () => {
    const allow = (Condition: Record<string, Record<string, unknown>>) => doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition });
    const decrypt = (context: Record<string, string>) => ({ action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:1:key/k', context });
    const via = { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' };
    expect(evaluatePolicies([allow({ StringEquals: via })], decrypt(via))).toBe('ALLOW');
    expect(evaluatePolicies([allow({ StringEquals: via })], decrypt({}))).toBe('IMPLICIT_DENY');
    expect(evaluatePolicies([allow({ StringEquals: { 'kms:ViaService': ['s3.x', via['kms:ViaService']] } })], decrypt(via))).toBe('ALLOW');
    expect(evaluatePolicies([allow({ StringLike: { 'kms:ViaService': 'secretsmanager.*' } })], decrypt(via))).toBe('ALLOW');
    expect(evaluatePolicies([allow({ StringNotEquals: { 'aws:ResourceAccount': '1' } })], decrypt({}))).toBe('ALLOW');
    expect(evaluatePolicies([allow({ StringNotEquals: { 'aws:ResourceAccount': '1' } })], decrypt({ 'aws:ResourceAccount': '1' }))).toBe('IMPLICIT_DENY');
    expect(evaluatePolicies([allow({ Null: { 'aws:ResourceAccount': 'false' } })], decrypt({}))).toBe('IMPLICIT_DENY');
    expect(evaluatePolicies([allow({ Null: { 'aws:ResourceAccount': 'true' } })], decrypt({}))).toBe('ALLOW');
    expect(evaluatePolicies([allow({ ArnLike: { 'aws:SourceArn': 'arn:aws:events:*:1:rule/a-*' } })], decrypt({ 'aws:SourceArn': 'arn:aws:events:us-east-1:1:rule/a-b' }))).toBe('ALLOW');
    expect(evaluatePolicies([allow({ ArnLike: { 'aws:SourceArn': 'arn:aws:events:*:1:rule/a-*' } })], decrypt({ 'aws:SourceArn': 'arn:aws:events:us-east-1:2:rule/a-b' }))).toBe('IMPLICIT_DENY');
    expect(evaluatePolicies([allow({ StringEqualsIfExists: { 'kms:ViaService': 'x' } })], decrypt({}))).toBe('ALLOW');
    // two keys: both must hold
    expect(evaluatePolicies([allow({ StringEquals: { ...via, 'kms:EncryptionContext:SecretARN': SECRET } })], decrypt(via))).toBe('IMPLICIT_DENY');
  });

  test('an unsupported operator or an unresolved value throws instead of guessing', () => {
    const request = { action: 'kms:Decrypt', resource: '*', context: { 'aws:CurrentTime': '1' } };
    expect(() => evaluatePolicies([doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '0' } } })], request))
      .toThrow('condition operator DateGreaterThan is not supported');
    expect(() => evaluatePolicies([doc({ Effect: 'Allow', Action: '*', Resource: { Ref: 'X' } as unknown as string })], request)).toThrow('unresolved token');
  });

  test('effective permissions are identity ∩ boundary, and a deny in either wins', () => {
    const identity = [doc({ Effect: 'Allow', Action: '*', Resource: '*' })];
    const boundary = doc({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET });
    const other = SECRET.replace('ro-', 'admin-');
    expect(isAllowed(identity, boundary, { action: 'secretsmanager:GetSecretValue', resource: SECRET })).toBe(true);
    expect(isAllowed(identity, boundary, { action: 'secretsmanager:GetSecretValue', resource: other })).toBe(false);
    expect(isAllowed([doc()], boundary, { action: 'secretsmanager:GetSecretValue', resource: SECRET })).toBe(false);
    expect(isAllowed([...identity, doc({ Effect: 'Deny', Action: '*', Resource: SECRET })], boundary, { action: 'secretsmanager:GetSecretValue', resource: SECRET })).toBe(false);
  });

  test('a known-wide policy is reported as wide: the effective set of an admin policy is every probe', () => {
    const probes = [
      { action: 'secretsmanager:GetSecretValue', resource: SECRET },
      { action: 'iam:CreateRole', resource: 'arn:aws:iam::1:role/x' },
      { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:1:function:f:$LATEST' },
    ];
    const admin = [doc({ Effect: 'Allow', Action: '*', Resource: '*' })];
    expect(effectivePermissions(admin, undefined, probes)).toHaveLength(3);
    expect(effectivePermissions(admin, doc({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET }), probes))
      .toEqual([`secretsmanager:GetSecretValue ${SECRET}`]);
  });
});
