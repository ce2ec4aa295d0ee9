/**
 * The OS print queue: `lp -d QUEUE -o raw` with the ZPL on stdin (a CUPS raw queue passes it to the
 * printer untouched). One-way: no status, no confirmation — jobs sent this way end "uncertain" until
 * an operator confirms them, and the printer shows as "status unknown".
 */
import { spawn } from 'node:child_process'
import { err, ok } from '../../../shared/result'
import type { PrinterTransport } from './types'

export interface SpoolerOptions {
  queue: string
  /** The `lp` program (tests point it at a stand-in script). */
  command?: string
}

export function createSpoolerTransport(options: SpoolerOptions): PrinterTransport {
  const uri = `lp://${options.queue}`
  return {
    kind: 'lp',
    uri,
    canAnswer: false,
    exchange: (data, { timeoutMs }) =>
      new Promise((resolve) => {
        const started = performance.now()
        // Arguments as an array, never a shell string: the queue name cannot inject anything.
        const child = spawn(options.command ?? 'lp', ['-d', options.queue, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] })
        let stderr = ''
        const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')))
        child.on('error', (e) => {
          clearTimeout(timer)
          resolve(err('printer.unreachable', `Cannot run lp for queue ${options.queue}: ${e.message}`, { sentBytes: 0 }))
        })
        child.on('close', (code) => {
          clearTimeout(timer)
          if (code === 0) resolve(ok({ sentBytes: data.length, reply: null, firstByteMs: performance.now() - started }))
          else resolve(err('printer.unreachable', `lp refused the job for queue ${options.queue} (exit ${code}): ${stderr.trim() || 'no message'}`, { sentBytes: 0 }))
        })
        child.stdin.on('error', () => undefined)
        child.stdin.end(Buffer.from(data))
      }),
    close: async () => undefined
  }
}
