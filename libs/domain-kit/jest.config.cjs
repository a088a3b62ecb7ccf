module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'domain-kit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
