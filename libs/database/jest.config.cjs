module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'database',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
