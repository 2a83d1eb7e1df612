import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'bench/results.json', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The live page's scripts run in the browser as they are (no build step).
    files: ['src/serve/public/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(['document', 'location', 'history', 'fetch', 'EventSource', 'URLSearchParams', 'Node', 'Option', 'setTimeout', 'Chart'].map((g) => [g, 'readonly'])),
    },
  },
);
