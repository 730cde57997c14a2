import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // node:test's describe() and it() return a promise, but the runner awaits every test and
      // reports its failure itself; inside a suite the promise resolves at once. Only these calls
      // of node:test are exempt, every other promise must still be awaited.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
];
