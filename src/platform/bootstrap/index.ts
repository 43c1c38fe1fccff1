// The tenant-account bootstrap (replaces `cdk bootstrap --trust <platform account>`) and the per-account build role that it trusts.
export * from './tenant-account-bootstrap';
export * from './tenant-build-role';
