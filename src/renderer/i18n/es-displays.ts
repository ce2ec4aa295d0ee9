import type { DisplaysDictionary } from './en-displays'

export const esDisplays: DisplaysDictionary = {
  displays: {
    badge: 'Pantalla',
    readOnly: 'Pantalla de solo lectura: muestra la estación y no cambia nada.',
    pairTitle: 'Emparejar esta pantalla',
    pairHint: 'En la estación, un administrador abre Ajustes → Pantallas → Emparejar una pantalla y le lee el código.',
    code: 'Código de emparejamiento',
    name: 'Nombre de esta pantalla',
    defaultName: 'Pantalla de pared',
    pair: 'Emparejar',
    pairing: 'Emparejando…',
    notConnected: 'Esta pantalla no pudo conectarse con su emparejamiento (puede que se haya revocado): emparéjela de nuevo o vuelva a intentarlo.',
    tryAgain: 'Reintentar',
    watching: 'Mostrando',
    chooseTerminal: 'Qué puesto mostrar',
    gate: 'Puerta de carga',
    receiving: 'Recepción',
    noOrder: 'No hay ningún pedido abierto en este puesto.',
    orderProgress: '{{order}} · {{received}} de {{expected}} recibidas',
    lineProgress: '{{sku}} — {{received}} / {{expected}}',
    connection: { open: 'En directo', connecting: 'Conectando…', closed: 'Sin conexión — reconectando' },
    settings: {
      title: 'Pantallas remotas',
      off: 'Las pantallas remotas están desactivadas: inicie la estación con `dockside serve --listen DIRECCIÓN` (o `npm start -- --listen DIRECCIÓN`) para servirlas por TLS.',
      listening: 'Sirviendo pantallas remotas en https://{{address}}:{{port}}/',
      fingerprint: 'Huella del certificado (SHA-256)',
      pairButton: 'Emparejar una pantalla',
      codeIs: 'Escriba este código en la pantalla:',
      codeExpires: 'Válido una vez, hasta las {{time}}.',
      none: 'No se ha emparejado ninguna pantalla.',
      name: 'Nombre',
      created: 'Emparejada',
      lastSeen: 'Vista por última vez',
      state: 'Estado',
      active: 'activa',
      revoked: 'revocada {{time}}',
      revoke: 'Revocar',
      never: 'nunca'
    }
  }
}
