import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: the committed SDL + the web app's operations -> typed documents.
 *
 *   npm run codegen                                  (emit the SDL from the API, then this)
 *   npx graphql-codegen --config codegen.ts          (this part alone)
 *   npx graphql-codegen --config codegen.ts --check  (drift check in CI)
 *
 * The output in web/src/graphql/gql/ is committed and never edited by hand.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: [
    'web/src/**/*.{ts,tsx}',
    'web/app/**/*.{ts,tsx}',
    // Example operations for integrators; compiled here so they stay valid against the schema.
    'schema/operations/**/*.graphql',
    '!web/src/graphql/gql/**',
    '!web/**/*.test.{ts,tsx}',
  ],
  // Tolerate globs that match nothing (e.g. before schema/operations/ exists).
  ignoreNoDocuments: true,
  generates: {
    'web/src/graphql/gql/': {
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
      },
      config: {
        useTypeImports: true,
        // Enums as string-literal unions (what `enumsAsTypes: true` did before the client preset 5+).
        enumType: 'string-literal',
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          Date: 'string',
          // FilterTree: 'FilterGroupInput', // when the segment filter scalar arrives
        },
        // Scalars not mapped above arrive as `unknown`, not a silent `any`.
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
