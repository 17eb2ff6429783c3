// Three builds: main (ESM, Node 24 in Electron; with three worker entries the main process loads beside
// the bundle: the repository worker that scans off the main thread, out/main/repo-worker.js, the
// tree-sitter parse worker it starts, out/main/parse-worker.js, and the search worker that runs a
// model's pattern, out/main/search-worker.js), preload (CommonJS, so the
// window can stay sandboxed) and the renderer (React), minified: the page's first paint waits for
// its initial JavaScript (every screen but Today, highlight.js, Markdown and Mermaid load later).
// Sources live in electron/, renderer/, shared/.
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          'repo-worker': resolve('electron/services/repos/worker/repo-worker.ts'),
          'parse-worker': resolve('electron/services/repos/scan/parse-worker.ts'),
          'search-worker': resolve('electron/services/ai/tools/search-worker.ts'),
        },
        // Shared chunks stay beside the entries, so the worker and main resolve them the same way.
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
      minify: true,
      chunkSizeWarningLimit: 4096,
    },
  },
})
