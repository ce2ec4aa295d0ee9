import type { scannersEn } from '../../../shared/messages/en/scanners'

/** Spanish for the scanner registry codes: one entry per English code, the same placeholders (checked by a test). */
export const scannersEs = {
  'scanners.bad_port': 'Un puerto serie es una ruta absoluta como /dev/ttyACM0 o /dev/serial/by-id/…; "{port}" no lo es.',
  'scanners.port_missing': 'El puerto {port} no existe: conecte el escáner o revise la ruta (ls -l /dev/serial/by-id).',
  'scanners.not_a_port': '{port} no es un puerto serie (no es un dispositivo de caracteres).',
  'scanners.port_denied': 'Sin permiso para abrir {port}: añada el usuario de la estación al grupo "dialout" y vuelva a iniciar sesión.',
  'scanners.duplicate_port': 'El puerto {port} ya es el escáner {id} ({name}).',
  'scanners.bad_baud': '{baud} baudios no es una velocidad de escáner: use 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 o 230400.',
  'scanners.unknown_suffix': 'Sufijo desconocido "{suffix}": use cr, lf, crlf, tab o none.',
  'scanners.bad_terminal': '"{terminal}" no es un nombre de terminal (letras, dígitos, punto, guion, guion bajo; como mucho 64).',
  'scanners.unknown': 'No existe el escáner {id}.',
  'scanners.hid_missing': 'No hay ningún escáner HID POS {port} conectado: conéctelo y luego añádalo.'
} as const satisfies Record<keyof typeof scannersEn, string>
