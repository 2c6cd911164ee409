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
const UI_LAYERS = '(view|store|machine|embed)';
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
              message: 'src/kernel/ may not import the UI layers (view, store, machine, embed).',
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
    files: ['src/view/**/*.tsx', 'src/view/**/*.ts', 'src/main.tsx'],
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
  {
    files: ['src/kernel/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS] },
  },
]);
