import type { stationEn } from '../../../shared/messages/en/station'

/** Spanish for the station codes: one entry per English code, the same placeholders (checked by a test). */
export const stationEs = {
  'unknown_method': 'No existe ningún método de estación llamado {method}.',
  'payload_too_large': 'La llamada a {method} tiene {bytes:number} bytes; el límite es {limit:number}.',
  'invalid_input': 'Datos no válidos para {method} (campo "{path}"): {problem}.',
  'internal': 'La estación no pudo completar {method}: {detail}',
  'transport': 'No se pudo contactar con la estación: {detail}',
  'forbidden': 'La estación solo acepta llamadas desde la ventana de Dockside.',
  'disconnected': 'Sin conexión con la estación.',
  'connection_lost': 'Se perdió la conexión con la estación.',
  'bad_message': 'Un mensaje para la estación debe ser texto JSON con un id numérico, un nombre de método y unos datos.',
  'not_found': 'No se encontró nada para {what}.',
  'busy': '{what} está ocupado: inténtelo de nuevo en un momento.',
  'device_unavailable': 'El dispositivo no está disponible: {detail}',
  'auth.unknown_badge': 'Esta tarjeta no está registrada para ningún operario activo.',
  'auth.wrong_pin': 'Operario o PIN incorrecto.',
  'session.operator_required': 'Elija su nombre e introduzca su PIN, o escanee su tarjeta.',
  'session.signed_in': 'Bienvenido/a, {name}.',
  'session.signed_out': 'Sesión cerrada.',
  'scanners.no_simulator': 'No hay ningún escáner simulado {device} (inicie la estación con --demo).',
  'terminal.bad_id': 'Un id de terminal tiene de 1 a 64 letras, dígitos, puntos, guiones o guiones bajos; "{id}" no lo es.',
  'terminal.unknown_workflow': 'No existe el flujo de escaneo "{workflow}" en esta estación.',
  'store.disk_full': 'El disco de {dataDir} está lleno: no se guardó nada. Libere espacio; la estación se recupera sola.',
  'store.corrupt': 'La base de datos {file} está dañada ({problem}): no se guarda nada más. Detenga la estación y restaure la copia más reciente {backup}.',
  'host.port_in_use': 'El puerto {port} de 127.0.0.1 ya está en uso (otra estación u otro programa): elija otro con --port.',
  'upload.forbidden': 'Falta el token de la estación o es incorrecto, o la página es de otro origen.',
  'upload.too_large': 'El archivo tiene {bytes:number} bytes; el límite de subida es {limit:number}.',
  'upload.empty': 'El archivo subido está vacío.',
  'upload.failed': 'La subida no se completó ({reason}).'
} satisfies Record<keyof typeof stationEn, string>
