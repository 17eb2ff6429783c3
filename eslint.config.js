// Lint, and the layer rules that keep the architecture honest (STYLE.md habit 2):
// shared/ imports nothing from electron/ or renderer/ and no Node built-ins; renderer/ never imports
// Node built-ins, 'electron' or electron/; electron/services/ never imports 'electron'.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]
const noElectron = { name: 'electron', message: 'Only the thin files at the top of electron/ may import electron.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node built-ins.' }))],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: go through bridge.ts.' }))],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer talks to the main process only through bridge.ts.' }],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/core/**/*.ts', 'electron/platform/**/*.ts', 'electron/web.ts', 'electron/web-main.ts', 'electron/tour-cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'electron-store', message: 'electron-store needs Electron: take an OpenStore port instead.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The main process never imports the renderer.' }],
        },
      ],
    },
  },
  {
    // Config files and Playwright's global setup must export a default.
    files: ['*.config.{ts,js}', 'eslint.config.js', 'tests/e2e/support/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Plain Node scripts: Node's globals.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
