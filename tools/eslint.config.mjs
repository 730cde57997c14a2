import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The load generator and the benchmarks drive the API from the inside: they open its
    // databases, provision tenants and send EventsService's own statement, so they import
    // apps/api by path.
    files: ['**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
