/**
 * Jest snapshot serializer that replaces asset hashes with a stable placeholder, so that editing a
 * handler does not churn every template snapshot, while any other template change still fails.
 */
const ASSET_HASH = /[a-f0-9]{64}(\.zip|\.json)?/g;

function hasAssetHash(value: unknown): boolean {
  return typeof value === 'string' && /[a-f0-9]{64}/.test(value) && !value.startsWith('[ASSET]');
}

const serializer = {
  test: hasAssetHash,
  serialize(value: string): string {
    return JSON.stringify(value.replace(ASSET_HASH, (_m, ext?: string) => `[ASSET]${ext ?? ''}`));
  },
};

module.exports = serializer;
