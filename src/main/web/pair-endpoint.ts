import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DisplayRecord } from '../../shared/contract-areas/displays'
import { AppFailure } from '../errors'
import type { Logger } from '../logging'
import { json } from './json-answer'

export interface PairEndpoint {
  pair(input: unknown, address: string): { token: string; display: DisplayRecord }
  logger: Logger
}

/** A pairing request is tiny: `{"code":"ABCD2345","name":"Door 1 wall"}`. */
const MAX_PAIR_BYTES = 4096

const STATUS: Record<string, number> = { 'displays.bad_request': 400, 'displays.too_many_attempts': 429 }

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_PAIR_BYTES) {
        resolve(null)
        req.socket.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(null))
  })
}

/**
 * `POST /pair` (ADR 0018): the only thing a remote browser without a display token can do. Total:
 * any body becomes an answer with a code; the token is in the answer once and never logged.
 */
export async function handlePair(endpoint: PairEndpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const address = req.socket.remoteAddress ?? 'unknown'
  const text = await readBody(req)
  let input: unknown = undefined
  try {
    input = text === null ? undefined : JSON.parse(text)
  } catch {
    input = undefined
  }
  try {
    const { token, display } = endpoint.pair(input === undefined ? null : input, address)
    endpoint.logger.info({ display: display.id, from: address }, 'display paired')
    json(res, 200, { ok: true, value: { token, display: { id: display.id, name: display.name } } })
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error
    json(res, STATUS[error.code] ?? 403, { ok: false, error: error.toAppError() })
  }
}
