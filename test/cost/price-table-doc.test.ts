/**
 * The price tables in docs/cost.md are the package's price data, rendered: the document cannot
 * drift from what the estimate computes with.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderPartialLines, renderPriceTable, renderRegionTable } from './render-price-table';
import { TenantCostEstimate } from '../../src/cost';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cost.md'), 'utf8');

test.each(TenantCostEstimate.REGIONS)('docs/cost.md shows exactly the %s price table of the package', (region) => {
  expect(DOC).toContain(renderPriceTable(region));
});

test('docs/cost.md shows exactly which regions are priced and what each other region has sourced', () => {
  expect(DOC).toContain(renderRegionTable());
  expect(DOC).toContain(renderPartialLines());
});
