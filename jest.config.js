// Native ES modules under Jest (run with --experimental-vm-modules): @xenova/transformers
// is ESM-only and reads import.meta, so transpiling it to CommonJS is not an option.
/** @type {import('jest').Config} */
export default {
  testEnvironment: '<rootDir>/test/support/nodeEnvironment.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Generous: CI shares two cores, and the suites that import a catalog take seconds when idle.
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/test/support/plainSummaryReporter.cjs'],
};
