/**
 * The scan pipeline and the scanner drivers: what became of one scan before (or without) a workflow.
 * Short: they are also the operator's flash line. The `scan.identity_*` parts describe a good GS1 scan
 * (joined by the renderer: "GTIN 09521234543213 · serial ABC · exp. 30/06/2027").
 */
export const scansEn = {
  'scan.gs1': '{text}',
  'scan.screen_takes_no_scans': 'This screen does not take scans: go to Receive, Put away, Look up or Gate to scan.',
  'scan.command': 'Command: {command}.',
  'scan.unknown_command': '"{text}" is a Dockside command this station does not know: print the command sheet again from this station.',
  'scan.plain': 'Scanned: {text}',
  'scan.empty': 'Empty scan.',
  'scan.too_long': 'Scan too long ({bytes:number} bytes; the limit is {limit:number}): rejected.',
  'scan.binary': 'Not a barcode (control byte {byte} at position {position}): rejected.',
  'scan.partial': 'Scan cut off after {bytes:number} bytes (scanner disconnected): scan again.',
  'hid.bad_report': 'The scanner sent a broken report ({bytes:number} bytes): scan again.',
  'scan.device_disabled': 'Scanner {device} is turned off on this station: scan ignored.',
  'scan.workflow_failed': 'The scan could not be processed ({workflow}): scan again. {detail}',
  'scan.not_taken': 'This screen ({workflow}) has no use for this scan: {text}',
  'scan.identity_gtin': 'GTIN {gtin}',
  'scan.identity_sscc': 'SSCC {sscc}',
  'scan.identity_serial': 'serial {serial}',
  'scan.identity_lot': 'lot {lot}',
  'scan.identity_expiry': 'exp. {expiry:date}',
  'scan.identity_best_before': 'best before {bestBefore:date}',
  'scan.hint.check_digit': 'Scan it again; if it fails again, the label is misprinted: type the number printed under the barcode or record a "No label" exception.',
  'scan.badge': 'An operator badge was scanned; it was not recorded. Sign in on the sign-in screen.'
} as const satisfies Record<string, string>
