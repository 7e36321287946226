/**
 * Runs before each API test file's imports. Entity column types depend on the dialect
 * (see database/columns.ts), so DATABASE_URL must be in the environment before any entity loads.
 */
if (process.env.TEST_DATABASE === 'postgres') {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres)');
  }
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
}
