// Lint, and the layer rules that keep the architecture honest (STYLE.md habit 2, in the spirit of
// VS Code's layering rule):
// - shared/ imports nothing from electron/ or renderer/ and no Node built-ins;
// - renderer/ never imports Node built-ins, 'electron' or electron/; its stores never import views;
// - electron/services/ never imports 'electron', the renderer or electron/core/ (the composition root
//   and the dispatcher sit above the services, never below);
// - a service domain reaches another only through that domain's public index (services/<domain>/
//   index.ts; the git layer's is git-layer.ts, as git has an index of its own), and so does everything
//   above the services. fs/ (atomic writes) is the one utility any domain may use directly;
// - only the git layer (electron/services/git/) imports isomorphic-git: every other file asks the layer,
//   so git is read and written one way and its errors are mapped in one place.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]
const noElectron = { name: 'electron', message: 'Only the thin files at the top of electron/ may import electron.' }
const DOMAINS = ['ai', 'calendar', 'change', 'git', 'journal', 'log', 'repos', 'secrets', 'sessions', 'settings', 'system']

const noRenderer = { group: ['**/renderer/**'], message: 'The main process never imports the renderer.' }
const noIsomorphicGit = {
  group: ['isomorphic-git', 'isomorphic-git/*'],
  message: "Only the git layer uses isomorphic-git: import the operation from 'services/git/git-layer.ts' (or add one there).",
}
const mainProcessPaths = [noElectron, { name: 'electron-store', message: 'electron-store needs Electron: take an OpenStore port instead.' }]

/** A domain's public index: its index.ts, the git layer's git-layer.ts (and the narrow door for the scan's history worker). */
const PUBLIC_DOOR = 'index\\.ts$|(?<=git/)(git-layer|history-reads)\\.ts$'

/** From above the services: a domain's files other than its index. */
const domainThroughIndex = {
  regex: `(^|/)services/(${DOMAINS.join('|')})/(?!${PUBLIC_DOOR})`,
  message: "Import a domain through its public index: 'services/<domain>/index.ts'.",
}

/**
 * Imports of another domain's files other than its index, seen from a file `depth` folders below the
 * root of `domain` (so `../git/` from repos/scan/ is repos' own git folder, not the git domain).
 */
function otherDomainInternals(domain, depth) {
  const others = DOMAINS.filter((name) => name !== domain).join('|')
  return {
    regex: `^(\\.\\./){${depth + 1},}(${others})/(?!${PUBLIC_DOOR})`,
    message: `A domain reaches another only through its public index: import from '../<domain>/index.ts'.`,
  }
}

const DEPTHS = [0, 1, 2, 3, 4]

const serviceDomainRules = DOMAINS.flatMap((domain) =>
  DEPTHS.map((depth) => ({
    files: [`electron/services/${domain}/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: mainProcessPaths,
          patterns: [
            noRenderer,
            { regex: '(^|/)core/', message: 'Services never import electron/core/: the composition root builds them and passes ports in.' },
            otherDomainInternals(domain, depth),
            ...(domain === 'git' ? [] : [noIsomorphicGit]),
          ],
        },
      ],
    },
  })),
)

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
      // Prettier (npm run format) lays the code out at 140 columns; what it cannot break (a long
      // string, template, regular expression or URL) is the only thing allowed past it.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node built-ins.' }))],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
            noIsomorphicGit,
          ],
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
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer talks to the main process only through bridge.ts.' },
            noIsomorphicGit,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: go through bridge.ts.' }))],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer talks to the main process only through bridge.ts.' },
            {
              group: ['**/views/**', '*.tsx'],
              message: 'Stores never import views: a view selects from a store, not the other way round.',
            },
            noIsomorphicGit,
          ],
        },
      ],
    },
  },
  {
    // Everything above the services (core, platform, the transports, the entry points) also reaches
    // a domain only through its index.
    files: ['electron/**/*.ts'],
    ignores: ['electron/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [domainThroughIndex, noIsomorphicGit],
        },
      ],
    },
  },
  {
    // The utilities every domain may use (fs/) and any file beside the domains: no git of their own either.
    files: ['electron/services/*.ts', 'electron/services/fs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: mainProcessPaths, patterns: [noRenderer, noIsomorphicGit] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/platform/**/*.ts', 'electron/web.ts', 'electron/web-main.ts', 'electron/tour-cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: mainProcessPaths,
          patterns: [noRenderer, domainThroughIndex, noIsomorphicGit],
        },
      ],
    },
  },
  ...serviceDomainRules,
  {
    // Scripts and benchmarks are production-side too; tests may build fixture repositories with isomorphic-git.
    files: ['scripts/**/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noIsomorphicGit] }] },
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
