import type { OperatorRole, OperatorSummary, Session, StationSettings } from '../../shared/model/station'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'
import type { FoundOperator, OperatorRepository } from '../store/repositories/operators'
import { hashPin, verifyPin } from './pin-hash'

export type SignIn = { badge: string } | { operatorId: number; pin: string }

/** Wrong PINs in a row before an operator is locked; each further one doubles the lock. */
export const PIN_ATTEMPTS = 5
const FIRST_LOCK_MS = 30_000
const LONGEST_LOCK_MS = 60 * 60_000

export interface SessionDeps {
  operators: OperatorRepository
  events: EventLog
  onChange: (s: Session) => void
  now: () => Date
  settings: () => Pick<StationSettings, 'badgeSignIn' | 'idleSignOutMinutes'>
}

interface Held {
  session: Session
  lastCall: number
}

const signedOut = (terminalId: string): Session => ({ terminalId, operator: null, signedInAt: null })

/** How long the n-th wrong PIN in a row locks the operator (0 below the limit). */
export function lockMs(failedPins: number): number {
  if (failedPins < PIN_ATTEMPTS) return 0
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failedPins - PIN_ATTEMPTS))
}

/**
 * Who is signed in on each terminal (ADR 0015): a door screen and the office PC each have their own
 * operator. PINs are checked against scrypt hashes with a lock that grows after repeated wrong PINs;
 * a badge alone signs in only operators, and only where the site allows it.
 */
export function createSessionService(deps: SessionDeps) {
  const sessions = new Map<string, Held>()
  const { operators, events, now } = deps

  const set = (terminalId: string, session: Session): Session => {
    if (session.operator) sessions.set(terminalId, { session, lastCall: now().getTime() })
    else sessions.delete(terminalId)
    deps.onChange(session)
    return session
  }

  const refuseLocked = (found: FoundOperator) => {
    if (found.lockedUntil && Date.parse(found.lockedUntil) > now().getTime()) {
      throw new AppFailure('auth.locked', { seconds: Math.ceil((Date.parse(found.lockedUntil) - now().getTime()) / 1000) })
    }
  }

  /** Checks a PIN with the lock; a wrong one is counted and audited, the fifth and later lock. */
  const checkPin = async (found: FoundOperator, pin: string, terminalId: string): Promise<void> => {
    refuseLocked(found)
    if (found.pinHash && (await verifyPin(pin, found.pinHash))) {
      if (found.failedPins > 0) operators.setFailures(found.summary.id, 0, null)
      return
    }
    const failed = found.failedPins + 1
    const ms = lockMs(failed)
    const until = ms > 0 ? new Date(now().getTime() + ms).toISOString() : null
    events.record(
      () => operators.setFailures(found.summary.id, failed, until),
      () => ({ type: ms > 0 ? 'operator.locked' : 'operator.pin_refused', operatorId: null, payload: { operator: found.summary.id, name: found.summary.name, failedPins: failed, terminal: terminalId, ...(until ? { lockedUntil: until } : {}) } })
    )
    throw new AppFailure('auth.wrong_pin', {})
  }

  const signOut = (terminalId: string, reason: 'asked' | 'idle'): Session => {
    const held = sessions.get(terminalId)
    if (held?.session.operator) events.append({ type: 'operator.signed_out', operatorId: held.session.operator.id, payload: { terminal: terminalId, ...(reason === 'idle' ? { reason } : {}) } })
    return set(terminalId, signedOut(terminalId))
  }

  const idleLimitMs = () => deps.settings().idleSignOutMinutes * 60_000

  const expireIfIdle = (terminalId: string): void => {
    const held = sessions.get(terminalId)
    const limit = idleLimitMs()
    if (held && limit > 0 && now().getTime() - held.lastCall > limit) signOut(terminalId, 'idle')
  }

  return {
    current: (terminalId: string): Session => {
      expireIfIdle(terminalId)
      return sessions.get(terminalId)?.session ?? signedOut(terminalId)
    },
    operatorId: (terminalId: string): number | null => sessions.get(terminalId)?.session.operator?.id ?? null,
    role: (terminalId: string): OperatorRole | null => sessions.get(terminalId)?.session.operator?.role ?? null,
    /** A call from the terminal: signs out an idle session first, then counts as activity. */
    touch(terminalId: string): void {
      expireIfIdle(terminalId)
      const held = sessions.get(terminalId)
      if (held) held.lastCall = now().getTime()
    },
    /** Signs out every terminal idle for longer than the setting (run periodically). */
    sweepIdle(): void {
      for (const terminalId of [...sessions.keys()]) expireIfIdle(terminalId)
    },
    async signIn(terminalId: string, input: SignIn): Promise<Session> {
      if ('badge' in input) {
        const found = operators.findByBadge(input.badge)
        if (!found) throw new AppFailure('auth.unknown_badge', {})
        if (found.summary.role !== 'operator' || !deps.settings().badgeSignIn) throw new AppFailure('auth.badge_not_allowed', {})
        events.append({ type: 'operator.signed_in', operatorId: found.summary.id, payload: { method: 'badge', terminal: terminalId } })
        return set(terminalId, { terminalId, operator: found.summary, signedInAt: now().toISOString() })
      }
      const found = operators.findById(input.operatorId)
      if (!found) throw new AppFailure('auth.wrong_pin', {})
      let operator: OperatorSummary = found.summary
      if (found.pinHash === null) {
        // No PIN yet (created by an administrator or an import): the first one typed becomes theirs.
        const pinHash = await hashPin(input.pin)
        events.record(
          () => operators.setPin(found.summary.id, pinHash),
          () => ({ type: 'operator.pin_set', operatorId: found.summary.id, payload: { by: 'self', terminal: terminalId } })
        )
        operator = { ...operator, hasPin: true }
      } else {
        await checkPin(found, input.pin, terminalId)
      }
      events.append({ type: 'operator.signed_in', operatorId: operator.id, payload: { method: 'pin', terminal: terminalId } })
      return set(terminalId, { terminalId, operator, signedInAt: now().toISOString() })
    },
    signOut: (terminalId: string): Session => signOut(terminalId, 'asked'),
    /** Signs in an operator who was just created on this terminal (first-run setup). */
    startSession(terminalId: string, operator: OperatorSummary): Session {
      events.append({ type: 'operator.signed_in', operatorId: operator.id, payload: { method: 'setup', terminal: terminalId } })
      return set(terminalId, { terminalId, operator, signedInAt: now().toISOString() })
    },
    /**
     * A supervisor's approval given on an operator's screen (ADR 0015): a badge scan or a PIN, with the
     * same lock as sign-in. Returns the approver; refuses anyone below supervisor.
     */
    async approver(terminalId: string, input: SignIn): Promise<OperatorSummary> {
      let found: FoundOperator | null
      if ('badge' in input) {
        found = operators.findByBadge(input.badge)
        if (!found) throw new AppFailure('auth.unknown_badge', {})
      } else {
        found = operators.findById(input.operatorId)
        if (!found?.pinHash) throw new AppFailure('auth.wrong_pin', {})
        await checkPin(found, input.pin, terminalId)
      }
      if (found.summary.role === 'operator') throw new AppFailure('approval.not_supervisor', { name: found.summary.name })
      return found.summary
    }
  }
}

export type SessionService = ReturnType<typeof createSessionService>
