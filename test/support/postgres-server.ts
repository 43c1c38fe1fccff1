// The real-PostgreSQL server lives in src/dev (the developer loop runs the same server the tests do).
export * from '../../src/dev/postgres-server';
