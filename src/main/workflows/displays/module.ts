import type { CallContext } from '../../../shared/contract'
import type { displaysMethods, DisplayRecord, RemoteAccess } from '../../../shared/contract-areas/displays'
import type { EventLog } from '../../store/event-log'
import { createDisplayRepository } from '../../store/repositories/displays'
import type { Db } from '../../store/sql'
import type { WorkflowModule } from '../module'
import { createDisplayPairing, type DisplayPairing } from './pairing'

export interface DisplaysModuleDeps {
  db: Db
  eventLog: EventLog
  now: () => Date
  operatorId: (ctx: CallContext) => number | null
  emit: (event: 'displays.changed', payload: DisplayRecord[]) => void
}

export interface DisplaysModule extends WorkflowModule<keyof typeof displaysMethods> {
  pairing: DisplayPairing
  /** The host tells where it serves remote displays (`--listen`), once bound. */
  setRemoteAccess(remote: RemoteAccess | null): void
}

/** Remote displays (issue #10 item 6, ADR 0018): pairing codes, paired displays, revoking. */
export function createDisplaysModule(deps: DisplaysModuleDeps): DisplaysModule {
  const pairing: DisplayPairing = createDisplayPairing({
    displays: createDisplayRepository(deps.db),
    eventLog: deps.eventLog,
    now: deps.now,
    onChanged: () => deps.emit('displays.changed', pairing.list())
  })
  let remote: RemoteAccess | null = null
  return {
    name: 'displays',
    pairing,
    setRemoteAccess: (next) => {
      remote = next
    },
    handlers: {
      'displays.list': () => pairing.list(),
      'displays.createCode': (_input, ctx) => pairing.createCode(deps.operatorId(ctx)),
      'displays.revoke': ({ id }, ctx) => pairing.revoke(id, deps.operatorId(ctx)),
      'displays.self': (_input, ctx) => {
        const display = ctx.displayId === undefined ? null : pairing.list().find((d) => d.id === ctx.displayId)
        return { display: display ? { id: display.id, name: display.name } : null, remote }
      }
    }
  }
}
