import type { holdsEn } from '../../../shared/messages/en/holds'

/** Liberar unidades retenidas (ADR 0019). */
export const holdsEs: Record<keyof typeof holdsEn, string> = {
  'holds.released': '{serial} ({sku}) liberado de la retención a stock disponible en {location}, aprobado por {approver}.',
  'holds.not_held': '{serial} no está retenido ({status}): no hay nada que liberar.',
  'holds.unknown_unit': 'No hay ninguna unidad {code} en el sistema.',
  'holds.ambiguous': 'El número de serie {serial} pertenece a varios artículos: búsquelo por su código de barras completo.',
  'holds.lot_recalled': '{serial} ({sku}) es del lote retirado {lot}: solo el proveedor puede levantar una retirada (una importación de lotes lo marca como liberado); la estación no puede liberarlo.',
  'holds.lot_quarantined': '{serial} ({sku}) está retenido porque el lote {lot} está en cuarentena en los datos maestros: la liberación del lote llega con una importación de lotes, no desde esta estación.',
  'holds.expired': '{serial} ({sku}) caducó el {expiry:date}: la mercancía caducada sigue retenida (devuélvala o destrúyala); un supervisor no puede liberarla.'
}
