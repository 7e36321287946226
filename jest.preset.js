const path = require('node:path');

/** Shared Jest settings: SWC with decorator metadata (NestJS, TypeORM, code-first GraphQL need it). */
module.exports = function jestConfig({ displayName, rootDir, testMatch, testTimeout, ...rest }) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    testMatch: testMatch ?? ['<rootDir>/src/**/*.spec.ts'],
    testTimeout: testTimeout ?? 30_000,
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleNameMapper: {
      '^@jianyan/shared$': path.join(__dirname, 'shared/src/index.ts'),
    },
    ...rest,
  };
};
