// CrossAccountLink: the one door from the platform account into a tenant account (assume-role, read-only data, invoke), and its containment check.
export * from './cross-account-link';
export * from './cross-account-link-props';
