/**
 * Loads the optional peer dependencies of the compliance gate on first use, so that importing
 * `cdk-tenant-blocks/compliance` (or the library itself) never requires them.
 *
 * Internal: not exported from the entry point.
 */

/** The optional peer dependencies, with the versions the gate is tested with. */
export const OPTIONAL_PEERS: Record<string, string> = {
  'cdk-nag': '^3.0.2',
  '@cdklabs/cdk-validator-cfnguard': '^0.0.62',
};

/**
 * `require(name)`, or an Error that names the package and the command to install it.
 *
 * @param name package name, one of {@link OPTIONAL_PEERS}
 * @param feature what needs it, for the message (e.g. `the cdk-nag packs`)
 * @param load the `require` call itself (a literal `require('...')`, so bundlers and jest see it)
 */
export function loadOptional<T>(name: string, feature: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // Only the package itself missing gets the install hint; a broken install (a missing
    // transitive dependency, a syntax error) keeps its own error.
    if (e?.code === 'MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(`'${name}'`)) {
      const range = OPTIONAL_PEERS[name] ?? 'latest';
      throw new Error(
        `cdk-tenant-blocks/compliance: ${feature} need(s) the optional peer dependency '${name}', which is not installed. `
        + `Install it next to cdk-tenant-blocks: npm install --save-dev '${name}@${range}'`,
      );
    }
    throw error;
  }
}
