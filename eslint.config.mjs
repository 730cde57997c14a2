import nx from '@nx/eslint-plugin';

/**
 * The arrows point one way: apps may use shared libraries; shared libraries import nothing of the
 * apps; contracts and domain stay framework-free so the browser bundle stays small. Exported so a
 * project (tools) can add its own narrow allowances without restating the constraints.
 */
export const moduleBoundaries = {
  enforceBuildableLibDependency: true,
  allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
  depConstraints: [
    {
      sourceTag: 'scope:api',
      onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
    },
    {
      sourceTag: 'scope:web',
      onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
    },
    {
      sourceTag: 'scope:shared',
      onlyDependOnLibsWithTags: ['scope:shared'],
    },
    {
      // tools reaches apps/api only through the modules its own config allows by path.
      sourceTag: 'scope:tools',
      onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'],
    },
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: ['type:contracts'],
    },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
    },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.data', '**/test-results'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection, or a
    // transaction that commits before the work is done). projectService finds each file's own
    // tsconfig (through the solution-style tsconfig.json of each project), so every project is
    // checked with the compiler options it is built with.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tests read parsed JSON bodies freely; production code may not.
    files: ['**/*.spec.ts', '**/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
