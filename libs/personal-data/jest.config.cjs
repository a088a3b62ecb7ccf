module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'personal-data',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
