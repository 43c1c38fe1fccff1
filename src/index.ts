// cdk-tenant-blocks: single-tenant building blocks (blocks/), the platform side that runs them (platform/), the core both share, the tenant object and spec, and cost estimates.
export * from './core';
export * from './blocks';
export * from './platform';
export * from './tenant';
export * from './cost';
