// Import boundaries of docs/architecture.md: a file's folder decides what it may import.
// Do not relax these rules to make an import pass; move the code instead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
];
const fftLibraries = ['fft.js', '@echogarden/pffft-wasm', '@echogarden/pffft-wasm/*'];
const fftRule = {
  group: fftLibraries,
  message: 'Only shared/dsp/fft.ts may import an FFT library.',
};

const rendererPatterns = [
  { group: nodeBuiltins, message: 'renderer/ is a browser page: no Node APIs.' },
  {
    group: ['electron', 'electron/*'],
    message: 'renderer/ talks to the host only through AuscultApi.',
  },
  {
    group: ['**/node/**', '**/electron/**'],
    message: 'renderer/ imports shared/ and renderer/ only.',
  },
  fftRule,
];

const nodePatterns = [
  { group: ['electron', 'electron/*'], message: 'node/ runs without Electron.' },
  { group: ['react', 'react-*', 'wavesurfer.js'], message: 'node/ has no UI.' },
  {
    group: ['**/renderer/**', '**/electron/**', '**/tests/**'],
    message: 'node/ imports shared/ and node/ only.',
  },
  fftRule,
];

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'test-output/**',
      'tests/fixtures/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: nodeBuiltins,
        message: 'shared/ runs everywhere: no Node APIs (put I/O in node/).',
      },
      { group: ['electron', 'electron/*'], message: 'shared/ may not import Electron.' },
      {
        group: ['react', 'react-*', 'wavesurfer.js', 'wavesurfer.js/*'],
        message: 'shared/ is UI-free.',
      },
      {
        group: ['**/node/**', '**/renderer/**', '**/electron/**', '**/tests/**'],
        message: 'shared/ imports only shared/.',
      },
      fftRule,
    ]),
  },
  {
    // No import cycles anywhere in the product: a cycle hides which part depends on which
    // (docs/architecture.md), and breaks module order in the bundles.
    files: ['shared/**/*.ts', 'node/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx'] })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/dsp/fft.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'shared/ runs everywhere: no Node APIs.' },
      {
        group: ['**/node/**', '**/renderer/**', '**/electron/**'],
        message: 'shared/ imports only shared/.',
      },
    ]),
  },
  {
    files: ['node/**/*.ts'],
    rules: restrict(nodePatterns),
  },
  {
    // The workflows see a library only through the store interfaces (docs/architecture.md).
    files: ['node/workflows/**/*.ts'],
    rules: restrict([
      ...nodePatterns,
      {
        group: [
          'node:sqlite',
          '**/store/sqlite/**',
          '**/store/folderAudioStore.ts',
          '**/library/**',
        ],
        message: 'Workflows use the store interfaces (node/store/types.ts), not an implementation.',
      },
      {
        group: ['**/node/api/**', '../api/**', '**/web/**', '**/cli/**'],
        message: 'Workflows sit below the hosts: node/api, node/web and node/cli use them.',
      },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([...rendererPatterns]),
  },
  {
    // Only the waveform adapter imports wavesurfer.js, only the chart folder uPlot (CONVENTIONS).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/waveform/**', 'renderer/chart/**'],
    rules: restrict([
      ...rendererPatterns,
      {
        group: ['wavesurfer.js', 'wavesurfer.js/*'],
        message: 'Only renderer/waveform/ imports wavesurfer.js.',
      },
      { group: ['uplot', 'uplot/*'], message: 'Only renderer/chart/ imports uPlot.' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/**'], message: 'electron/ does not import the page.' },
      fftRule,
    ]),
  },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts'],
    rules: restrict([fftRule]),
  },
);
