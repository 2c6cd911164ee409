// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The fence around the kernel model (STYLE.md 1): src/kernel/ runs the same in Node, a worker and
// the page, so it imports no UI library and nothing from the UI layers, and touches no DOM global.
const UI_PACKAGES = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'd3',
  'd3/*',
  'd3-*',
  'zustand',
  'zustand/*',
  'xstate',
  'xstate/*',
  '@xstate/*',
];
const UI_LAYERS = '(view|store|machine|app|session|codecs|export)';
const MAX_KERNEL_DEPTH = 6;

/** no-restricted-imports for a kernel file `depth` folders below src/kernel/. */
function kernelFence(depth) {
  // From src/kernel/a/b.ts, `../../view` is src/view while `../view` is src/kernel/view.ts.
  const up = `(\\.\\./){${depth + 1}}`;
  return {
    files: [`src/kernel/${'*/'.repeat(depth)}*.{ts,tsx,js,mjs}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_PACKAGES,
              message: 'src/kernel/ is pure TypeScript: no React, D3, Zustand or XState.',
            },
            {
              regex: `^(\\./)?${up}${UI_LAYERS}(/|$)|(^|/)src/${UI_LAYERS}(/|$)`,
              message:
                'src/kernel/ may not import the layers above it (view, store, machine, app, ...).',
            },
          ],
        },
      ],
    },
  };
}

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage'].map(
  (name) => ({ name, message: `src/kernel/ runs outside the browser: no \`${name}\`.` }),
);

// The layers above the kernel (README, "Layout"), fenced as Excalidraw fences its core from its
// UI. The pure tiers hold data and functions the page, the worker and the CLI share: no UI state
// library and no UI layer. The store never reaches into the view; the playback machines know
// neither React nor the store; the view reaches the model only through its public surface.
const UI_STATE_LIBS = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'xstate',
  'xstate/*',
  '@xstate/*',
];
const PURE_TIERS = ['session', 'codecs', 'export', 'metrics'];
/** `^(../)+NAME(/|$)`: a folder of src/ seen from a folder one level below src/. */
const srcFolder = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;
const layerFence = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const LAYER_FENCES = [
  layerFence(
    PURE_TIERS.map((t) => `src/${t}/**/*.{ts,tsx}`),
    [
      {
        group: UI_STATE_LIBS,
        message: 'A pure tier (session, codecs, export, metrics) uses no React, Zustand or XState.',
      },
      {
        regex: srcFolder(['view', 'store', 'machine', 'app']),
        message: 'A pure tier may not import the page layers (view, store, machine, app).',
      },
    ],
  ),
  layerFence(
    ['src/store/**/*.{ts,tsx}'],
    [
      {
        regex: srcFolder(['view', 'app', 'machine']),
        message: 'The store holds view state: it never imports the view, the app or a machine.',
      },
      {
        group: ['react', 'react/*', 'xstate', 'xstate/*', '@xstate/*'],
        message: 'No React or XState in the store.',
      },
    ],
  ),
  layerFence(
    ['src/machine/**/*.{ts,tsx}'],
    [
      {
        regex: srcFolder(['view', 'store', 'app']),
        message: 'A machine is a thin layer over pure functions: no view, store or app.',
      },
      {
        group: ['react', 'react/*', 'zustand', 'zustand/*', '@xstate/*'],
        message: 'No React or Zustand in a machine.',
      },
    ],
  ),
  layerFence(
    ['src/view/**/*.{ts,tsx}', 'src/main.tsx', 'src/start.tsx'],
    [
      {
        regex: '(^|/)kernel/(?!index$)[^/]+$',
        allowTypeImports: true,
        message: 'The view reaches the kernel through its public surface, src/kernel/index.ts.',
      },
    ],
  ),
];

export default defineConfig([
  globalIgnores([
    'dist/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'bench/out/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/view/**/*.tsx', 'src/view/**/*.ts', 'src/main.tsx', 'src/start.tsx'],
    rules: {
      // Scenario text is data: never render it as markup.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render scenario text as text, never as HTML.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render scenario text as text, never as HTML.',
        },
      ],
    },
  },
  ...Array.from({ length: MAX_KERNEL_DEPTH }, (_, depth) => kernelFence(depth)),
  ...LAYER_FENCES,
  {
    files: ['src/kernel/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS] },
  },
]);
