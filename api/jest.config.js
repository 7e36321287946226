module.exports = require('../jest.preset')({
  displayName: process.env.TEST_DATABASE === 'postgres' ? 'api (postgres)' : 'api (sqlite)',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/src/test-support/environment.ts'],
  testTimeout: 60_000,
  // the Meilisearch contract runs only against a real server
  testPathIgnorePatterns: process.env.MEILI_HOST ? ['/node_modules/'] : ['/node_modules/', 'meilisearch-search\\.spec\\.ts$'],
  transformIgnorePatterns: ['/node_modules/(?!meilisearch/)'],
});
