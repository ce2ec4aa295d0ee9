import type { ScanningDictionary } from './en-scanning'

export const esScanning: ScanningDictionary = {
  wedgeCal: {
    title: 'Ritmo del lector de teclado (este terminal)',
    none: 'Sin calibrar: se aplican los ajustes de la estación. Los escaneos de un lector lento (Bluetooth) se marcan como "demasiado lentos" hasta calibrarlo.',
    learned: 'Calibrado: teclas separadas hasta {{interKeyMs}} ms forman un escaneo (pausa más lenta medida: {{measuredMs}} ms).',
    start: 'Calibrar con un escaneo de prueba',
    scanNow: 'Escanee ahora cualquier código',
    forget: 'Olvidar la calibración',
    tooShort: 'Ese escaneo es demasiado corto para medirlo: escanee un código de al menos 4 caracteres.'
  },
  printAgain: { reason: 'Imprimir otra vez (última etiqueta de este terminal)', queued: 'Imprimiendo otra vez: etiqueta {{template}}, trabajo {{id}}.' },
  wedge: { tooSlow: 'Escaneo demasiado lento para este terminal: calibre el lector en la pantalla Dispositivos y vuelva a escanear.' },
  commands: {
    undo: 'Deshacer el último escaneo',
    'close-order': 'Cerrar pedido',
    'new-pallet': 'Palé nuevo',
    'exception-damaged': 'Incidencia: dañado',
    'exception-no-label': 'Incidencia: sin etiqueta',
    'exception-wrong-item': 'Incidencia: artículo equivocado',
    'exception-unexpected-serial': 'Incidencia: número de serie inesperado',
    'receive-anyway': 'Supervisor: recibir igualmente',
    'print-pallet-label': 'Imprimir etiqueta del palé',
    'print-again': 'Imprimir otra vez',
    'sign-out': 'Cerrar sesión',
    confirm: 'Confirmar',
    cancel: 'Cancelar',
    'go-receive': 'Ir a Recibir',
    'go-putaway': 'Ir a Ubicar',
    'go-lookup': 'Ir a Consultar',
    'go-label': 'Ir a Etiquetas',
    'go-gate': 'Ir a Puerta',
    'gate-start': 'Empezar a leer el envío elegido',
    'gate-free-read': 'Lectura libre',
    'gate-end': 'Terminar la lectura',
    'gate-hold': 'Retener la carga (motivo escrito, o «retenida en la puerta»)',
    'gate-hold-missing': 'Retener la carga: faltan unidades',
    'gate-hold-unexpected': 'Retener la carga: etiquetas inesperadas',
    'gate-hold-damaged': 'Retener la carga: mercancía dañada',
    'gate-reset': 'Vaciar la puerta',
    'sync-now': 'Sincronizar ahora',
    'lookup-order': 'Historial: más reciente o más antiguo primero',
    notHere: '{{command}}: no disponible en esta pantalla.',
    sheet: 'Hoja de órdenes (PDF)',
    sheetTitle: 'Códigos de órdenes de Dockside: {{screen}}'
  }
}
