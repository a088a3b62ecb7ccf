module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'events',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
