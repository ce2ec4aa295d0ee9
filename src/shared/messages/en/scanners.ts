/** The scanner registry (ADR 0017): why a scanner could not be added, changed or removed. */
export const scannersEn = {
  'scanners.bad_port': 'A serial port is an absolute path such as /dev/ttyACM0 or /dev/serial/by-id/…; "{port}" is not one.',
  'scanners.port_missing': 'Port {port} does not exist: plug the scanner in, or check the path (ls -l /dev/serial/by-id).',
  'scanners.not_a_port': '{port} is not a serial port (not a character device).',
  'scanners.port_denied': 'No permission to open {port}: add the station’s user to the "dialout" group, then sign out and in again.',
  'scanners.duplicate_port': 'Port {port} is already scanner {id} ({name}).',
  'scanners.bad_baud': 'Baud {baud} is not one a scanner runs at: use 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 or 230400.',
  'scanners.unknown_suffix': 'Unknown suffix "{suffix}": use cr, lf, crlf, tab or none.',
  'scanners.bad_terminal': '"{terminal}" is not a terminal name (letters, digits, dot, dash, underscore; at most 64).',
  'scanners.unknown': 'There is no scanner {id}.',
  'scanners.hid_missing': 'No HID POS scanner {port} is connected: plug it in, then add it.'
} as const satisfies Record<string, string>
