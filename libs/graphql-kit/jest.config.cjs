module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'graphql-kit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
