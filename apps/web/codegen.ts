import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The API's generated, committed schema (turbo reruns codegen when it changes).
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: { DateTime: 'string' },
        strictScalars: true,
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
