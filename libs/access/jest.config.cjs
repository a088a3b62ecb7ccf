module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
