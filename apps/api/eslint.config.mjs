import baseConfig from '../../eslint.config.mjs';

const rawScope =
  'set_config changes the role or tenant of a transaction: call applyScope() or inTenant() from db/transaction.ts';

export default [
  ...baseConfig,
  {
    // One helper switches who a transaction acts for; a hand-written set_config elsewhere could
    // leave a transaction in the wrong tenant or role.
    files: ['**/*.ts'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/set_config/i]', message: rawScope },
        { selector: 'TemplateElement[value.raw=/set_config/i]', message: rawScope },
      ],
    },
  },
];
