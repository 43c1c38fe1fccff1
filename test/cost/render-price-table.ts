import { TenantCostEstimate } from '../../src/cost';

/** The markdown table of a region's prices, as docs/cost.md shows it. */
export function renderPriceTable(region: string): string {
  const rows = TenantCostEstimate.priceTable(region).map((l) =>
    `| \`${l.key}\` | ${l.value} | ${l.unit} | ${l.assumption ? 'assumption' : 'list price'} | ${l.note} | [${l.date}](${l.source}) |`);
  return ['| line | value | unit | kind | covers | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

// `npx ts-node --transpile-only -P tsconfig.dev.json test/cost/render-price-table.ts` prints the table.
if (require.main === module) console.log(renderPriceTable(process.argv[2] ?? 'us-east-1'));
