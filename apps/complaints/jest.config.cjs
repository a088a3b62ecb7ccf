module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'complaints',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
