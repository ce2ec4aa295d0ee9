import { randomBytes } from 'node:crypto'
import { createWriteStream, readdirSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Readable } from 'node:stream'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../store/file-modes'
import { MAX_IMPORT_BYTES } from './read'

/** An upload id: 32 hex characters, so it can never name anything outside the uploads folder. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/

export interface Upload {
  id: string
  /** The name the browser gave (display and .xlsx detection only; never a path). */
  name: string
  path: string
  bytes: number
}

export type UploadOutcome = { ok: true; upload: Upload } | { ok: false; code: 'upload.too_large' | 'upload.failed' | 'upload.empty'; params: Record<string, unknown> }

export interface UploadStore {
  /** Streams a body to a private file, refusing it past the limit; never buffers it whole. */
  receive(body: Readable, name: string, declaredBytes?: number): Promise<UploadOutcome>
  get(id: string): Upload | null
  remove(id: string): void
  /** Removes every upload (station start and stop). */
  clear(): void
}

/** A browser-supplied file name reduced to a safe display name. */
export function safeUploadName(raw: string | undefined): string {
  let name = raw ?? ''
  try {
    name = decodeURIComponent(name)
  } catch {
    // keep the raw text
  }
  // eslint-disable-next-line no-control-regex
  name = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200)
  return name === '' || name === '.' || name === '..' ? 'upload.csv' : name
}

export function createUploadStore(dataDir: string, maxBytes = MAX_IMPORT_BYTES): UploadStore {
  const dir = join(dataDir, 'uploads')
  const uploads = new Map<string, Upload>()

  const removeFile = (path: string) => rmSync(path, { force: true })

  return {
    receive(body, rawName, declaredBytes) {
      const name = safeUploadName(rawName)
      if (declaredBytes !== undefined && declaredBytes > maxBytes) {
        body.resume()
        return Promise.resolve({ ok: false, code: 'upload.too_large', params: { bytes: declaredBytes, limit: maxBytes } })
      }
      ensurePrivateDir(dir)
      const id = randomBytes(16).toString('hex')
      const path = join(dir, id)
      return new Promise<UploadOutcome>((resolve) => {
        let bytes = 0
        let done = false
        const out = createWriteStream(path, { flags: 'wx', mode: PRIVATE_FILE_MODE })
        const finish = (outcome: UploadOutcome) => {
          if (done) return
          done = true
          if (outcome.ok) return resolve(outcome)
          body.unpipe(out)
          body.resume()
          // The file may still be opening: remove it once the stream has closed, then answer.
          out.once('close', () => {
            removeFile(path)
            resolve(outcome)
          })
          out.destroy()
        }
        body.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          if (bytes > maxBytes) finish({ ok: false, code: 'upload.too_large', params: { bytes, limit: maxBytes } })
        })
        body.on('error', () => finish({ ok: false, code: 'upload.failed', params: { reason: 'aborted' } }))
        body.on('aborted', () => finish({ ok: false, code: 'upload.failed', params: { reason: 'aborted' } }))
        out.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, code: 'upload.failed', params: { reason: error.code ?? 'write' } }))
        out.on('finish', () => {
          if (done) return
          if (bytes === 0) return finish({ ok: false, code: 'upload.empty', params: {} })
          const upload = { id, name, path, bytes }
          uploads.set(id, upload)
          finish({ ok: true, upload })
        })
        body.pipe(out)
      })
    },
    get: (id) => (UPLOAD_ID.test(id) ? (uploads.get(id) ?? null) : null),
    remove(id) {
      const upload = uploads.get(id)
      if (!upload) return
      uploads.delete(id)
      removeFile(upload.path)
    },
    clear() {
      uploads.clear()
      try {
        for (const f of readdirSync(dir)) if (UPLOAD_ID.test(f)) removeFile(join(dir, f))
      } catch {
        // no uploads folder yet
      }
    }
  }
}
