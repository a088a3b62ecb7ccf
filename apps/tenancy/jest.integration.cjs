module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'tenancy:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
  testTimeout: 120_000,
};
