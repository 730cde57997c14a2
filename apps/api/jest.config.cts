module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // ESM-only packages that jest must compile.
  transformIgnorePatterns: ['node_modules/(?!(serialize-error|non-error|temporal-spec)/)'],
  // @fastify/static's copy is ESM-only, which jest cannot require; the CommonJS
  // release at the top level has the same API.
  moduleNameMapper: { '^content-disposition$': '<rootDir>/../../node_modules/content-disposition' },
  moduleFileExtensions: ['ts', 'js', 'html', 'json'],
  coverageDirectory: '../../coverage/apps/api',
  // Integration tests start the whole API on a fresh database.
  testTimeout: 60_000,
  // Each test file has its own database, SMTP and S3 servers, so files run side by side; most
  // of a file's time is starting the app, which two workers overlap on two cores.
  maxWorkers: 2,
};
