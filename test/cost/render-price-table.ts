import { TenantCostEstimate } from '../../src/cost';
import { PRICE_KEYS, PRICE_LISTS } from '../../src/cost/price-list';

/** The markdown table of a region's prices, as docs/cost.md shows it. */
export function renderPriceTable(region: string): string {
  const rows = TenantCostEstimate.priceTable(region).map((l) =>
    `| \`${l.key}\` | ${l.value} | ${l.unit} | ${l.assumption ? 'assumption' : 'list price'} | ${l.note} | [${l.date}](${l.source}) |`);
  return ['| line | value | unit | kind | covers | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The markdown table of every region the price data knows: priced, or refused with what it lacks. */
export function renderRegionTable(): string {
  const rows = Object.entries(PRICE_LISTS).map(([region, lines]) => {
    const missing = TenantCostEstimate.missingPrices(region);
    const asOf = lines.map((l) => l.date).sort()[0];
    const status = missing.length === 0 ? 'priced' : `refused: ${missing.length} lines unsourced`;
    const sourced = missing.length === 0 ? 'all' : lines.map((l) => `\`${l.key}\``).join(', ');
    return `| ${region} | ${status} | ${lines.length} of ${PRICE_KEYS.length} (${sourced}) | ${asOf} |`;
  });
  return ['| region | status | sourced lines | oldest price date |', '|---|---|---|---|', ...rows].join('\n');
}

/** The markdown table of the lines sourced for regions that are not priced yet. */
export function renderPartialLines(): string {
  const rows = Object.entries(PRICE_LISTS)
    .filter(([region]) => !TenantCostEstimate.REGIONS.includes(region))
    .flatMap(([region, lines]) => lines.map((l) => `| ${region} | \`${l.key}\` | ${l.usd} | USD per ${l.unit} | ${l.note ?? ''} | [${l.date}](${l.source}) |`));
  return ['| region | line | value | unit | covers | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

// `npx ts-node --transpile-only -P tsconfig.dev.json test/cost/render-price-table.ts [region|regions|partial]` prints a table.
if (require.main === module) {
  const arg = process.argv[2] ?? 'us-east-1';
  console.log(arg === 'regions' ? renderRegionTable() : arg === 'partial' ? renderPartialLines() : renderPriceTable(arg));
}
