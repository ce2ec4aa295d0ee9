import { msg, type Message, type MessageLike } from '../../../shared/messages/catalog'
import type { JobRow } from '../../store/repositories/print-queue'
import type { PrintJob } from './types'

/**
 * A job's note (why it is held, how it ended) is stored as its message code and parameters in JSON,
 * so the UI shows it in the operator's language; a row written before codes holds plain English text.
 */
export const encodeNote = (m: Message | MessageLike): string => JSON.stringify({ code: m.code, params: m.params ?? {} })

export function decodeNote(text: string | null): MessageLike | null {
  if (text === null) return null
  if (text.startsWith('{')) {
    try {
      const v = JSON.parse(text) as { code?: unknown; params?: unknown }
      if (typeof v.code === 'string') return { code: v.code, params: (v.params ?? {}) as MessageLike['params'] }
    } catch {
      // plain text that happens to start with a brace
    }
  }
  return msg('print.note', { text })
}

export const toPrintJob = (r: JobRow): PrintJob => ({ ...r, heldReason: decodeNote(r.heldReason), lastError: decodeNote(r.lastError) })
