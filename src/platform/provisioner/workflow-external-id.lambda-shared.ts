/**
 * Where a build finds its tenant's link external id: an SSM SecureString parameter, encrypted with
 * the provisioner key, written by the workflow just before the build and named in the build's
 * environment (`PARAMETER_STORE`), so the id is never a plaintext value of StartBuild, of the build's
 * record, of the workflow's state or of its history.
 */
/* eslint-disable import/no-extraneous-dependencies */
import { DeleteParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/** Keeps the external id parameters. */
export interface ExternalIdStore {
  /** Writes (or overwrites) the parameter `name` with `value`. */
  put(name: string, value: string): Promise<void>;
  /** Deletes the parameter `name`; a missing parameter is not an error. */
  delete(name: string): Promise<void>;
}

/** The store on AWS: SecureString parameters encrypted with `keyId` (the provisioner key). */
export function ssmExternalIdStore(client: SSMClient, keyId: string | undefined): ExternalIdStore {
  return {
    async put(name, value) {
      await client.send(new PutParameterCommand({
        Name: name,
        Value: value,
        Type: 'SecureString',
        ...(keyId ? { KeyId: keyId } : {}),
        Overwrite: true,
        Tier: 'Standard',
        Description: 'cdk-tenant-blocks provisioner: the link external id of one tenant, read by its build',
      }));
    },
    async delete(name) {
      try {
        await client.send(new DeleteParameterCommand({ Name: name }));
      } catch (e) {
        if (e instanceof ParameterNotFound || (e as Error)?.name === 'ParameterNotFound') return;
        throw e;
      }
    },
  };
}

/** A store in memory: the tests and the local simulation (where CodeBuild is simulated too). */
export function memoryExternalIdStore(values: Map<string, string> = new Map()): ExternalIdStore & { readonly values: Map<string, string> } {
  return {
    values,
    async put(name, value) {
      values.set(name, value);
    },
    async delete(name) {
      values.delete(name);
    },
  };
}
