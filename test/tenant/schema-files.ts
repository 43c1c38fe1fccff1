/**
 * Writes the JSON Schema files of tenant specs from their source (src/tenant/tenant-spec-schema.ts).
 * test/tenant/tenant-spec-schema.test.ts fails when a committed file differs from the source.
 *
 *   TS_NODE_PROJECT=tsconfig.dev.json npx ts-node --transpile-only test/tenant/schema-files.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { TenantSpecSchema } from '../../src/tenant/tenant-spec-schema';

/** The committed schema files and their content. */
export function schemaFiles(): Record<string, string> {
  return {
    'tenant-spec.schema.json': JSON.stringify(TenantSpecSchema.json(), null, 2) + '\n',
    'tenant-spec.tenant.schema.json': JSON.stringify(TenantSpecSchema.tenantJson(), null, 2) + '\n',
  };
}

if (require.main === module) {
  for (const [name, text] of Object.entries(schemaFiles())) {
    fs.writeFileSync(path.join(__dirname, '..', '..', 'schema', name), text);
    console.log(`wrote schema/${name}`);
  }
}
