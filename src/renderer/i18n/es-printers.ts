import type { PrintersDictionary } from './en-printers'

export const esPrinters: PrintersDictionary = {
  printers: {
    title: 'Impresoras',
    name: 'Nombre',
    address: 'Dirección',
    status: 'Estado',
    test: 'Imprimir etiqueta de prueba',
    testing: 'Imprimiendo etiqueta de prueba…',
    remove: 'Quitar',
    add: 'Añadir impresora',
    added: 'Impresora {{name}} añadida',
    addressHint: 'tcp://host:9100 (red), usb://0a5f (Zebra USB, opcional :PID/SERIE), serial:///dev/ttyUSB0?baud=9600, cups:COLA (una cola CUPS en bruto).',
    stationPrinter: 'la impresora de la estación',
    defaultFor: { unit: 'Etiquetas de unidad', carton: 'Etiquetas de caja', pallet: 'Etiquetas de palé' }
  },
  usbPrinters: {
    title: 'Impresoras USB encontradas en esta estación',
    none: 'No hay ninguna impresora USB conectada a esta estación.',
    refresh: 'Buscar de nuevo',
    looking: 'Buscando impresoras USB…',
    use: 'Usar esta impresora',
    added: 'Añadida como {{printerId}}',
    serial: 'n.º de serie {{serial}}',
    unnamed: 'Impresora USB {{vendor}}:{{product}}'
  }
}
