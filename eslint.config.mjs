import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Files of the domain layer: plain TypeScript, no framework, no infrastructure (STYLE.md habit 3). */
const DOMAIN_FILES = ['apps/*/src/**/domain/**/*.ts', 'libs/contracts/src/**/*.ts', 'libs/domain-kit/src/**/*.ts'];
const INFRASTRUCTURE = ['typeorm', 'pg', 'kafkajs', 'graphql', 'graphql-tag', '@apollo/*', 'dataloader', '@redress/database', '@redress/events', '@redress/graphql-kit', '@redress/service-kit', '@redress/devkit'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.redress', '**/coverage', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // An app never imports another app; apps and libraries build on libraries only.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:tooling'] },
            // The platform script, composition and benchmarks drive the tooling like the e2e suite does.
            { sourceTag: 'type:scripts', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:tooling'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions mark facts the code just established (a row returned by RETURNING, a map filled above).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Integration specs of an app may use the test harness (devkit); the app's own code may not.
    files: ['apps/*/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:tooling'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:tooling'] },
            { sourceTag: 'type:scripts', onlyDependOnLibsWithTags: ['type:lib', 'type:domain', 'type:tooling'] },
          ],
        },
      ],
    },
  },
  {
    files: DOMAIN_FILES,
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: INFRASTRUCTURE, message: 'Domain code stays framework-free: move this to infrastructure/ or an adapter.' }] },
      ],
    },
  },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
];
