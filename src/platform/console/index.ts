// TenantConsole: the customers' web console (settings from the spec's schema, history, logs, health) and the platform operators' fleet view.
export * from './tenant-console';
