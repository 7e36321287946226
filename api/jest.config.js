module.exports = require('../jest.preset')({
  displayName: process.env.TEST_DATABASE === 'postgres' ? 'api (postgres)' : 'api (sqlite)',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/src/test-support/environment.ts'],
  testTimeout: 60_000,
});
