import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// Import boundaries of docs/ARCHITECTURE.md: shared imports nothing of ours and no platform; only the
// Electron shell imports electron; preload imports only the contract channels; renderer only shared.
const ELECTRON = { name: 'electron', message: 'Only src/main/shell/** and src/main/index.ts may import electron.' }
const NATIVE = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'usb']
const SQLITE = { name: 'better-sqlite3', message: 'Only src/main/store/** imports better-sqlite3: SQL lives in repositories (take the Db type from store/sql).' }
const MAIN_PATTERNS = [{ group: ['**/renderer/**', '**/preload/**'], message: 'main imports only shared and node.' }]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.electron-native/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' } // TypeScript checks names; no-undef does not know TS types
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.mjs'],
    languageOptions: { globals: globals.node }
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-restricted-imports': ['error', { paths: [ELECTRON] }]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON, { name: 'react', message: 'src/shared is pure TypeScript.' }],
          patterns: [
            { group: ['node:*'], message: 'src/shared runs in the renderer too: no node: imports.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing of ours outside src/shared.' },
            { group: NATIVE, message: 'src/shared is pure TypeScript.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/shell/**/*.ts', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] }] }
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON, SQLITE], patterns: MAIN_PATTERNS }] }
  },
  {
    files: ['src/main/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: MAIN_PATTERNS }] }
  },
  {
    files: ['src/main/**/*sim*.ts', 'src/main/**/emulator*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [{ group: NATIVE, message: 'A simulator imports no native module.' }] }]
    }
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The upstream server imports only src/shared (and node:, npm packages).' },
            { group: NATIVE, message: 'The upstream server has no devices and no SQLite.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../shared/*', '!../shared/contract-channels'], message: 'The preload imports only the contract channels.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only the contract channels.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared.' },
            { group: NATIVE, message: 'The renderer reaches devices only through the contract.' }
          ]
        }
      ]
    }
  }
)
