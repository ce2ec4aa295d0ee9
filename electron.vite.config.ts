import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { RollupLog } from 'rollup'
import { WORKER_SOURCES } from './src/main/paths'

// Native modules (better-sqlite3, serialport, node-hid, usb) stay external in main: electron-vite
// externalizes dependencies by default. The preload is bundled as CommonJS, as sandboxed preloads must be.
// Worker threads are entries of their own, `out/main/<name>.js` for each name in WORKER_SOURCES
// (src/main/paths.ts, whose workerUrl(name) finds them). The output is flat (chunks beside index.js):
// paths.ts finds the project root and the worker entries relative to whichever chunk holds it.
// The CLI is bundled apart, into out/cli/ (scripts/build-cli.ts).
/**
 * Rollup's notices about third-party code we do not own (zod's comments that merely mention
 * `@__PURE__`) would bury the one sentence `npm start` prints; our own code's warnings still show.
 */
function quietThirdParty(warning: RollupLog, warn: (w: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && (warning.id ?? '').includes('node_modules')) return
  warn(warning)
}

/** Vendor libraries in chunks of their own: smaller files, cached across UI releases. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined
  if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react'
  if (/node_modules[\\/]zod[\\/]/.test(id)) return 'zod'
  if (/node_modules[\\/](i18next|react-i18next)[\\/]/.test(id)) return 'i18n'
  return 'vendor'
}

const workerEntries = Object.fromEntries(Object.entries(WORKER_SOURCES).map(([name, source]) => [name, resolve(__dirname, 'src/main', source)]))

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), ...workerEntries },
        onwarn: quietThirdParty,
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        onwarn: quietThirdParty,
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
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') }, onwarn: quietThirdParty, output: { manualChunks: vendorChunk } }
    }
  }
})
