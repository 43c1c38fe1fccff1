/**
 * Issue 8.6: a key policy must name no IAM role created in the same template. KMS checks that every
 * principal of a key policy exists when the policy is put, and a role created seconds earlier may not
 * have propagated yet ("MalformedPolicyDocumentException: Policy contains a statement with one or
 * more invalid principals"), a known race. Grant key use in the role's own policy instead (e.g. with
 * a kms:ViaService condition), which also keeps the key's stack free of the grantee's.
 *
 *   expect(keyPoliciesNamingStackRoles(Template.fromStack(stack))).toEqual([]);
 */
import { Template } from 'aws-cdk-lib/assertions';

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;

/** One line per key policy statement that names a role of the same template; empty when none does. */
export function keyPoliciesNamingStackRoles(template: Template): string[] {
  const resources = (template.toJSON().Resources ?? {}) as Resources;
  const roles = new Set(Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::Role').map(([id]) => id));
  const problems: string[] = [];
  for (const [keyId, key] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::KMS::Key')) {
    const statements = ([] as any[]).concat(key.Properties?.KeyPolicy?.Statement ?? []);
    statements.forEach((statement, i) => {
      const named = [...new Set(referencedIds(statement?.Principal).filter((id) => roles.has(id)))];
      for (const role of named) {
        problems.push(`${keyId}: key policy statement ${statement?.Sid ?? `#${i}`} names the role ${role} of the same template`);
      }
    });
  }
  return problems;
}

function referencedIds(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  const v = value as Record<string, unknown>;
  const own: string[] = [];
  if (typeof v.Ref === 'string') own.push(v.Ref);
  if (Array.isArray(v['Fn::GetAtt']) && typeof v['Fn::GetAtt'][0] === 'string') own.push(v['Fn::GetAtt'][0]);
  return [...own, ...Object.values(v).flatMap(referencedIds)];
}
