import type { lookupEn } from '../../../shared/messages/en/lookup'

/** Spanish for the lookup codes: one entry per English code, the same placeholders (checked by a test). */
export const lookupEs = {
  'lookup.empty': 'Escanee o escriba un código para consultar.',
  'lookup.unknown': 'Código desconocido "{code}": ninguna unidad, matrícula ni ubicación de aquí lo tiene.',
  'lookup.gtin_only': 'El GTIN {gtin} identifica un producto, no una unidad: escanee el número de serie (o el DataMatrix con el número de serie).',
  'lookup.unit': '{sku} serie {serial}: {status} en {location}, {events:number} {events:plural:evento:eventos}.',
  'lookup.plate': 'Matrícula {plate}: {status} en {location}, {units:number} {units:plural:unidad:unidades}.',
  'lookup.location': '{location} ({kind}): {units:number} {units:plural:unidad:unidades}.',
  'lookup.choices': 'El número de serie {serial} existe para {items:number} artículos: elija uno.',
  'timeline.unit.received': 'Recibido en {order}, línea {line}: matrícula {plate}, en {location}; lote {lot}, caducidad {expiry:date}, fabricado {madeAt:date} en {productionLine}, turno {shift}; vía {via}.',
  'timeline.unit.receipt_undone': 'Recepción deshecha en {order} (estaba en la matrícula {plate}).',
  'timeline.unit.exception': 'Incidencia "{reason}" en {order}: {note}',
  'timeline.unit.exception_undone': 'Incidencia "{reason}" deshecha en {order}.',
  'timeline.order.exception': 'Incidencia "{reason}" en {order}: {qty:number} × {sku}.',
  'timeline.order.exception_undone': 'Incidencia "{reason}" deshecha en {order}.',
  'timeline.order.receipt_undone': 'Recepción de {qty:number} deshecha en {order}.',
  'timeline.unit.stored': 'Ubicado en {to} desde {from} (matrícula {plate}).',
  'timeline.unit.stored_elsewhere': 'Ubicado en {to} desde {from} (matrícula {plate}); el hueco sugerido era {suggestion}.',
  'timeline.unit.moved_to_plate': 'Puesto en la matrícula {plate} en {location}.',
  'timeline.plate.created': 'Matrícula {code} creada ({source}) para {order}.',
  'timeline.plate.received': 'Recibida entera en {order}: {units:number} {units:plural:unidad:unidades} en {plates:number} {plates:plural:matrícula:matrículas}.',
  'timeline.plate.moved': 'Movida a {to} desde {from} con {units:number} {units:plural:unidad:unidades}.',
  'timeline.label.printed': 'Etiqueta impresa ({template}).',
  'timeline.label.reprinted': 'Etiqueta reimpresa ({template}): {reason}',
  'timeline.label.reprint_requested': 'Reimpresión solicitada: {reason}',
  'timeline.label.print_uncertain': 'Impresión de etiqueta incierta (la impresora no lo confirmó).',
  'timeline.label.print_failed': 'Falló la impresión de la etiqueta.',
  'timeline.order.quantity_received': 'Recibido {qty:number} × {sku} en {order}.',
  'timeline.order.receiving_started': 'Recepción iniciada en {order}.',
  'timeline.order.closed': 'Pedido {order} cerrado: {received:number} de {expected:number} recibidos.',
  'timeline.other': '{type} ({reason})'
} satisfies Record<keyof typeof lookupEn, string>
