/**
 * `cdk-tenant-blocks/compliance`: the compliance gate a platform team runs in its own CI.
 *
 * - {@link complianceFindings}: the cdk-nag packs AwsSolutions, HIPAA.Security, NIST.800.53.R5,
 *   PCI.DSS.321 and the AWS Control Tower proactive rules over a construct tree, minus suppressions.
 * - {@link auditSuppressions}: every suppression must still suppress a finding.
 * - {@link lintTemplates} / {@link cfnLint}: AWS's cfn-lint over synthesized templates.
 *
 * Not part of the jsii API (TypeScript/JavaScript only). cdk-nag 3.x and
 * `@cdklabs/cdk-validator-cfnguard` are optional peer dependencies, loaded on first use; cfn-lint
 * is a Python tool on PATH. Everything exported here is stable: changes follow semver.
 *
 * @packageDocumentation
 */
export * from './gates';
export * from './suppression-audit';
export * from './cfn-lint';
