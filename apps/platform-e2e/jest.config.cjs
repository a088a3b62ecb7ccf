module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  // Real processes, a real broker and database: generous, but each wait has its own bound.
  testTimeout: 180_000,
};
