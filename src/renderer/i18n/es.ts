import type { Dictionary } from './en'

export const es: Dictionary = {
  app: { name: 'Dockside', demo: 'DEMO', demoHint: 'Datos de demostración y dispositivos simulados: nada de esto es stock real.' },
  nav: {
    receive: 'Recibir',
    putaway: 'Ubicar',
    label: 'Etiquetar',
    gate: 'Portal',
    lookup: 'Consultar',
    devices: 'Dispositivos',
    sync: 'Sincronizar',
    settings: 'Ajustes'
  },
  status: {
    devices: 'Dispositivos',
    devicesCount: '{{connected}} de {{total}} conectados',
    noDevices: 'ninguno',
    printer: 'Impresora',
    noPrinter: 'sin asignar',
    sync: 'Sincronización',
    operator: 'Operario',
    signedOut: 'sin sesión',
    connection: 'Estación',
    connected: 'conectada',
    connecting: 'conectando…',
    disconnected: 'desconectada'
  },
  syncState: {
    'not-configured': 'sin configurar',
    idle: 'al día',
    syncing: 'sincronizando',
    offline: 'sin conexión',
    error: 'error'
  },
  deviceState: { connected: 'conectado', disconnected: 'desconectado', error: 'error', disabled: 'desactivado' },
  deviceKind: { scanner: 'Escáner', printer: 'Impresora', 'rfid-reader': 'Lector RFID' },
  signIn: {
    title: 'Iniciar sesión',
    scanBadge: 'Escanee su credencial',
    badgeLabel: 'Credencial',
    or: 'o elija su nombre e introduzca su PIN',
    pinLabel: 'PIN',
    submit: 'Entrar',
    clear: 'Borrar',
    signOut: 'Cerrar sesión',
    welcome: 'Bienvenido/a, {{name}}',
    demoPins: 'Operarios de demostración: Ana García PIN 1234 (credencial OP-0001), Ben Okafor PIN 4321 (credencial OP-0002).'
  },
  empty: {
    receive: 'La recepción contra órdenes de compra y ASN llega con la función de recepción. Aún no hay nada que recibir.',
    putaway: 'La ubicación llega con la función de recepción. No hay matrículas pendientes.',
    label: 'La impresión de etiquetas llega con la función de etiquetas. Aún no hay trabajos de impresión.',
    gate: 'El portal RFID llega con la función de portal. Ningún lector está leyendo.',
    lookup: 'La consulta del historial de una unidad llega con la función de recepción.',
    devicesNone: 'Esta estación aún no conoce ningún dispositivo.'
  },
  devices: {
    title: 'Dispositivos',
    name: 'Dispositivo',
    kind: 'Tipo',
    transport: 'Conexión',
    state: 'Estado',
    lastSeen: 'Visto por última vez',
    lastError: 'Último error',
    simulated: 'simulado'
  },
  sync: {
    title: 'Sincronización',
    state: 'Estado',
    pending: 'Eventos pendientes de envío',
    lastSync: 'Última sincronización',
    never: 'nunca',
    notConfigured: 'No hay servidor central configurado. Cada cambio se guarda en la bandeja de salida y se enviará cuando se configure la sincronización.'
  },
  settings: {
    title: 'Ajustes de la estación',
    stationName: 'Nombre de la estación',
    site: 'Almacén',
    dock: 'Muelle / puerta',
    language: 'Idioma',
    printerId: 'Impresora de etiquetas',
    rfidReaderId: 'Lector RFID',
    scannerIds: 'Escáneres',
    none: 'ninguno',
    wedgeGs: 'Texto del escáner para GS (separado por comas)',
    save: 'Guardar',
    saved: 'Ajustes guardados',
    diagnostics: 'Exportar diagnóstico',
    diagnosticsDone: 'Diagnóstico guardado en {{path}}',
    stationId: 'Id de la estación',
    dataDir: 'Carpeta de datos',
    version: 'Versión'
  },
  languages: { en: 'English', es: 'Español' },
  common: { error: 'Error', loading: 'Cargando…', yes: 'sí', no: 'no' }
}
