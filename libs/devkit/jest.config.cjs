module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'devkit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
