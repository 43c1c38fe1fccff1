import { TenantCostEstimate } from '../../src/cost';
import { PRICE_KEYS, PRICE_LISTS, REGIONAL_SOURCES } from '../../src/cost/price-list';

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
    const dates = lines.map((l) => l.date).sort();
    const status = missing.length === 0 ? 'priced' : `refused: ${missing.join(', ')} unsourced`;
    return `| ${region} | ${status} | ${lines.length} of ${PRICE_KEYS.length} | ${dates[0]} | ${dates[dates.length - 1]} |`;
  });
  return ['| region | status | sourced lines | oldest price date | newest price date |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The markdown table of every line's price in every region, USD per the line's unit. */
export function renderRegionalMatrix(): string {
  const regions = Object.keys(PRICE_LISTS);
  const rows = PRICE_KEYS.map((key) => {
    const unit = PRICE_LISTS['us-east-1'].find((l) => l.key === key)?.unit;
    const cells = regions.map((r) => String(PRICE_LISTS[r].find((l) => l.key === key)?.usd ?? '—'));
    return `| \`${key}\` | USD per ${unit} | ${cells.join(' | ')} |`;
  });
  return [`| line | unit | ${regions.join(' | ')} |`, `|---|---|${regions.map(() => '---').join('|')}|`, ...rows].join('\n');
}

/** The markdown table of where each line is read for the regions other than us-east-1. */
export function renderRegionalSources(): string {
  const rows = Object.entries(REGIONAL_SOURCES).map(([key, s]) =>
    `| \`${key}\` | ${s.rate} | [${s.source.replace(/^https:\/\/github\.com\/([^/]+\/[^/]+)\/blob\/([0-9a-f]{7})[0-9a-f]*\/(.+)$/, '$1 `$3` @$2')}](${s.source}) | ${s.date} |`);
  return ['| line | rate read | file | date |', '|---|---|---|---|', ...rows].join('\n');
}

// `npx ts-node --transpile-only -P tsconfig.dev.json test/cost/render-price-table.ts [region|regions|matrix|sources]` prints a table.
if (require.main === module) {
  const arg = process.argv[2] ?? 'us-east-1';
  const render: Record<string, () => string> = { regions: renderRegionTable, matrix: renderRegionalMatrix, sources: renderRegionalSources };
  console.log((render[arg] ?? (() => renderPriceTable(arg)))());
}
