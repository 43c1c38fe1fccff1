// TenantFunction: the tenant's app code in Lambda behind a private ALB, its code and runtime choices.
export * from './tenant-function';
export * from './tenant-function-props';
export * from './tenant-function-code';
export * from './tenant-runtime';
