import type { syncEn } from '../../../shared/messages/en/sync'

/** Spanish for the sync codes: one entry per English code, the same placeholders (checked by a test). */
export const syncEs = {
  'sync.not_configured': 'No hay servidor central: introduzca su URL y el token de esta estación en Ajustes.',
  'sync.bad_url': 'La URL del servidor "{url}" no es una URL http:// ni https://.',
  'sync.unreachable': 'No se pudo contactar con el servidor central en {url}: {detail}.',
  'sync.http_status': 'El servidor central respondió {status:number} a {what}: {detail}.',
  'sync.bad_response': 'No se entendió la respuesta del servidor central a {what}: {detail}.',
  'sync.unauthorized': 'El servidor central rechazó el token de esta estación (erróneo, revocado o ausente): cree uno con "dockside-server token create --station {station}".',
  'sync.event_refused': 'El evento {uuid} ({type}) no se puede enviar al servidor: {problem}.',
  'sync.no_such_conflict': 'No hay ningún conflicto de sincronización abierto {id}.',
  'sync.conflict_raised': 'El número de serie {serial} (GTIN {gtin}) se recibió en {stations}: posible falsificación, se conserva en todas las estaciones para un supervisor.',
  'sync.conflict_resolved': 'Conflicto del número de serie {serial} (GTIN {gtin}) resuelto: {note}',
  'sync.master_refused': 'Los datos maestros de tipo {kind} del servidor no se pudieron aplicar aquí: {problem}.',
  'sync.lot_recalled': 'El lote {lot} de {sku} está retirado por el servidor central: {reason}'
} as const satisfies Record<keyof typeof syncEn, string>
