import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The import boundaries of ARCHITECTURE.md, enforced:
 * - shared/ imports no electron, no node:*, no React: it runs everywhere;
 * - renderer/ imports no electron, no better-sqlite3, nothing from electron/;
 * - electron/core and electron/station import no electron: they run in plain Node.
 */
const bareBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];
const nodeBuiltins = ['node:*'];
const restrict = (patterns, builtinsMessage) => ({
  'no-restricted-imports': [
    'error',
    { patterns, ...(builtinsMessage ? { paths: bareBuiltins.map((name) => ({ name, message: builtinsMessage })) } : {}) },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'shared/ runs everywhere: no electron.' },
      { group: nodeBuiltins, message: 'shared/ runs in the browser too: no Node built-ins.' },
      { group: ['react', 'react-dom', 'react/*', '@mantine/*'], message: 'shared/ holds no UI.' },
      { group: ['better-sqlite3', '**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' },
    ], 'shared/ runs in the browser too: no Node built-ins.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        { group: ['electron', 'electron/*'], message: 'The renderer talks to the core only through the contract client.' },
        { group: ['better-sqlite3', 'node-thermal-printer'], message: 'The renderer never touches the database or the printer.' },
        { group: ['**/electron/**'], message: 'The renderer imports nothing from electron/.' },
        { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
      ], 'The renderer runs in a browser: no Node built-ins.'),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/station/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The core and the station run in plain Node: no electron import.' },
      { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The core depends on shared/ only.' },
    ]),
  },
);
