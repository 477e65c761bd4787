import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'drizzle/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/testing/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // The core runs in plain Node; only the Electron shell may import electron.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron may import electron; the core runs in plain Node.' }] }],
    },
  },
  {
    // ipcMain and ipcRenderer stay inside the two bridge files, wherever else they might creep in.
    files: ['**/*.{ts,tsx}'],
    ignores: ['src-main/electron/ipc-bridge.ts', 'src-main/electron/preload.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name=/^ipc(Main|Renderer)$/]", message: 'ipcMain/ipcRenderer belong in ipc-bridge.ts and preload.ts only.' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.test.ts', 'src-main/testing/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
