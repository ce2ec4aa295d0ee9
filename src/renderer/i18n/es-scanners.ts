import type { ScannersDictionary } from './en-scanners'

/** Palabras de la interfaz: Ajustes → Escáneres. */
export const esScanners: ScannersDictionary = {
  scannerSetup: {
    title: 'Escáneres',
    none: 'Aún no se ha añadido ningún escáner: añada un escáner serie abajo. Los escáneres HID POS se detectan solos.',
    name: 'Nombre',
    port: 'Puerto',
    baud: 'Baudios',
    suffix: 'Sufijo',
    state: 'Estado',
    terminal: 'Los escaneos van a',
    lastUsed: 'La pantalla usada por última vez',
    thisScreen: '{{id}} (esta pantalla)',
    enable: 'Activar',
    disable: 'Desactivar',
    remove: 'Quitar',
    removed: 'Escáner {{name}} quitado.',
    added: 'Escáner {{name}} añadido: escanee algo para probarlo.',
    addTitle: 'Añadir un escáner serie',
    pickPort: 'Puerto serie',
    typePort: '— escriba una ruta abajo —',
    typedPath: 'o escriba su ruta (p. ej. /dev/serial/by-id/…)',
    portHint: 'Una ruta /dev/serial/by-id/… sigue nombrando el mismo escáner en cualquier puerto USB.',
    scannerPort: 'escáner',
    registered: 'añadido',
    add: 'Añadir escáner',
    suffixes: { cr: 'CR', lf: 'LF', crlf: 'CR LF', tab: 'TAB', none: 'Ninguno (un silencio termina el escaneo)' },
    testBox: 'Último escaneo',
    testEmpty: 'Escanee un código con este escáner: aparecerá aquí.',
    testGot: 'Recibido',
    hidTitle: 'Escáneres HID POS detectados',
    hidNone: 'No hay ningún escáner HID POS conectado.',
    hidAdd: 'Añadir',
    look: 'Buscar escáneres ahora',
    refused: 'No añadido: {{reason}}'
  }
}
