import type { displaysEn } from '../../../shared/messages/en/displays'

export const displaysEs: Record<keyof typeof displaysEn, string> = {
  'displays.listen_unavailable': 'No se puede escuchar en {address} puerto {port}: {reason}. Elija una dirección de esta máquina (o 0.0.0.0) y un puerto libre.',
  'displays.port_in_use': 'El puerto {port} de {address} ya está en uso (otra estación u otro programa): elija otro con --port.',
  'displays.certificate_unreadable': 'No se puede leer el certificado de la estación en {path} ({reason}): aparte la carpeta tls para crear uno nuevo (las pantallas emparejadas deberán confiar en la nueva huella).',
  'displays.code_wrong': 'Ese código de emparejamiento no es válido: compruébelo en la estación (Ajustes → Pantallas) y escríbalo de nuevo.',
  'displays.code_expired': 'Ese código de emparejamiento ha caducado: cree uno nuevo en la estación (Ajustes → Pantallas).',
  'displays.code_used': 'Ese código de emparejamiento ya se usó: cree uno nuevo en la estación (Ajustes → Pantallas).',
  'displays.too_many_attempts': 'Demasiados intentos de emparejamiento: espere {seconds:number} s y vuelva a intentarlo.',
  'displays.bad_request': 'Una petición de emparejamiento es un objeto JSON con un código y un nombre: {problem}.',
  'displays.read_only': 'Esta pantalla es de visualización: muestra la estación pero no puede cambiar nada ({method}).',
  'displays.pair_required': 'Esta pantalla no está emparejada con la estación: emparéjela con un código de Ajustes → Pantallas.',
  'displays.revoked': 'Esta pantalla fue revocada en la estación: emparéjela de nuevo con un código nuevo.',
  'displays.unknown': 'No existe la pantalla {id}.',
  'displays.paired': 'Pantalla {name} emparejada.',
  'displays.revoked_done': 'Pantalla {name} revocada.'
}
