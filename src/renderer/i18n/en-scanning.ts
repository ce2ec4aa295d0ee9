/** UI words: Wedge calibration, scan feedback and command barcodes. */
export const enScanning = {
  wedgeCal: {
    title: 'Wedge scanner timing (this terminal)',
    none: 'Not calibrated: the station settings apply. A slow (Bluetooth) scanner’s scans are flagged "too slow" until you calibrate.',
    learned: 'Calibrated: keys up to {{interKeyMs}} ms apart are one scan (slowest gap measured {{measuredMs}} ms).',
    start: 'Calibrate with a test scan',
    scanNow: 'Scan any barcode now',
    forget: 'Forget calibration',
    tooShort: 'That scan was too short to measure: scan a barcode of at least 4 characters.'
  },
  printAgain: { reason: 'Print again (last label of this terminal)', queued: 'Printing again: {{template}} label, job {{id}}.' },
  wedge: { tooSlow: 'Scan too slow for this terminal: calibrate the scanner on the Devices screen, then scan again.' },
  commands: {
    undo: 'Undo last scan',
    'close-order': 'Close order',
    'new-pallet': 'New pallet',
    'exception-damaged': 'Exception: damaged',
    'exception-no-label': 'Exception: no label',
    'exception-wrong-item': 'Exception: wrong item',
    'exception-unexpected-serial': 'Exception: unexpected serial',
    'receive-anyway': 'Supervisor: receive anyway',
    'print-pallet-label': 'Print pallet label',
    'print-again': 'Print again',
    'sign-out': 'Sign out',
    confirm: 'Confirm',
    cancel: 'Cancel',
    'go-receive': 'Go to Receive',
    'go-putaway': 'Go to Put away',
    'go-lookup': 'Go to Look up',
    'go-label': 'Go to Label',
    'go-gate': 'Go to Gate',
    'gate-start': 'Start reading the chosen shipment',
    'gate-free-read': 'Free read',
    'gate-end': 'End read',
    'gate-hold': 'Hold load (reason typed, or "held at the door")',
    'gate-hold-missing': 'Hold load: units missing',
    'gate-hold-unexpected': 'Hold load: unexpected tags',
    'gate-hold-damaged': 'Hold load: damaged goods',
    'gate-reset': 'Clear the gate',
    'sync-now': 'Sync now',
    'lookup-order': 'History: newest or oldest first',
    notHere: '{{command}}: not available on this screen.',
    sheet: 'Command sheet (PDF)',
    sheetTitle: 'Dockside command barcodes: {{screen}}'
  }
}

export type ScanningDictionary = typeof enScanning
