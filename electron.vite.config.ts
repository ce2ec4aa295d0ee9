import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

// Native modules (better-sqlite3, serialport, node-hid, usb) stay external in main: electron-vite
// externalizes dependencies by default. The preload is bundled as CommonJS, as sandboxed preloads must be.
// Worker threads are entries of their own, emitted beside index.js under the name their caller resolves
// (`new URL('./worker.ts', import.meta.url)` → out/main/worker.js; see src/main/import/worker-host.ts).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          worker: resolve(__dirname, 'src/main/import/worker.ts'),
          'report-worker': resolve(__dirname, 'src/main/workflows/receiving/report-worker.ts')
        }
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
