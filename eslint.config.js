// Flat ESLint config: JS + TypeScript (syntax-only rules, no type information, to stay fast),
// Lit template rules and web component rules.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'node_modules/**',
      'custom-elements.json',
      'coverage/**',
      '.wtr-results/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...wc.configs['flat/recommended'],
    // Without this the rules only recognise classes that extend HTMLElement directly.
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Shipped elements declare Lit properties in `static properties`: the decorators cost every
      // element bundle about 0.4 KB gzip (Lit's decorator module and TypeScript's helper).
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/decorators.js', message: 'Declare reactive properties in `static properties` (see DESIGN.md, budgets).' }] }],
      'no-restricted-syntax': ['error', { selector: 'Decorator', message: 'Declare reactive properties in `static properties`; a decorator pulls in a helper every bundle pays for.' }],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      // `interface MemberSchema extends Named<typeof memberSchema> {}` names a schema's type, so the
      // declarations of the schemas that hold it refer to it instead of spelling it out again.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // chai's property assertions (`expect(x).to.exist`, `.to.be.true`) are expressions by design.
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The benchmark passes functions to page.evaluate(), which run in the browser.
    files: ['scripts/bench.mjs', 'scripts/bench/**/*.mjs', 'scripts/screenshot.mjs', 'scripts/size-probe/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      // `_name` marks a parameter that an interface requires but this implementation ignores.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
