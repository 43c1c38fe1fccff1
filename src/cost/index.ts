// TenantCostEstimate: what a tenant costs idle, priced per block from dated public price data.
export * from './tenant-cost-estimate';
