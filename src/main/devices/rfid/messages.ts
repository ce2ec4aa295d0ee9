import type { RfidIssue } from './types'

/**
 * English for the codes of the RFID device layer, for the CLI and logs (the renderer has its own
 * i18n tables; docs/codes/rfid.md lists every code with its parameters).
 */
const EN: Record<string, (p: Record<string, string | number>) => string> = {
  'rfid.port_missing': (p) => `Serial port ${p.path} does not exist (reader unplugged, or a wrong path).`,
  'rfid.port_denied': (p) => `No permission to open ${p.path} (on Linux add the user to the "dialout" group).`,
  'rfid.port_busy': (p) => `Serial port ${p.path} is in use by another program.`,
  'rfid.port_failed': (p) => `Cannot open serial port ${p.path}: ${p.reason}`,
  'rfid.port_error': (p) => `Serial port ${p.path} reported an error: ${p.reason}`,
  'rfid.port_closed': (p) => `Serial port ${p.path} closed.`,
  'rfid.unplugged': (p) => `The reader on ${p.path} was unplugged.`,
  'rfid.disconnected': (p) => `The reader on ${p.path} is not connected.`,
  'rfid.no_answer': (p) => `The reader on ${p.path} did not answer "${p.command}" within ${p.ms} ms (wrong protocol or baud rate, or the reader is off).`,
  'rfid.handshake_failed': (p) => `The reader on ${p.path} could not be set up: ${p.reason}`,
  'rfid.reader_status': (p) => `The reader refused ${p.command} (opcode ${p.opcode}, status ${p.status}).`,
  'rfid.reader_error': (p) => `The reader refused ${p.command}: ${p.error}.`,
  'rfid.reader_silent': (p) => `The reader on ${p.path} stopped sending while reading; the inventory was restarted.`,
  'rfid.antenna_missing': (p) => `Antenna ${p.antenna} is not connected (the reader reports no antenna on that port).`,
  'rfid.temperature_throttle': () => 'The reader is too hot and slowed down its reading.',
  'rfid.bad_setting': (p) => `The reader setting ${p.setting} = ${p.value} is not valid for this reader.`,
  'rfid.no_outputs': (p) => `This reader has no output ${p.pin} the station can drive.`,
  'rfid.bad_crc': () => 'A frame failed its CRC and was discarded.',
  'rfid.truncated': () => 'A frame was cut short and was discarded.',
  'rfid.noise': () => 'Bytes outside any frame were discarded.',
  'rfid.bad_tag_crc': () => "A tag record's own CRC was wrong; it was discarded.",
  'rfid.bad_record': () => 'A tag record was malformed; it was discarded.',
  'rfid.bad_line': () => 'A line from the reader was not an EPC; it was discarded.',
  'rfid.line_too_long': () => 'A line from the reader was over 256 bytes; it was discarded.'
}

export function describeRfidIssue(issue: RfidIssue): string {
  const f = EN[issue.code]
  return f ? f(issue.params) : `${issue.code} ${JSON.stringify(issue.params)}`
}

export const RFID_CODES: readonly string[] = Object.keys(EN)
