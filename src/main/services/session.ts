import type { Session } from '../../shared/model/station'
import { AppFailure } from '../errors'
import type { EventLog } from '../store/event-log'
import type { OperatorRepository } from '../store/repositories/operators'
import { verifyPin } from './pin-hash'

export type SignIn = { badge: string } | { operatorId: number; pin: string }

const SIGNED_OUT: Session = { operator: null, signedInAt: null }

/** Who is working the station now. One operator at a time per station; every UI shows the same. */
export function createSessionService(operators: OperatorRepository, events: EventLog, onChange: (s: Session) => void, now: () => Date = () => new Date()) {
  let session: Session = SIGNED_OUT

  const set = (next: Session) => {
    session = next
    onChange(session)
    return session
  }

  return {
    current: (): Session => session,
    operatorId: (): number | null => session.operator?.id ?? null,
    async signIn(input: SignIn): Promise<Session> {
      if ('badge' in input) {
        const found = operators.findByBadge(input.badge)
        if (!found) throw new AppFailure('auth.unknown_badge', {})
        events.append({ type: 'operator.signed_in', operatorId: found.summary.id, payload: { method: 'badge' } })
        return set({ operator: found.summary, signedInAt: now().toISOString() })
      }
      const found = operators.findById(input.operatorId)
      if (!found?.pinHash || !(await verifyPin(input.pin, found.pinHash))) {
        throw new AppFailure('auth.wrong_pin', {})
      }
      events.append({ type: 'operator.signed_in', operatorId: found.summary.id, payload: { method: 'pin' } })
      return set({ operator: found.summary, signedInAt: now().toISOString() })
    },
    signOut(): Session {
      const operatorId = session.operator?.id
      if (operatorId !== undefined) events.append({ type: 'operator.signed_out', operatorId, payload: {} })
      return set(SIGNED_OUT)
    }
  }
}

export type SessionService = ReturnType<typeof createSessionService>
