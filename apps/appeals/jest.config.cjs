module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'appeals',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
