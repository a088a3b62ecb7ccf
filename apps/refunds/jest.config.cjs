module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'refunds',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
