import type { DeviceStatus } from '../model/devices'
import type { OperatorName, Session, StationInfo, StationSettings, StorageState } from '../model/station'
import type { SyncStatus } from '../model/sync'
import { diagnosticsInput, noInput, settingsPatch, signInInput } from '../schemas'

/** Station, settings, operators, devices, sync and diagnostics: the foundation's methods. */
export const stationMethods = {
  'station.info': { input: noInput },
  'settings.get': { input: noInput },
  'settings.update': { input: settingsPatch },
  'operators.list': { input: noInput },
  'session.current': { input: noInput },
  'session.signIn': { input: signInInput },
  'session.signOut': { input: noInput },
  'devices.list': { input: noInput },
  'sync.status': { input: noInput },
  'diagnostics.export': { input: diagnosticsInput },
  /** The full `integrity_check` of the database (reads every page; runs off the scan thread). */
  'diagnostics.integrityCheck': { input: noInput },
  /** An online backup now, into <data>/backups (rotated). */
  'diagnostics.backup': { input: noInput }
} as const

export interface StationOutputs {
  'station.info': StationInfo
  'settings.get': StationSettings
  'settings.update': StationSettings
  'operators.list': OperatorName[]
  'session.current': Session
  'session.signIn': Session
  'session.signOut': Session
  'devices.list': DeviceStatus[]
  'sync.status': SyncStatus
  'diagnostics.export': { path: string; bytes: number }
  'diagnostics.integrityCheck': { ok: boolean; problems: string[]; ms: number }
  'diagnostics.backup': { path: string; bytes: number; at: string }
}

export interface StationAreaEvents {
  'devices.changed': DeviceStatus[]
  'sync.changed': SyncStatus
  'settings.changed': StationSettings
  'session.changed': Session
  /** The disk became full (writes refused) or has space again. */
  'station.storage': StorageState
}
