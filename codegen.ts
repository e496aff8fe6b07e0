import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: the committed SDL + operations -> typed documents, two outputs:
 *
 *   web/src/graphql/gql/         the web app's own operations (web/src, web/app)
 *   schema/client/generated/     the example operations for integrators (schema/operations), the typed
 *                                client other teams import through schema/client/index.ts
 *
 * Each output names its own documents (root-level documents would be merged into both), so the two
 * sets of operation names never meet.
 *
 *   npm run codegen                                  (emit the SDL from the API, then this)
 *   npx graphql-codegen --config codegen.ts          (this part alone)
 *   npx graphql-codegen --config codegen.ts --check  (drift check in CI, both outputs)
 *
 * Both outputs are committed and never edited by hand.
 */
const scalars = {
  DateTime: 'string',
  Date: 'string',
  // Small JSON objects (an audit event's details).
  JSONObject: '{ [key: string]: unknown }',
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  // Tolerate globs that match nothing.
  ignoreNoDocuments: true,
  generates: {
    'web/src/graphql/gql/': {
      documents: ['web/src/**/*.{ts,tsx}', 'web/app/**/*.{ts,tsx}', '!web/src/graphql/gql/**', '!web/**/*.test.{ts,tsx}'],
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
          ...scalars,
          FilterTree: 'FilterGroupInput',
        },
        // Scalars not mapped above arrive as `unknown`, not a silent `any`.
        defaultScalarType: 'unknown',
      },
    },
    'schema/client/generated/': {
      documents: ['schema/operations/**/*.graphql'],
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
        // Plain result types (fragments spread in place), no useFragment / unmasking step for consumers.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        enumsAsTypes: true,
        scalars: {
          ...scalars,
          // A stored filter tree is JSON in the shape of FilterGroupInput; that input type is generated
          // into the same file because the operations use it in variables.
          FilterTree: 'FilterGroupInput',
        },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
