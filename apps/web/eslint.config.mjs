import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'cv',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'cv',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // Code a page uses from a big module lands in the chunk every page loads (the bundler splits
    // by module, docs/performance.md): Angular's formatting pipes and httpResource put some 7 kB
    // on every first load. The app writes dates and counts with shared/local-format.ts and reads
    // with HttpClient (documents/fetched.ts draws a GET in signals).
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@angular/common',
              importNames: [
                'DatePipe',
                'DecimalPipe',
                'PercentPipe',
                'CurrencyPipe',
                'formatDate',
                'formatNumber',
                'formatPercent',
                'formatCurrency',
              ],
              message: 'Use shared/local-format.ts: Angular’s would ride on every first load.',
            },
            {
              name: '@angular/common/http',
              importNames: ['httpResource'],
              message: 'Use HttpClient: httpResource would ride on every first load.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // Accessibility is part of the job: catch what a linter can see.
    rules: {
      '@angular-eslint/template/alt-text': 'error',
      '@angular-eslint/template/click-events-have-key-events': 'error',
      '@angular-eslint/template/elements-content': 'error',
      '@angular-eslint/template/interactive-supports-focus': 'error',
      '@angular-eslint/template/label-has-associated-control': 'error',
      '@angular-eslint/template/mouse-events-have-key-events': 'error',
      '@angular-eslint/template/no-autofocus': 'error',
      '@angular-eslint/template/no-distracting-elements': 'error',
      '@angular-eslint/template/role-has-required-aria': 'error',
      '@angular-eslint/template/table-scope': 'error',
      '@angular-eslint/template/valid-aria': 'error',
    },
  },
];
