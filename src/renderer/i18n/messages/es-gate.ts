import type { gateEn } from '../../../shared/messages/en/gate'

/** Spanish for the gate codes: one entry per English code, the same placeholders (checked by a test). */
export const gateEs = {
  'gate.tag.not_on_shipment': 'Es nuestro, pero no está en el envío {shipment}.',
  'gate.tag.on_hold': 'Bloqueado ({status}): no debe salir.',
  'gate.tag.recalled': 'Lote retirado: no debe salir.',
  'gate.tag.already_shipped': 'Ya se expidió.',
  'gate.tag.bad_epc': 'EPC ilegible: {reason}',
  'gate.end.silence': 'Terminado tras {ms:number} ms sin lecturas.',
  'gate.end.button': 'Terminado por el operario.',
  'gate.end.scan': 'Terminado con un escaneo.',
  'gate.end.reset': 'Terminado: la sesión se reinició o se sustituyó.',
  'gate.end.restart': 'Terminado: la estación se detuvo mientras leía.',
  'gate.unknown_session': 'La sesión de puerta {sessionId:number} no existe.',
  'gate.no_session': 'No hay sesión de puerta en este terminal: elija un envío y empiece.',
  'gate.session_closed': 'Esta sesión de puerta ya está {state}.',
  'gate.unknown_shipment': 'El envío {shipment} no existe: impórtelo primero.',
  'gate.shipment_closed': 'El envío {shipment} está {status}: no se puede cargar otra vez.',
  'gate.unknown_door': 'La puerta {door} no es una ubicación de puerta o muelle de esta estación.',
  'gate.free_read_confirm': 'Una lectura libre no tiene envío que confirmar.',
  'gate.unexpected_present': '{n:number} {n:plural:etiqueta inesperada:etiquetas inesperadas} en la puerta: retírelas (o retenga la carga) antes de confirmar.',
  'gate.reason_required': 'Solo se leyeron {loaded:number} de {expected:number} unidades: indique un motivo para confirmar una carga parcial.',
  'gate.nothing_to_ship': 'No se leyó ninguna unidad esperada: no hay nada que confirmar.',
  'gate.confirmed': 'Envío {shipment} cargado: {shipped:number} {shipped:plural:unidad expedida:unidades expedidas}.'
} satisfies Record<keyof typeof gateEn, string>
