import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { UploadStore } from '../import/uploads'
import type { Logger } from '../logging'
import { isAllowedHost, isAllowedOrigin, LOOPBACK_POLICY, type HostPolicy } from './origin-check'
import { handlePair, type PairEndpoint } from './pair-endpoint'
import { parseRequestTarget } from './request-target'
import { json } from './json-answer'
import { plainAnswer, serveStatic } from './static-files'

import { PAIR_PATH, UPLOAD_NAME_HEADER, UPLOAD_PATH, UPLOAD_TOKEN_HEADER } from '../../shared/ws-protocol'

export { UPLOAD_PATH }

export interface HttpHostOptions {
  rendererDir: string
  port: () => number
  token: string
  uploads: UploadStore
  logger: Logger
  /** The names and scheme requests must be addressed to (default: loopback over http). */
  policy?: HostPolicy
  /** `POST /pair` for remote displays (only with `--listen`). */
  pair?: PairEndpoint
}

function sameToken(offered: string | string[] | undefined, token: string): boolean {
  if (typeof offered !== 'string') return false
  const a = Buffer.from(offered)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}


/**
 * `POST /upload`: an import file's bytes from the served UI, behind the same Host, Origin and token
 * checks as the WebSocket. Answers {ok:true, value:{upload, name, bytes}} or {ok:false, error:{code}}.
 */
async function handleUpload(options: HttpHostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const port = options.port()
  if (!isAllowedOrigin(req.headers.origin, port, options.policy ?? LOOPBACK_POLICY)) return json(res, 403, { ok: false, error: { code: 'upload.forbidden', message: 'Origin not allowed.' } })
  if (!sameToken(req.headers[UPLOAD_TOKEN_HEADER], options.token)) return json(res, 401, { ok: false, error: { code: 'upload.forbidden', message: 'Missing or wrong station token.' } })
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
  const name = req.headers[UPLOAD_NAME_HEADER]
  const outcome = await options.uploads.receive(req, typeof name === 'string' ? name : '', declared !== undefined && Number.isFinite(declared) ? declared : undefined)
  if (!outcome.ok) {
    const status = outcome.code === 'upload.too_large' ? 413 : 400
    json(res, status, { ok: false, error: { code: outcome.code, message: 'The upload was refused.', details: outcome.params } })
    // A refused body is not read to its end: close the connection instead.
    res.once('finish', () => req.socket.destroy())
    return
  }
  json(res, 200, { ok: true, value: { upload: outcome.upload.id, name: outcome.upload.name, bytes: outcome.upload.bytes } })
}

/** The HTTP side of the headless host. Total: every failure becomes an answer, never an exception. */
export function createRequestHandler(options: HttpHostOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const policy = options.policy ?? LOOPBACK_POLICY
    if (!isAllowedHost(req.headers.host, options.port(), policy)) return plainAnswer(res, 403, 'Host not allowed.')
    const target = parseRequestTarget(req.url)
    if (!target.ok) return plainAnswer(res, 400, 'Bad request target.')
    if (target.pathname === PAIR_PATH && options.pair) {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end()
        return
      }
      if (!isAllowedOrigin(req.headers.origin, options.port(), policy)) return json(res, 403, { ok: false, error: { code: 'displays.pair_required', message: 'Origin not allowed.' } })
      return handlePair(options.pair, req, res)
    }
    if (target.pathname === UPLOAD_PATH) {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end()
        return
      }
      return handleUpload(options, req, res)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    serveStatic(options.rendererDir, req, res)
  }
  return (req, res) => {
    req.on('error', () => res.destroy())
    res.on('error', () => res.destroy())
    handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error, url: String(req.url).slice(0, 200) }, 'http request failed')
      plainAnswer(res, 500, 'The station could not answer this request.')
    })
  }
}
