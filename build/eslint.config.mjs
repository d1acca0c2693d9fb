// Lint rules that keep the architecture honest: the engine never imports 'electron'
// (only the shell files at the top of electron/ may), shared/ and renderer/ never import from
// electron/ at all, and TypeScript stays strict.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NO_ELECTRON_MODULE = {
  name: 'electron',
  message: 'The engine, shared code and the renderer run without Electron: take what you need through an interface the shell implements.',
};
const NO_ELECTRON_SUBPATH = { group: ['electron/*'], message: 'No Electron imports outside the shell.' };

const ENGINE_FOLDERS = ['app', 'router', 'support', 'web', 'cli', 'vault', 'ledger', 'backup', 'import', 'security', 'update', 'crash'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/.tmp/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: [...ENGINE_FOLDERS.map((folder) => `electron/${folder}/**/*.ts`), 'electron/engine.ts', 'electron/capability.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON_MODULE], patterns: [NO_ELECTRON_SUBPATH] }] },
  },
  {
    // One-way layers: the contract (shared/) owns the wire shapes and the renderer talks only through
    // it, so neither may reach into the engine or the shell — not even for a schema (that is how the
    // preload once bundled the whole ledger). Relative paths are caught at any depth.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_ELECTRON_MODULE],
          patterns: [
            NO_ELECTRON_SUBPATH,
            {
              regex: '^(\\.\\./)+electron(/|$)',
              message: 'shared/ and renderer/ never import from electron/: move the shape into shared/ (the contract) and let the engine import it from there.',
            },
          ],
        },
      ],
    },
  },
  {
    // Hook dependency mistakes are how a view shows a stale balance; the rules of hooks catch them.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
