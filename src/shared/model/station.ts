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
  /** A printer per label kind (unit, carton, pallet); '' falls back to `printerId`. */
  labelPrinters: LabelPrinters
  /** Device ids of scanners assigned to this station. */
  scannerIds: string[]
  /** Device id of the RFID reader (gate), or '' for none. */
  rfidReaderId: string
  /** Keyboard-wedge text substitutes for the GS1 group separator, e.g. `<GS>`. */
  wedgeGsSubstitutes: string[]
  /** Keyboard wedge: keys at most this far apart (ms, by KeyboardEvent.timeStamp) belong to one scan. */
  wedgeInterKeyMs: number
  /** Keyboard wedge: a scan without its suffix ends after this much silence (ms). */
  wedgeEndTimeoutMs: number
  /** Keyboard wedge: text the scanner sends before each scan ('' for none); stripped. */
  wedgePrefix: string
  /** Keyboard wedge: the key that ends a scan. */
  wedgeSuffix: WedgeSuffix
  /** Keyboard wedge: shorter bursts are typing, not scans. */
  wedgeMinLength: number
  /** Scanner device ids switched off on this station (their scans are journaled as ignored). */
  disabledScannerIds: string[]
  /** Scanner device id → the terminal its scans go to (unassigned scanners feed the terminal used last). */
  scannerTerminals: Record<string, string>
  /** The upstream server's base URL (e.g. https://dockside.example.com), '' when the station is not synced. */
  syncServerUrl: string
  /**
   * This station's upstream token. Write-only: reads answer SYNC_TOKEN_REDACTED when one is stored ('' when
   * none), and writing SYNC_TOKEN_REDACTED back keeps the stored token.
   */
  syncToken: string
  /** RFID readers of the gate (port, protocol, baud, region, power, antennas), started with the station. */
  rfidReaders: RfidReaderSetting[]
  /** RFID reader device id (`rfid:<path>` unless named) → the terminal whose gate session gets its reads. */
  rfidTerminals: Record<string, string>
  /** A gate session ends after this much silence (ms) without a read. */
  gateSilenceMs: number
  /** Operators (not supervisors or administrators) may sign in with a badge alone. */
  badgeSignIn: boolean
  /** A terminal with no call for this many minutes is signed out (0: never). */
  idleSignOutMinutes: number
}

export const LABEL_KINDS = ['unit', 'carton', 'pallet'] as const
export type LabelKind = (typeof LABEL_KINDS)[number]
export type LabelPrinters = Record<LabelKind, string>

/** The printer a label of this kind goes to: its own default, else the station's printer ('' for none). */
export const printerFor = (settings: Pick<StationSettings, 'printerId' | 'labelPrinters'>, kind: LabelKind): string => settings.labelPrinters[kind] || settings.printerId

export type RfidProtocolName = 'thingmagic' | 'r2000' | 'ascii'

export interface RfidReaderSetting {
  /** Device id; default `rfid:<path>`. */
  id?: string
  path: string
  protocol: RfidProtocolName
  baudRate?: number
  region?: string
  powerDbm?: number
  antennas?: number[]
  /** Two facing antennas as [outside, inside]: a tag seen outside first then inside goes in. */
  directionAntennas?: [number, number]
  /** The reader's general-purpose outputs wired to a stack light and buzzer (ThingMagic GPO 1–8, R2000 GPIO 3–4; ASCII: none). */
  outputs?: ReaderOutputs
}

/** Output pins per role; a role left out is not driven. */
export interface ReaderOutputs {
  green?: number
  red?: number
  buzzer?: number
}

export const SYNC_TOKEN_REDACTED = '••••••••'

export type WedgeSuffix = 'Enter' | 'Tab' | 'none'
export const WEDGE_SUFFIXES: readonly WedgeSuffix[] = ['Enter', 'Tab', 'none']

export interface StationInfo {
  stationId: string
  version: string
  host: HostKind
  demo: boolean
  dataDir: string
  schemaVersion: number
  settings: StationSettings
  /** Whether the station can write (a full disk refuses writes until space returns). */
  storage: StorageState
}

/** The data folder's disk: full means every write is refused with `store.disk_full` until space returns. */
export interface StorageState {
  diskFull: boolean
  /** ISO time the disk was first found full, or null. */
  since: string | null
  /**
   * The full integrity check that runs right after start found damage: every write is refused with
   * `store.corrupt` until the database is restored (absent = not damaged).
   */
  corrupt?: boolean
}

export interface OperatorSummary {
  id: number
  name: string
  role: OperatorRole
  hasPin: boolean
  hasBadge: boolean
}

export type OperatorRole = 'operator' | 'supervisor' | 'administrator'

export const OPERATOR_ROLES: readonly OperatorRole[] = ['operator', 'supervisor', 'administrator']

/** What anyone may see before signing in: a name to pick and whether a PIN is set yet. */
export interface OperatorName {
  id: number
  name: string
  hasPin: boolean
}

/** An operator as administrators manage it (inactive ones included: history keeps the name). */
export interface OperatorRecord {
  id: number
  name: string
  role: OperatorRole
  badge: string | null
  active: boolean
  hasPin: boolean
  /** ISO time until which PIN sign-in is refused after repeated wrong PINs, or null. */
  lockedUntil: string | null
}

/** Who is signed in on one terminal (sessions are per terminal). */
export interface Session {
  /** The terminal this session belongs to. */
  terminalId?: string
  operator: OperatorSummary | null
  signedInAt: string | null
}
