import { TenantRuntime } from '../../src/function';
import { RUNTIME_NAMES } from '../../src/function/runtime-names';

test('the light runtime-name table (read by the spec validator in the provisioner API) is TenantRuntime.all()', () => {
  expect([...RUNTIME_NAMES]).toEqual(TenantRuntime.all().map((r) => r.name));
});
