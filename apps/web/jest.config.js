/** @type {import('jest').Config} */
const config = {
  testEnvironment: '<rootDir>/test/jest.environment.cjs',
  // The app's tests, and those of the build's own Vite plugins (vite-*.ts beside this file).
  roots: ['<rootDir>/src', '<rootDir>'],
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/vite-*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/jest.setup.ts'],
  transform: {
    '^.+\\.m?[tj]sx?$': '<rootDir>/test/jest.transform.cjs',
  },
  // react-router (and its @remix-run helpers) ship ESM only: compile them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(react-router|@remix-run|cookie-es|set-cookie-parser)/)'],
  moduleNameMapper: {
    '^@rapport/(domain|ui)$': '<rootDir>/../../packages/$1/src/index.ts',
    '^@rapport/domain/(.*)$': '<rootDir>/../../packages/domain/src/$1.ts',
    '^~/(.*)$': '<rootDir>/src/$1',
    '\\.css$': 'identity-obj-proxy',
  },
};

export default config;
