import { TenantRuntime } from '../../../src/blocks/function';
import { RUNTIME_NAMES } from '../../../src/blocks/function/runtime-names';

test('the light runtime-name table (read by the spec validator in the provisioner API) is TenantRuntime.all()', () => {
  expect([...RUNTIME_NAMES]).toEqual(TenantRuntime.all().map((r) => r.name));
});
