import type { scansEn } from '../../../shared/messages/en/scans'

/** Spanish for the scans codes: one entry per English code, the same placeholders (checked by a test). */
export const scansEs = {
  'scan.gs1': '{text}',
  'scan.screen_takes_no_scans': 'Esta pantalla no admite escaneos: vaya a Recibir, Ubicar, Consultar o Puerta para escanear.',
  'scan.command': 'Orden: {command}.',
  'scan.unknown_command': '"{text}" es una orden de Dockside que esta estación no conoce: vuelva a imprimir la hoja de órdenes desde esta estación.',
  'scan.plain': 'Escaneado: {text}',
  'scan.empty': 'Escaneo vacío.',
  'scan.too_long': 'Escaneo demasiado largo ({bytes:number} bytes; el límite es {limit:number}): rechazado.',
  'scan.binary': 'No es un código de barras (byte de control {byte} en la posición {position}): rechazado.',
  'scan.partial': 'Escaneo cortado tras {bytes:number} bytes (escáner desconectado): escanee de nuevo.',
  'hid.bad_report': 'El escáner envió un informe dañado ({bytes:number} bytes): escanee de nuevo.',
  'scan.device_disabled': 'El escáner {device} está desactivado en esta estación: escaneo ignorado.',
  'scan.workflow_failed': 'No se pudo procesar el escaneo ({workflow}): escanee de nuevo. {detail}',
  'scan.not_taken': 'Esta pantalla ({workflow}) no usa este escaneo: {text}',
  'scan.identity_gtin': 'GTIN {gtin}',
  'scan.identity_sscc': 'SSCC {sscc}',
  'scan.identity_serial': 'serie {serial}',
  'scan.identity_lot': 'lote {lot}',
  'scan.identity_expiry': 'cad. {expiry:date}',
  'scan.identity_best_before': 'cons. pref. {bestBefore:date}',
  'scan.hint.check_digit': 'Vuelva a escanear; si falla de nuevo, la etiqueta está mal impresa: escriba el número impreso bajo el código o registre la excepción «Sin etiqueta».',
  'scan.badge': 'Se escaneó una tarjeta de operario; no se registró. Inicie sesión en la pantalla de inicio de sesión.'
} satisfies Record<keyof typeof scansEn, string>
