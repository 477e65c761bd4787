import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { injectContentSecurityMeta } from './src-shared/content-policy'

const shared = { '@shared': resolve(import.meta.dirname, 'src-shared') }

/**
 * Writes the app's Content-Security-Policy into the built index.html. Builds only: the dev
 * server's React preamble is an inline script the production policy would block.
 */
export function contentSecurityMeta(): Plugin {
  return {
    name: 'narraforge:content-security-meta',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => injectContentSecurityMeta(html) },
  }
}

// electron-vite 6 needs every entry named when the folders are not its defaults; each key
// below becomes out/<process>/<key>.js.
export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/electron/main.ts'),
          server: resolve(import.meta.dirname, 'src-main/server.ts'),
          worker: resolve(import.meta.dirname, 'src-main/worker/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot be an ES module, and its `require` reaches only electron and
      // a few Node built-ins: shared contracts' dependencies (zod) must be bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    resolve: { alias: shared },
    plugins: [react(), contentSecurityMeta()],
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') },
        output: {
          // React and its kin change far less often than the app: a chunk of their own, so a
          // browser-mode update reloads only the app's code. Charts stay with the usage screen.
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              },
            ],
          },
        },
      },
    },
  },
})
