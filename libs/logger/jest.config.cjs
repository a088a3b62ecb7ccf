module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'logger',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
