// Shared Jest settings: SWC for speed (type checking is the `typecheck` target's job),
// workspace path aliases from tsconfig.base.json, and .graphql files loaded as text
// exactly as the esbuild bundle loads them.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    '^.+\\.graphql$': path.join(__dirname, 'tools/jest/graphql-text-transform.cjs'),
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
  moduleNameMapper,
};
