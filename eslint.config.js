import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** core/ is the pure domain: it runs in the browser and in the server alike. */
const impureModules = [
  'node:*', 'fs', 'path', 'os', 'crypto', 'zlib', 'http', 'https', 'net', 'child_process', 'stream',
  'better-sqlite3', 'pg', 'drizzle-orm', 'drizzle-orm/*', 'express', 'socket.io', 'axios', 'cheerio',
  'react', 'react-dom', '@parallele/charts', '@parallele/server', '@parallele/client', '@parallele/scrapers', '@parallele/scenarios',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'server/dist-test-*/**', 'server/drizzle/**', 'coverage/**', 'scenarios/out/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@parallele/*/*'], message: 'Import a workspace by its entry point, never a deep path.' },
      ] }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: impureModules, message: 'core/ is pure: no node:*, DB, network or UI imports.' },
        { group: ['@parallele/*/*'], message: 'Import a workspace by its entry point, never a deep path.' },
      ] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'fetch'],
    },
  },
);
