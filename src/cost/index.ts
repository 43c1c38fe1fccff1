export * from './tenant-cost-estimate';
