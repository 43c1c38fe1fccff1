/**
 * Issue 24 §4: the estimate prices the regions platforms run in, from sourced, dated price data,
 * and refuses a region until every one of its prices is sourced (a price is never borrowed from
 * another region). Which regions are priced, and what was searched for the others: docs/cost.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { offlineContext, readPlatformFile } from '../../examples/platform/config';
import { buildTenantApp } from '../../examples/platform/platform';
import { TenantCostEstimate } from '../../src/cost';
import { PRICE_KEYS, PRICE_LISTS } from '../../src/cost/price-list';

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
  beforeAll(() => {
    templates = new Map(['acme', 'initech-dev'].map((id) => [id, exampleTemplate(id)]));
  }, 300_000);

  test.each(TenantCostEstimate.REGIONS)('%s prices the example tenants completely, with the date of its prices', (region) => {
    for (const [tenantId, template] of templates) {
      const estimate = TenantCostEstimate.fromTemplateJson(template, region);
      expect({ tenantId, notPriced: estimate.notPriced }).toEqual({ tenantId, notPriced: [] });
      expect(estimate.usdPerMonth).toBeGreaterThan(0);
      expect(estimate.toTable()).toContain(`${region} list prices as of ${estimate.pricesAsOf}`);
    }
  });

  test('a priced region has a sourced, dated line for every price the estimate uses', () => {
    expect(TenantCostEstimate.REGIONS).toContain('us-east-1');
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

  test('every sourced line, in every region, carries a source and a date', () => {
    for (const [region, lines] of Object.entries(PRICE_LISTS)) {
      for (const line of lines) {
        expect({ region, key: line.key, source: line.source }).toEqual({ region, key: line.key, source: expect.stringMatching(/^https:\/\//) });
        expect(line.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(PRICE_KEYS).toContain(line.key);
      }
    }
  });

  test('the stored prices are the values docs/cost.md cites from their sources', () => {
    const cited = citedPrices();
    expect(cited.length).toBeGreaterThanOrEqual(8);
    // every region with any sourced price has at least one value cited in the docs
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

  test('throws when a region has only some sourced prices, naming the lines it lacks', () => {
    const missing = TenantCostEstimate.missingPrices('eu-west-1');
    expect(missing).toHaveLength(PRICE_KEYS.length - 1);
    expect(missing).not.toContain('nat-gateway');
    expect(missing).toContain('aurora-serverless-v2-acu');
    expect(() => TenantCostEstimate.fromTemplateJson(templates.get('acme')!, 'eu-west-1'))
      .toThrow(`TenantCostEstimate: region 'eu-west-1' is not supported: ${PRICE_KEYS.length - 1} of ${PRICE_KEYS.length} prices have no sourced value (public-ipv4, `);
    expect(() => TenantCostEstimate.fromTemplateJson(templates.get('acme')!, 'eu-west-1'))
      .toThrow('; sourced so far: nat-gateway (priced regions: us-east-1)');
  });

  test.each(PLATFORM_REGIONS.filter((r) => !TenantCostEstimate.REGIONS.includes(r)))(
    'throws when asked for %s, a platform region whose prices are not all sourced yet', (region) => {
      expect(TenantCostEstimate.missingPrices(region).length).toBeGreaterThan(0);
      expect(() => TenantCostEstimate.fromTemplateJson(templates.get('initech-dev')!, region)).toThrow(`region '${region}' is not supported`);
      expect(() => TenantCostEstimate.priceTable(region)).toThrow(`region '${region}' is not supported`);
    });

  test('a region nobody has sourced lacks every line', () => {
    expect(TenantCostEstimate.missingPrices('ap-south-2')).toEqual([...PRICE_KEYS]);
    expect(TenantCostEstimate.missingPrices('us-east-1')).toEqual([]);
  });
});
