module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'config',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
