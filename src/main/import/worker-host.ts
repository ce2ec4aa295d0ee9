import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** Messages a Dockside worker posts: progress while it works, then exactly one `done` or `error`. */
export type WorkerMessage<P, T> = { type: 'progress'; progress: P } | { type: 'done'; value: T } | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> } }

export class WorkerFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
  }
}

/**
 * Starts a worker thread on one of our modules (`workerUrl(name)` in ../paths). From source (tsx,
 * vitest, the CLI's tsx fallback) the module is TypeScript: the worker registers tsx's loader first,
 * then imports it. In a build it is the worker's own entry beside the bundle. When the file is missing
 * (a build without that entry) the caller runs the work in-process (returns null).
 */
export function startWorker(moduleUrl: URL, workerData: unknown): Worker | null {
  const path = fileURLToPath(moduleUrl)
  if (!existsSync(path)) return null
  if (!path.endsWith('.ts')) return new Worker(moduleUrl, { workerData })
  let tsxApi: string
  try {
    tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  } catch {
    return null
  }
  const source = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(moduleUrl.href)});`
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData })
}

/** Runs a worker to completion: resolves with its `done` value, rejects with a WorkerFailure. */
export function runWorker<P, T>(worker: Worker, onProgress?: (p: P) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    // Cancelling terminates the thread: an open transaction dies with its connection (rolled back).
    const onAbort = () => {
      if (settled) return
      settled = true
      reject(new WorkerFailure('imports.cancelled', 'The work was cancelled.'))
      void worker.terminate()
    }
    if (signal?.aborted) onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.once('exit', () => signal?.removeEventListener('abort', onAbort))
    worker.on('message', (m: WorkerMessage<P, T>) => {
      if (m.type === 'progress') onProgress?.(m.progress)
      else if (m.type === 'done') {
        settled = true
        resolve(m.value)
        void worker.terminate()
      } else if (m.type === 'error') {
        settled = true
        reject(new WorkerFailure(m.error.code, m.error.message, m.error.details))
        void worker.terminate()
      }
    })
    worker.on('error', (error) => {
      if (settled) return
      settled = true
      reject(error)
    })
    worker.on('exit', (code) => {
      if (settled) return
      settled = true
      reject(new WorkerFailure('worker.exited', `The worker stopped (exit code ${code}) before finishing.`))
    })
  })
}
