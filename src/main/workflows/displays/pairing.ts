import { createHash, randomBytes, randomInt } from 'node:crypto'
import { z } from 'zod'
import type { DisplayRecord, PairingCode } from '../../../shared/contract-areas/displays'
import { AppFailure } from '../../errors'
import type { EventLog } from '../../store/event-log'
import { CodeAlreadyUsed, type DisplayRepository } from '../../store/repositories/displays'
import { createAttemptLimiter } from './attempts'

/** No 0/O, 1/I/L: a code read off a screen across the dock is typed right. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 8
export const CODE_LIFETIME_MS = 5 * 60_000
/** Once a minute is enough for "last seen"; a display calls every few seconds. */
const SEEN_EVERY_MS = 60_000

/** What a display sends to pair (`POST /pair`); anything else is refused with `displays.bad_request`. */
export const pairRequest = z
  .object({
    code: z.string().max(32),
    name: z.string().trim().min(1).max(80)
  })
  .strict()

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex')

/** Spaces, dashes and case do not matter: `abcd-efgh` is `ABCDEFGH`. */
export const normaliseCode = (text: string): string => text.replace(/[\s-]/g, '').toUpperCase()

export interface PairingDeps {
  displays: DisplayRepository
  eventLog: EventLog
  now: () => Date
  /** After a display is paired or revoked (the Settings list refreshes). */
  onChanged?: () => void
}

export function createDisplayPairing(deps: PairingDeps) {
  const limiter = createAttemptLimiter(() => deps.now().getTime())
  const lastSeen = new Map<number, number>()
  const revokedListeners = new Set<(id: number) => void>()

  const refuse = (address: string, code: 'displays.code_wrong' | 'displays.code_expired' | 'displays.code_used'): never => {
    limiter.failed(address)
    try {
      deps.eventLog.append({ type: 'display.pairing_refused', operatorId: null, payload: { from: address, why: code } })
    } catch {
      // A full store refuses the audit row; the attempt is refused all the same.
    }
    throw new AppFailure(code, {})
  }

  return {
    createCode(by: number | null): PairingCode {
      const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
      const at = deps.now()
      const expiresAt = new Date(at.getTime() + CODE_LIFETIME_MS).toISOString()
      deps.eventLog.record(
        () => deps.displays.addCode(hashSecret(code), at.toISOString(), expiresAt, by),
        () => ({ type: 'display.pairing_code_created', operatorId: by, payload: { expiresAt } })
      )
      return { code, expiresAt }
    },

    /** A display's pairing: the long token is returned once and only its hash is kept. */
    pair(input: unknown, address: string): { token: string; display: DisplayRecord } {
      const wait = limiter.wait(address)
      if (wait > 0) throw new AppFailure('displays.too_many_attempts', { seconds: Math.ceil(wait / 1000) })
      const parsed = pairRequest.safeParse(input)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new AppFailure('displays.bad_request', { problem: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'rejected' })
      }
      const code = normaliseCode(parsed.data.code)
      const found = code.length === CODE_LENGTH ? deps.displays.codeByHash(hashSecret(code)) : null
      if (!found) return refuse(address, 'displays.code_wrong')
      if (found.usedAt !== null) return refuse(address, 'displays.code_used')
      const at = deps.now()
      if (Date.parse(found.expiresAt) <= at.getTime()) return refuse(address, 'displays.code_expired')
      const token = randomBytes(32).toString('base64url')
      let display: DisplayRecord
      try {
        display = deps.eventLog.record(
          () => deps.displays.pair(found.id, parsed.data.name, hashSecret(token), at.toISOString()),
          (d) => ({ type: 'display.paired', operatorId: null, payload: { display: d.id, name: d.name, from: address } })
        ).result
      } catch (error) {
        if (error instanceof CodeAlreadyUsed) return refuse(address, 'displays.code_used')
        throw error
      }
      limiter.succeeded(address)
      deps.onChanged?.()
      return { token, display }
    },

    /** The display a token opens (null: unknown or revoked); notes when it was last seen. */
    authenticate(token: string): DisplayRecord | null {
      if (token.length < 20 || token.length > 128) return null
      const display = deps.displays.byTokenHash(hashSecret(token))
      if (!display || display.revokedAt !== null) return null
      const at = deps.now().getTime()
      if ((lastSeen.get(display.id) ?? 0) + SEEN_EVERY_MS <= at) {
        lastSeen.set(display.id, at)
        deps.displays.markSeen(display.id, new Date(at).toISOString())
      }
      return display
    },

    isActive(id: number): boolean {
      const display = deps.displays.byId(id)
      return display !== null && display.revokedAt === null
    },

    revoke(id: number, by: number | null): DisplayRecord {
      const display = deps.displays.byId(id)
      if (!display) throw new AppFailure('displays.unknown', { id })
      if (display.revokedAt === null) {
        const at = deps.now().toISOString()
        deps.eventLog.record(
          () => deps.displays.revoke(id, at, by),
          () => ({ type: 'display.revoked', operatorId: by, payload: { display: id, name: display.name } })
        )
      }
      revokedListeners.forEach((listener) => listener(id))
      deps.onChanged?.()
      return deps.displays.byId(id) as DisplayRecord
    },

    onRevoked(listener: (id: number) => void): () => void {
      revokedListeners.add(listener)
      return () => revokedListeners.delete(listener)
    },

    list: (): DisplayRecord[] => deps.displays.all()
  }
}

export type DisplayPairing = ReturnType<typeof createDisplayPairing>
