/**
 * cfn-lint for tests: a re-export of the package's entry point `cdk-tenant-blocks/compliance`
 * (compliance/cfn-lint.ts). Needs cfn-lint 1.x on PATH (`pip install cfn-lint`).
 */
export * from '../../compliance/cfn-lint';
