export const en = {
  app: { name: 'Dockside', demo: 'DEMO', demoHint: 'Demo data and simulated devices — nothing here is real stock.' },
  nav: {
    receive: 'Receive',
    putaway: 'Put away',
    label: 'Label',
    gate: 'Gate',
    lookup: 'Look up',
    devices: 'Devices',
    sync: 'Sync',
    settings: 'Settings'
  },
  status: {
    devices: 'Devices',
    devicesCount: '{{connected}} of {{total}} connected',
    noDevices: 'none',
    printer: 'Printer',
    noPrinter: 'not assigned',
    sync: 'Sync',
    operator: 'Operator',
    signedOut: 'signed out',
    connection: 'Station',
    connected: 'connected',
    connecting: 'connecting…',
    disconnected: 'disconnected'
  },
  syncState: {
    'not-configured': 'not configured',
    idle: 'up to date',
    syncing: 'syncing',
    offline: 'offline',
    error: 'error'
  },
  deviceState: { connected: 'connected', disconnected: 'disconnected', error: 'error', disabled: 'disabled' },
  deviceKind: { scanner: 'Scanner', printer: 'Printer', 'rfid-reader': 'RFID reader' },
  signIn: {
    title: 'Sign in',
    scanBadge: 'Scan your badge',
    badgeLabel: 'Badge',
    or: 'or choose your name and enter your PIN',
    pinLabel: 'PIN',
    submit: 'Sign in',
    clear: 'Clear',
    signOut: 'Sign out',
    welcome: 'Welcome, {{name}}',
    demoPins: 'Demo operators: Ana García PIN 1234 (badge OP-0001), Ben Okafor PIN 4321 (badge OP-0002).'
  },
  empty: {
    receive: 'Receiving against purchase orders and ASNs arrives with the receiving capability. Nothing to receive yet.',
    putaway: 'Put-away arrives with the receiving capability. No plates are waiting.',
    label: 'Label printing arrives with the labels capability. No printer jobs yet.',
    gate: 'The RFID gate arrives with the gate capability. No reader is reading.',
    lookup: 'Look-up of a unit’s history arrives with the receiving capability.',
    devicesNone: 'No devices are known to this station yet.'
  },
  devices: {
    title: 'Devices',
    name: 'Device',
    kind: 'Kind',
    transport: 'Connection',
    state: 'State',
    lastSeen: 'Last seen',
    lastError: 'Last error',
    simulated: 'simulated'
  },
  sync: {
    title: 'Sync',
    state: 'State',
    pending: 'Events waiting to be sent',
    lastSync: 'Last sync',
    never: 'never',
    notConfigured: 'No upstream server is configured. Every change is kept in the outbox and will be sent once sync is set up.'
  },
  settings: {
    title: 'Station settings',
    stationName: 'Station name',
    site: 'Site',
    dock: 'Dock / door',
    language: 'Language',
    printerId: 'Label printer',
    rfidReaderId: 'RFID reader',
    scannerIds: 'Scanners',
    none: 'none',
    wedgeGs: 'Scanner text for GS (comma separated)',
    save: 'Save',
    saved: 'Settings saved',
    diagnostics: 'Export diagnostics',
    diagnosticsDone: 'Diagnostics saved to {{path}}',
    stationId: 'Station id',
    dataDir: 'Data folder',
    version: 'Version'
  },
  languages: { en: 'English', es: 'Español' },
  common: { error: 'Error', loading: 'Loading…', yes: 'yes', no: 'no' }
}

export type Dictionary = typeof en
