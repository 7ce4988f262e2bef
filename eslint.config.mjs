// One lint configuration for the whole repository (`npm run lint`, zero warnings in CI).
// Rules need no type information: type-aware rules (no-floating-promises…) would make every
// run build a TypeScript program per workspace, too slow for the 2-core CI; tsc covers types.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './apps/web/svelte.config.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      '**/.svelte-kit/',
      '**/coverage/',
      'data/',
      'test-results/',
      'apps/web/src/lib/graphql/graphql-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (positional callbacks, omitted keys).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
      // `try { … } catch {}`: best-effort clean-up, deliberately silent.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Nest modules are classes with only decorators; empty constructors inject by parameter properties.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,js,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
    rules: {
      // `let { a, b } = $props()` is Svelte's own idiom: svelte/prefer-const knows the runes.
      'prefer-const': 'off',
      'svelte/prefer-const': ['error', { destructuring: 'all' }],
      // The app has no base path: plain absolute hrefs and goto('/…') are what resolve() would return.
      'svelte/no-navigation-without-resolve': 'off',
      // Flags Map/URLSearchParams that are local to a function or a $derived (never reactive state).
      'svelte/prefer-svelte-reactivity': 'off',
      // Suggests $derived for $state set from an $effect, which is used on purpose (mount-time flags, one-time defaults).
      'svelte/prefer-writable-derived': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts', 'test/**', 'apps/api/test/**'],
    languageOptions: { globals: { ...globals.jest } },
    // Tests read loosely typed GraphQL answers.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS configuration files.
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
