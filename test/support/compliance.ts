/**
 * The compliance gate for tests: a re-export of the package's entry point `cdk-tenant-blocks/compliance`
 * (compliance/gates.ts), so tests run exactly what users run. See docs/compliance.md.
 *
 * Suppress a finding in library code with `Suppressions.add(construct, [{ id, reason, appliesTo? }])`
 * from src/core/suppressions.ts (no runtime dependency on cdk-nag).
 */
export * from '../../compliance/gates';
