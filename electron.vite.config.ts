import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { WORKER_SOURCES } from './src/main/paths'

// Native modules (better-sqlite3, serialport, node-hid, usb) stay external in main: electron-vite
// externalizes dependencies by default. The preload is bundled as CommonJS, as sandboxed preloads must be.
// Worker threads are entries of their own, `out/main/<name>.js` for each name in WORKER_SOURCES
// (src/main/paths.ts, whose workerUrl(name) finds them). The output is flat (chunks beside index.js):
// paths.ts finds the project root and the worker entries relative to whichever chunk holds it.
// The CLI is bundled apart, into out/cli/ (scripts/build-cli.ts).
const workerEntries = Object.fromEntries(Object.entries(WORKER_SOURCES).map(([name, source]) => [name, resolve(__dirname, 'src/main', source)]))

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), ...workerEntries },
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // Gate wall displays and tablets load the UI over the network from `dockside serve`.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
