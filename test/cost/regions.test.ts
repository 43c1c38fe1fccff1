/**
 * Issue 24 §4: the estimate prices the regions platforms run in, from sourced, dated price data,
 * and refuses a region until every one of its prices is sourced (a price is never borrowed from
 * another region). Sources, dates and the cited values: docs/cost.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { offlineContext, readPlatformFile } from '../../examples/platform/config';
import { buildTenantApp } from '../../examples/platform/platform';
import { TenantCostEstimate } from '../../src/cost';
import { PRICE_KEYS, PRICE_LISTS, PriceLine, regionRefusal } from '../../src/cost/price-list';

/** The regions issue 24 asks the estimate to price. */
const PLATFORM_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-2'];

/** The synthesized template of an example tenant, built exactly as `npx projen example` builds it. */
function exampleTemplate(tenantId: string): string {
  const file = readPlatformFile(undefined, tenantId);
  const app = new App({ context: offlineContext() });
  const stack = buildTenantApp(app, file.platform, file.tenants[0], file.externalIds[tenantId]);
  return JSON.stringify(app.synth().getStackByName(stack.stackName).template);
}

/** The rows of the hand-written table of cited prices in docs/cost.md. */
function citedPrices(): Array<{ region: string; key: string; usd: number; source: string; date: string }> {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cost.md'), 'utf8');
  const block = doc.split('<!-- cited-prices -->')[1]?.split('<!-- /cited-prices -->')[0] ?? '';
  return block.split('\n')
    .map((line) => /^\| (\S+) \| `([^`]+)` \| ([0-9.]+) \| \[[^\]]*\]\((\S+)\)[^|]* \| (\S+) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ region: m[1], key: m[2], usd: Number(m[3]), source: m[4], date: m[5] }));
}

describe('regions', () => {
  let templates: Map<string, string>;
  const figures: string[] = [];
  beforeAll(() => {
    templates = new Map(['acme', 'initech-dev'].map((id) => [id, exampleTemplate(id)]));
  }, 300_000);
  afterAll(() => console.log(`idle $/month of the example tenants per region (TenantCostEstimate):\n${figures.join('\n')}`));

  test('the regions platforms run in are priced', () => {
    expect(TenantCostEstimate.REGIONS).toEqual(expect.arrayContaining(PLATFORM_REGIONS));
  });

  test.each(PLATFORM_REGIONS)('%s prices the example tenants completely, each line at its own region\'s price, with the date of its prices', (region) => {
    for (const [tenantId, template] of templates) {
      const estimate = TenantCostEstimate.fromTemplateJson(template, region);
      expect({ tenantId, notPriced: estimate.notPriced }).toEqual({ tenantId, notPriced: [] });
      expect(estimate.usdPerMonth).toBeGreaterThan(0);
      const own = new Set(PRICE_LISTS[region].map((p) => `${p.source} (${p.date}) at ${p.usd}`));
      for (const item of estimate.items) {
        // the item names its line's source and date, and its unit price is that line's, in this region
        expect(own).toContain(`${item.source.split(';')[0]} at ${item.unitPriceUsd}`);
      }
      expect(estimate.toTable()).toContain(`${region} list prices as of ${estimate.pricesAsOf}`);
      figures.push(`${region} ${tenantId}: ${estimate.usdPerMonth.toFixed(2)} (prices as of ${estimate.pricesAsOf})`);
    }
  });

  test('a region\'s own prices make its figure: the same tenant costs more where AWS charges more', () => {
    const acme = templates.get('acme')!;
    const cost = (region: string) => TenantCostEstimate.fromTemplateJson(acme, region).usdPerMonth;
    expect(cost('us-west-2')).toBeCloseTo(cost('us-east-1'), 6);
    for (const region of ['eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-2']) {
      expect({ region, more: cost(region) > cost('us-east-1') }).toEqual({ region, more: true });
    }
  });

  test('the date of an estimate is the oldest date among the prices it used', () => {
    const natInstance = {
      Resources: { Nat: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't4g.nano' } } },
    };
    // an instance uses the EC2 hour (2025-11-20) and the EBS gp3 rate (2024-07-18) in eu-west-1
    const estimate = TenantCostEstimate.fromTemplateJson(JSON.stringify(natInstance), 'eu-west-1');
    expect(estimate.pricesAsOf).toBe('2024-07-18');
    expect(estimate.usdPerMonth).toBeCloseTo(0.0046 * 730 + 8 * 0.088, 6);
    // a tenant without an instance does not use the EBS rate, so its prices are more recent
    expect(TenantCostEstimate.fromTemplateJson(templates.get('acme')!, 'eu-west-1').pricesAsOf > '2024-07-18').toBe(true);
  });

  test('a priced region has a sourced, dated line for every price the estimate uses', () => {
    for (const region of TenantCostEstimate.REGIONS) {
      const lines = TenantCostEstimate.priceTable(region).filter((l) => !l.assumption);
      expect(lines.map((l) => l.key).sort()).toEqual([...PRICE_KEYS].sort());
      for (const line of lines) {
        expect(line.source).toMatch(/^https:\/\/(aws\.amazon\.com\/\S+\/pricing\/|github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\/\S+)/);
        expect(line.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(line.value).toBeGreaterThan(0);
      }
    }
  });

  test('the stored prices are the values docs/cost.md cites from their sources', () => {
    const cited = citedPrices();
    expect(cited.length).toBeGreaterThanOrEqual(20);
    // every priced region has values cited in the docs
    expect(new Set(cited.map((c) => c.region))).toEqual(new Set(Object.keys(PRICE_LISTS)));
    for (const c of cited) {
      const line = PRICE_LISTS[c.region]?.find((l) => l.key === c.key);
      expect({ region: c.region, key: c.key, usd: line?.usd }).toEqual({ region: c.region, key: c.key, usd: c.usd });
      // a value cited from the line's own source carries the line's date
      if (line?.source === c.source) {
        expect({ region: c.region, key: c.key, date: line.date }).toEqual({ region: c.region, key: c.key, date: c.date });
      }
    }
  });

  test('throws when the region has no sourced prices, naming the priced regions', () => {
    expect(TenantCostEstimate.missingPrices('ap-south-2')).toEqual([...PRICE_KEYS]);
    expect(() => TenantCostEstimate.fromTemplateJson(templates.get('acme')!, 'ap-south-2'))
      .toThrow(`TenantCostEstimate: region 'ap-south-2' is not supported: no sourced prices for it (priced regions: ${TenantCostEstimate.REGIONS.join(', ')})`);
    expect(() => TenantCostEstimate.priceTable('sa-east-1')).toThrow("region 'sa-east-1' is not supported");
  });

  test('a region with only some sourced prices is refused, naming the lines it lacks', () => {
    const some: PriceLine[] = PRICE_LISTS['eu-west-1'].filter((l) => l.key === 'nat-gateway' || l.key === 'alb');
    const refusal = regionRefusal('eu-south-2', some, ['us-east-1']);
    expect(refusal).toBe(`region 'eu-south-2' is not supported: ${PRICE_KEYS.length - 2} of ${PRICE_KEYS.length} prices have no sourced value `
      + `(${PRICE_KEYS.filter((k) => k !== 'nat-gateway' && k !== 'alb').join(', ')}); sourced so far: nat-gateway, alb (priced regions: us-east-1)`);
    expect(regionRefusal('eu-west-1', PRICE_LISTS['eu-west-1'], ['eu-west-1'])).toBeUndefined();
    expect(TenantCostEstimate.missingPrices('eu-west-1')).toEqual([]);
  });
});
