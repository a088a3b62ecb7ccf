module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'mediation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/__tests__/**/*.spec.ts'],
};
