/** UI words: Settings → Scanners (the scanner registry, ADR 0017) and the setup step that uses it. */
export const enScanners = {
  scannerSetup: {
    title: 'Scanners',
    none: 'No scanner added yet: add a serial scanner below. HID POS scanners are found by themselves.',
    name: 'Name',
    port: 'Port',
    baud: 'Baud',
    suffix: 'Suffix',
    state: 'State',
    terminal: 'Scans go to',
    lastUsed: 'Whichever screen was used last',
    thisScreen: '{{id}} (this screen)',
    enable: 'Turn on',
    disable: 'Turn off',
    remove: 'Remove',
    removed: 'Scanner {{name}} removed.',
    added: 'Scanner {{name}} added: scan something to test it.',
    addTitle: 'Add a serial scanner',
    pickPort: 'Serial port',
    typePort: '— type a path below —',
    typedPath: 'or type its path (e.g. /dev/serial/by-id/…)',
    portHint: 'A /dev/serial/by-id/… path keeps naming the same scanner whichever USB socket it is plugged into.',
    scannerPort: 'scanner',
    registered: 'added',
    add: 'Add scanner',
    suffixes: { cr: 'CR', lf: 'LF', crlf: 'CR LF', tab: 'TAB', none: 'None (silence ends a scan)' },
    testBox: 'Last scan',
    testEmpty: 'Scan a barcode with this scanner: it shows here.',
    testGot: 'Received',
    hidTitle: 'HID POS scanners found',
    hidNone: 'No HID POS scanner is connected.',
    hidAdd: 'Add',
    look: 'Look for scanners now',
    refused: 'Not added: {{reason}}'
  }
}

export type ScannersDictionary = typeof enScanners
