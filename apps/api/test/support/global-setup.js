// Starts one embedded PostgreSQL for the whole run, unless DATABASE_URL names a server to use.
// Each test file then creates its own database in it (see harness.ts).
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async () => {
  if (process.env.DATABASE_URL) {
    process.env.RAPPORT_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const { startEmbeddedPostgres } = require('../../dist/database/embedded.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const quiet = { debug() {}, warn() {} };
  const database = await startEmbeddedPostgres(dataDir, quiet, 'postgres');
  process.env.RAPPORT_TEST_ADMIN_URL = database.url;
  globalThis.__RAPPORT_TEST_DB__ = database;
};
