// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Process boundary = folder boundary (architecture.md, rule 1), checked here:
 * shared/ imports nothing environment-specific; renderer/ never imports electron/ or node:*; electron/ never imports
 * renderer/; the command line never imports Electron; features don't import each other's internals.
 */
const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'stream/promises',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const nodeImports = [{ group: ['node:*', ...NODE_BUILTINS], message: 'Node built-ins belong to electron/ only.' }];
const electronImport = [
  { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import Electron.' },
];
const rendererFolder = [
  { group: ['**/renderer/**', '**/renderer'], message: 'renderer/ is not importable from here.' },
];
const electronFolder = [
  { group: ['**/electron/**', '**/electron'], message: 'electron/ is not importable from here.' },
];
const uiLibraries = [
  {
    group: [
      'react',
      'react-dom',
      'react/*',
      'react-dom/*',
      'dexie',
      'dexie-*',
      'react-aria-components',
      'i18next',
      'react-i18next',
    ],
    message: 'shared/ is pure TypeScript: no UI and no storage library.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', '**/dist', 'out', 'release', 'coverage', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImports, ...electronImport, ...rendererFolder, ...electronFolder, ...uiLibraries] },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'indexedDB',
        'localStorage',
        'process',
        'require',
        'Buffer',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeImports, ...electronImport, ...electronFolder] }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  {
    // Features talk to each other only through a feature's index.ts, never through its internals.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImports,
            ...electronImport,
            ...electronFolder,
            {
              regex: '^\\.\\./(?!\\.)[^/]+/.+',
              message: 'Import another feature through its index.ts, not its internals.',
            },
          ],
        },
      ],
    },
  },
  {
    // No user-visible string hard-coded in a component: text goes through i18n (renderer/lib/i18n).
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/\\p{L}/u]', message: 'User-visible text goes through i18n (t(...)).' },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt|label|description)$/] > Literal[value=/\\p{L}/u]',
          message: 'User-visible text goes through i18n (t(...)).',
        },
      ],
    },
  },
  {
    // Build configuration runs in Node, not in the renderer.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererFolder,
            { group: ['react', 'react-dom', 'dexie'], message: 'electron/ has no UI and no Dexie.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererFolder,
            ...electronImport,
            { group: ['**/main/**', '**/preload/**'], message: 'The command line is plain Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // A spec's downloads and files go to its own folder, removed when it ends: none left behind in /tmp.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:os', importNames: ['tmpdir'], message: 'Use specFiles() from ./spec-files for files.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='saveAs']",
          message: 'Save a download with specFiles().saveDownload (./spec-files): its folder is removed afterwards.',
        },
      ],
    },
  },
);
