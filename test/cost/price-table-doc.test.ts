/**
 * The price table in docs/cost.md is the package's price data, rendered: the document cannot drift
 * from what the estimate computes with.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderPriceTable } from './render-price-table';

test('docs/cost.md shows exactly the us-east-1 price table of the package', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cost.md'), 'utf8');
  expect(doc).toContain(renderPriceTable('us-east-1'));
});
