/** What `import ... from 'cdk-tenant-blocks'` gives the docs' snippets (the package's index plus the tenant barrel). */
export * from '../../src';
export * from '../../src/tenant';
