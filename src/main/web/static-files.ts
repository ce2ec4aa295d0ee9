import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { parseRequestTarget } from './request-target'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon'
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  // The discrepancy report is shown from a blob: URL the page made itself (Receive → View and print).
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

function fileSize(path: string): number | null {
  try {
    const st = statSync(path)
    return st.isFile() ? st.size : null
  } catch {
    return null
  }
}

/** A short plain-text answer; safe to call at any point (a started response is cut instead). */
export function plainAnswer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', Connection: 'close' }).end(`${text}\n`)
}

/**
 * Serves the built renderer; any path that is not a file gets index.html (single-page app). Total: a
 * malformed target answers 400, a path outside the root 403, a missing UI 500; it never throws.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const target = parseRequestTarget(req.url)
  if (!target.ok) return plainAnswer(res, 400, 'Bad request target.')
  let path = normalize(join(root, target.decoded))
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return plainAnswer(res, 403, 'Forbidden')
  let size = fileSize(path)
  if (size === null) {
    path = join(root, 'index.html')
    size = fileSize(path)
    if (size === null) return plainAnswer(res, 500, 'The station UI is missing.')
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache'
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(path)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
