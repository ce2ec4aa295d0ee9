import type { accessEn } from '../../../shared/messages/en/access'

export const accessEs: Record<keyof typeof accessEn, string> = {
  'access.sign_in_required': 'Inicie sesión primero: {method} necesita un operario identificado.',
  'access.supervisor_required': 'Solo un supervisor puede hacer esto ({method}).',
  'access.administrator_required': 'Solo un administrador puede hacer esto ({method}).',
  'auth.locked': 'Demasiados PIN incorrectos: este operario está bloqueado durante {seconds:number} s.',
  'auth.badge_not_allowed': 'Aquí no se puede entrar solo con la tarjeta: elija su nombre e introduzca su PIN.',
  'approval.close_short': 'Cerrar {order} con {short:number} de menos necesita un supervisor: el supervisor pasa su tarjeta o introduce su PIN.',
  'approval.putaway_override': 'Dejar una unidad retenida (retirada, en cuarentena o caducada) fuera de una ubicación de retención requiere un supervisor: un supervisor escanea su tarjeta o introduce su PIN.',
  'approval.over_receipt': '{sku}: {over:number} de más sobre las {expected:number} esperadas en {order} línea {line}, por encima de la tolerancia del artículo: un supervisor lo aprueba (tarjeta o PIN), o apártelo.',
  'approval.reprint': 'Una reimpresión necesita un supervisor: el supervisor pasa su tarjeta o introduce su PIN.',
  'approval.undo_moved': '{serial} ya está ubicado ({location}): sacarlo de su ubicación necesita un supervisor — el supervisor pasa su tarjeta o introduce su PIN.',
  'approval.force_receipt': 'Recibir igualmente una unidad rechazada necesita un supervisor: el supervisor pasa su tarjeta o introduce su PIN.',
  'approval.force_option': 'Un supervisor puede recibirla igualmente: «Supervisor: recibir igualmente», o escanee ese comando y la tarjeta del supervisor.',
  'approval.release_hold': 'Liberar {serial} de la retención necesita un supervisor: el supervisor pasa su tarjeta o introduce su PIN.',
  'approval.not_supervisor': '{name} no es supervisor: un supervisor debe aprobar esto.',
  'operators.badge_taken': 'La tarjeta {badge} ya pertenece a {name}.',
  'operators.unknown': 'No existe el operario {id}.',
  'operators.last_administrator': '{name} es el último administrador activo: nombre antes a otro administrador.',
  'operators.unknown_role': 'Rol desconocido «{role}»: use operator, supervisor o administrator.',
  'operators.created': 'Operario {name} creado.',
  'operators.saved': '{name} guardado.',
  'operators.pin_reset': 'PIN de {name} restablecido.',
  'setup.done': 'Esta estación ya tiene un administrador: inicie sesión.',
  'setup.overlapping_range': 'El rango SSCC {start}–{end} se solapa con el rango {usedStart}–{usedEnd} que esta estación ya usó.',
  'audit.verified': 'La cadena de eventos está íntegra: {events:number} eventos.',
  'audit.broken': 'La cadena de eventos está rota en el evento {id}.'
}
