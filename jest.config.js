/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Many suites wait on child processes (etcd, promtool, npm, tsx); two workers keep both cores busy.
  maxWorkers: 2,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: { '^cdk8s-production$': '<rootDir>/lib/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
