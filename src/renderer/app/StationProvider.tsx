import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { StationClient } from '../../shared/contract'
import type { DeviceStatus } from '../../shared/model/devices'
import type { Session, StationInfo } from '../../shared/model/station'
import type { SyncStatus } from '../../shared/model/sync'
import type { ConnectionState } from '../api/ws-client'
import { setLanguage } from '../i18n'

export interface StationState {
  client: StationClient
  /** This page's terminal (ADR 0009): events about another terminal's workflow are not for it. */
  terminalId: string
  info: StationInfo
  session: Session
  devices: DeviceStatus[]
  sync: SyncStatus
  connection: ConnectionState
  refreshInfo(): Promise<void>
}

const StationContext = createContext<StationState | null>(null)

export function useStation(): StationState {
  const state = useContext(StationContext)
  if (!state) throw new Error('useStation outside StationProvider')
  return state
}

export const useTerminalId = (): string => useStation().terminalId

interface Props {
  client: StationClient
  terminalId: string
  initial: { info: StationInfo; session: Session; devices: DeviceStatus[]; sync: SyncStatus }
  connection: { current: ConnectionState; subscribe?: (l: (s: ConnectionState) => void) => () => void }
  children: ReactNode
}

/** Keeps the station's live state (session, devices, sync, settings) in step with pushed events. */
export function StationProvider({ client, terminalId, initial, connection, children }: Props) {
  const [info, setInfo] = useState(initial.info)
  const [session, setSession] = useState(initial.session)
  const [devices, setDevices] = useState(initial.devices)
  const [sync, setSync] = useState(initial.sync)
  const [conn, setConn] = useState<ConnectionState>(connection.current)

  const refreshInfo = async () => {
    const result = await client.call('station.info', {})
    if (result.ok) setInfo(result.value)
  }

  useEffect(() => {
    const offs = [
      client.on('session.changed', setSession),
      client.on('devices.changed', setDevices),
      client.on('sync.changed', setSync),
      client.on('settings.changed', (settings) => setInfo((prev) => ({ ...prev, settings }))),
      client.on('station.storage', (storage) => setInfo((prev) => ({ ...prev, storage })))
    ]
    const offConn = connection.subscribe?.((state) => {
      setConn(state)
      if (state === 'open') {
        // After a reconnect, fetch what may have changed while we were away.
        void Promise.all([client.call('session.current', {}), client.call('devices.list', {}), client.call('sync.status', {}), client.call('station.info', {})]).then(
          ([s, d, y, i]) => {
            if (s.ok) setSession(s.value)
            if (d.ok) setDevices(d.value)
            if (y.ok) setSync(y.value)
            if (i.ok) setInfo(i.value)
          }
        )
      }
    })
    return () => {
      offs.forEach((off) => off())
      offConn?.()
    }
  }, [client, connection])

  useEffect(() => setLanguage(info.settings.language), [info.settings.language])

  return <StationContext.Provider value={{ client, terminalId, info, session, devices, sync, connection: conn, refreshInfo }}>{children}</StationContext.Provider>
}
