import type { putawayEn } from '../../../shared/messages/en/putaway'

/** Spanish for the putaway codes: one entry per English code, the same placeholders (checked by a test). */
export const putawayEs = {
  'putaway.subject': '{code}: ubíquelo en {bin} y escanee la etiqueta del hueco.',
  'putaway.describe_unit': '{sku} {description} (matrícula {plate})',
  'putaway.describe_plate': '{units:number} {units:plural:unidad:unidades} en {plates:number} {plates:plural:matrícula:matrículas}',
  'putaway.why_default_bin': 'hueco habitual de {sku}',
  'putaway.why_zone': 'hueco más vacío de la zona {zone} (regla de ubicación de {sku})',
  'putaway.note_no_rule': 'Este artículo no tiene regla de hueco: ubíquelo en cualquier hueco.',
  'putaway.location_inactive': '{bin} no está en uso (inactivo): elija otro hueco.',
  'putaway.not_a_bin': '{bin} es un {kind}, no un hueco ni una estantería: escanee la etiqueta del hueco.',
  'putaway.moved': '{code} ubicado en {bin}: {units:number} {units:plural:unidad:unidades}.',
  'putaway.moved_elsewhere': '{code} ubicado en {bin}: {units:number} {units:plural:unidad:unidades}. Nota: el hueco sugerido era {suggested}.',
  'putaway.plate_not_open': 'La matrícula {plate} está {status}.',
  'putaway.onto_plate': 'El número de serie {serial} está ahora en la matrícula {plate} en {location}.',
  'putaway.subject_first': '{location} es una ubicación: escanee primero la matrícula o la unidad que quiere ubicar.',
  'putaway.unknown_plate': 'La matrícula {plate} no se conoce aquí: recíbala primero.',
  'putaway.not_movable': '{code} está {status}: no se puede ubicar.',
  'putaway.unknown_location': 'Ninguna ubicación tiene el GLN {gln}.',
  'putaway.unknown_unit': 'El número de serie {serial} nunca se recibió aquí.',
  'putaway.gtin_only': 'Eso es un código de producto (GTIN): escanee el número de serie o el DataMatrix de la unidad, o la matrícula.',
  'putaway.unknown_code': '"{code}" no es una matrícula, unidad ni ubicación que esta estación conozca.',
  'putaway.ambiguous': 'El número de serie {serial} existe para varios artículos: escanee el DataMatrix (GTIN + número de serie).',
  'putaway.subject_recalled': '{code}: lote {lot} de {sku} RETIRADO (recall). Ubíquelo solo en la ubicación de cuarentena {bin} y escanee su etiqueta.',
  'putaway.subject_quarantined': '{code}: {sku} (lote {lot}) está en CUARENTENA. Ubíquelo solo en la ubicación de cuarentena {bin} y escanee su etiqueta.',
  'putaway.subject_expired': '{code}: {sku} lote {lot} CADUCÓ el {expiry:date}. Ubíquelo solo en la ubicación de cuarentena {bin} y escanee su etiqueta.',
  'putaway.note_no_hold_location': 'Esta estación no tiene ubicación de cuarentena (retención): pida a un supervisor que la configure.',
  'putaway.hold_only': '{bin} no es una ubicación de cuarentena y {code} está retenido: escanee una ubicación de cuarentena ({suggested}). Solo un supervisor puede autorizar otra.',
  'putaway.moved_override': '{code} ubicado en {bin} con autorización de supervisor ({reason}): {units:number} {units:plural:unidad retenida:unidades retenidas} fuera de cuarentena.'
} satisfies Record<keyof typeof putawayEn, string>
