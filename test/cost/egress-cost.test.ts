/**
 * Issue 14: what internet egress costs an idle tenant. The example app's tenants (examples/platform,
 * built exactly as `npx projen example` builds them) are estimated with and without
 * `function.internetEgress`; the goal is PRODUCTION ≤ 180 USD a month without egress.
 *
 * The figures go into docs/cost.md; `npx jest test/cost/egress-cost.test.ts` prints them.
 */
import { App } from 'aws-cdk-lib';
import { offlineContext, readPlatformFile } from '../../examples/platform/config';
import { buildTenantApp } from '../../examples/platform/platform';
import { TenantCostEstimate } from '../../src/cost';

/** The idle cost of one example tenant with `function.internetEgress` set as given. */
function idleCost(tenantId: string, internetEgress: boolean | undefined): TenantCostEstimate {
  const file = readPlatformFile(undefined, tenantId);
  const spec = file.tenants[0];
  const app = new App({ context: offlineContext() });
  const stack = buildTenantApp(app, file.platform, { ...spec, function: { ...spec.function, internetEgress } }, file.externalIds[tenantId]);
  const template = app.synth().getStackByName(stack.stackName).template;
  return TenantCostEstimate.fromTemplateJson(JSON.stringify(template), stack.region);
}

/** 730 hours of a NAT gateway plus its public IPv4 address (us-east-1 list prices). */
const NAT_GATEWAY_WITH_IPV4 = 730 * (0.045 + 0.005);

describe('idle cost with and without internet egress (example tenants, us-east-1)', () => {
  const figures: string[] = [];
  afterAll(() => console.log(`idle $/month (TenantCostEstimate, us-east-1):\n${figures.join('\n')}`));

  test('PRODUCTION (acme: database + function): ≤ 180 without egress; egress adds a NAT gateway with its address per AZ', () => {
    const without = idleCost('acme', undefined);
    const withEgress = idleCost('acme', true);
    figures.push(`Tenant-acme PRODUCTION without egress: ${without.usdPerMonth.toFixed(2)}`, `Tenant-acme PRODUCTION with egress: ${withEgress.usdPerMonth.toFixed(2)}`);
    expect(without.notPriced).toEqual([]);
    expect(withEgress.notPriced).toEqual([]);
    expect(without.usdPerMonth).toBeLessThanOrEqual(180);
    expect(withEgress.usdPerMonth - without.usdPerMonth).toBeCloseTo(3 * NAT_GATEWAY_WITH_IPV4, 2);
    expect(idleCost('acme', false).usdPerMonth).toBeCloseTo(without.usdPerMonth, 6);
  }, 300_000);

  test('DEVELOPMENT (initech-dev: database + function): egress adds one NAT instance, far below a NAT gateway', () => {
    const without = idleCost('initech-dev', undefined);
    const withEgress = idleCost('initech-dev', true);
    figures.push(`Tenant-initech-dev DEVELOPMENT without egress: ${without.usdPerMonth.toFixed(2)}`, `Tenant-initech-dev DEVELOPMENT with egress: ${withEgress.usdPerMonth.toFixed(2)}`);
    expect(without.usdPerMonth).toBeLessThanOrEqual(40);
    expect(withEgress.usdPerMonth).toBeLessThanOrEqual(40);
    const nat = withEgress.usdPerMonth - without.usdPerMonth;
    expect(nat).toBeGreaterThan(0);
    expect(nat).toBeLessThan(NAT_GATEWAY_WITH_IPV4);
  }, 300_000);
});
