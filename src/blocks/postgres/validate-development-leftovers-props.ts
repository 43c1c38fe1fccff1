import { DevelopmentLeftoversProps } from './tenant-postgres-props';
import { PropsValidation } from '../../core';

/**
 * Checks the DevelopmentLeftovers props (a valid tenant id, the key of that tenant) and throws one
 * error listing every problem, before anything is created.
 */
export function validateDevelopmentLeftoversProps(props: DevelopmentLeftoversProps): void {
  const v = new PropsValidation('DevelopmentLeftovers', props.tenantId);
  v.tenantId('tenantId', props.tenantId);
  if (props.encryptionKey.tenantId !== props.tenantId) {
    v.add('encryptionKey', `belongs to tenant "${props.encryptionKey.tenantId}", not "${props.tenantId}"`, props.encryptionKey.tenantId);
  }
  v.throwIfInvalid();
}
