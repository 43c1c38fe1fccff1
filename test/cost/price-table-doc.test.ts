/**
 * The price tables in docs/cost.md are the package's price data, rendered: the document cannot
 * drift from what the estimate computes with.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderPriceTable, renderRegionalMatrix, renderRegionalSources, renderRegionTable } from './render-price-table';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cost.md'), 'utf8');

test('docs/cost.md shows exactly the us-east-1 price table of the package', () => {
  expect(DOC).toContain(renderPriceTable('us-east-1'));
});

test('docs/cost.md shows exactly the regions, every regional price and where each is read', () => {
  expect(DOC).toContain(renderRegionTable());
  expect(DOC).toContain(renderRegionalMatrix());
  expect(DOC).toContain(renderRegionalSources());
});
