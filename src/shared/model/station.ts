export type Language = 'en' | 'es'
export const LANGUAGES: readonly Language[] = ['en', 'es']

export type HostKind = 'electron' | 'headless'

export interface StationSettings {
  stationName: string
  site: string
  dock: string
  language: Language
  /** Device id of the label printer this workstation prints to, or '' for none. */
  printerId: string
  /** Device ids of scanners assigned to this station. */
  scannerIds: string[]
  /** Device id of the RFID reader (gate), or '' for none. */
  rfidReaderId: string
  /** Keyboard-wedge text substitutes for the GS1 group separator, e.g. `<GS>`. */
  wedgeGsSubstitutes: string[]
}

export interface StationInfo {
  stationId: string
  version: string
  host: HostKind
  demo: boolean
  dataDir: string
  schemaVersion: number
  settings: StationSettings
}

export interface OperatorSummary {
  id: number
  name: string
  role: OperatorRole
  hasPin: boolean
  hasBadge: boolean
}

export type OperatorRole = 'operator' | 'supervisor' | 'admin'

export interface Session {
  operator: OperatorSummary | null
  signedInAt: string | null
}
