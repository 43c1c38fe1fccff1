/**
 * The main job: synthesizes the example platform app without an AWS account and prints a summary
 * of every stack (kind, tier, resources, template size, unsuppressed compliance findings, cfn-lint errors).
 * Exits 1 when any stack has a compliance finding or a cfn-lint error.
 *
 *   npx projen example                       # the tenants file next to this script
 *   npx projen example -- path/to/tenants.json
 *
 * The tenants file is validated by parseTenantSpecs (every problem of every tenant at once, with
 * its JSON path) and each tenant is built by Tenant.fromSpec. Link external ids come from the file
 * named by TENANT_EXTERNAL_IDS_FILE; tenants missing from it get a random id for this run only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { DEFAULT_TENANTS_FILE, offlineContext, readPlatformFile } from './config';
import { buildPlatformApp } from './platform';
import { complianceFindings, formatCfnLint, formatFindings, lintTemplates } from '../../compliance/index';
import { TenantCostEstimate } from '../../src';
// The package's compliance entry point, as a platform team imports it: 'cdk-tenant-blocks/compliance'.

const started = Date.now();
const file = readPlatformFile(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_TENANTS_FILE);
const outdir = path.join(__dirname, 'cdk.out');
fs.rmSync(outdir, { recursive: true, force: true });
const app = new App({ outdir, context: { ...offlineContext(), '@aws-cdk/core:failSynthOnValidationErrors': false } });
const stacks = buildPlatformApp(app, file);
const assembly = app.synth();
const synthMs = Date.now() - started;

// cfn-lint over the whole cloud assembly: one run per region, each stack for its own region.
const lintByStack = new Map(lintTemplates(assembly.directory).map((r) => [r.stackName, r]));
const rows: string[][] = [['stack', 'kind', 'account', 'tier', 'resources', 'template', 'idle $/month', 'findings', 'cfn-lint']];
const unpriced: string[] = [];
// the region and date of the prices each estimate used (TenantCostEstimate.pricesAsOf)
const priceDates = new Set<string>();
let totalFindings = 0;
const details: string[] = [];
for (const { stack, kind, tier } of stacks) {
  const artifact = assembly.getStackByName(stack.stackName);
  const templateText = fs.readFileSync(path.join(assembly.directory, artifact.templateFile), 'utf8');
  const resources = Object.keys(JSON.parse(templateText).Resources ?? {}).length;
  // What the stack costs while nobody uses it (TenantCostEstimate, list prices kept in the package).
  // a region without a price table is reported, not fatal: the estimate is a guide, not a gate
  const cost = TenantCostEstimate.REGIONS.includes(stack.region) ? TenantCostEstimate.fromTemplateJson(templateText, stack.region) : undefined;
  if (!cost) unpriced.push(`${stack.stackName}: no price table for ${stack.region} (prices exist for ${TenantCostEstimate.REGIONS.join(', ')})`);
  if (cost) priceDates.add(`${stack.region} as of ${cost.pricesAsOf}`);
  for (const u of cost?.notPriced ?? []) unpriced.push(`${stack.stackName}: ${u.resourceType} x${u.logicalIds.length} (${u.reason})`);
  const findings = complianceFindings(stack);
  totalFindings += findings.length;
  if (findings.length > 0) details.push(`${stack.stackName}:\n${formatFindings(findings)}`);
  const lint = lintByStack.get(artifact.stackName);
  if (!lint) throw new Error(`cfn-lint did not lint ${artifact.stackName}`);
  const lintFindings = [...lint.errors, ...lint.warnings];
  totalFindings += lintFindings.length;
  if (lintFindings.length > 0) details.push(`${stack.stackName} cfn-lint:\n${formatCfnLint(lintFindings)}`);
  rows.push([
    stack.stackName, kind, stack.account, tier, String(resources), `${(templateText.length / 1024).toFixed(1)} KB`,
    cost ? `${cost.usdPerMonth.toFixed(2)}${cost.notPriced.length > 0 ? '+' : ''}` : 'n/a', String(findings.length), String(lintFindings.length),
  ]);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i >= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`\ncdk-tenant-blocks example platform app: ${stacks.length} stacks for ${file.tenants.length} tenants`);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.slice(1).forEach((r) => console.log(line(r)));
console.log(`\nsynth ${synthMs} ms, total ${Date.now() - started} ms (incl. compliance gates); cloud assembly: ${path.relative(process.cwd(), outdir)}`);
console.log(`idle $/month: TenantCostEstimate of the template (list prices of ${[...priceDates].join(', ')}, usage excluded; docs/cost.md)`
  + (unpriced.length > 0 ? `; not priced (the figure is a lower bound): ${unpriced.join('; ')}` : ''));
console.log('findings: unsuppressed cdk-nag AwsSolutions, HIPAA.Security, NIST.800.53.R5, PCI.DSS.321 and AWS Control Tower guard rule findings; cfn-lint: errors and warnings not ignored for a stated reason');
if (file.generatedExternalIds.length > 0) {
  console.log(`link external ids generated for this run only (set TENANT_EXTERNAL_IDS_FILE before a deploy): ${file.generatedExternalIds.join(', ')}`);
}
// Synth warnings (annotations) of every stack: the library's own must be none (issue 24), so a
// platform team sees only its own. Each one is listed with its path.
const warnings = assembly.stacks.flatMap((s) => s.messages.filter((m) => m.level === 'warning').map((m) => `${m.id}: ${String(m.entry.data)}`));
console.log(`synth warnings: ${warnings.length}`);
if (warnings.length > 0) {
  console.error(`\n${warnings.length} synth warning(s):\n${warnings.map((w) => `- ${w}`).join('\n')}`);
  process.exitCode = 1;
}
if (totalFindings > 0) {
  console.error(`\n${totalFindings} unsuppressed compliance finding(s) or cfn-lint error(s):\n${details.join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('unsuppressed compliance findings: 0; cfn-lint errors and unexplained warnings: 0');
}
