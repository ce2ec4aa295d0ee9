import type { PrintersDictionary } from './en-printers'

export const esPrinters: PrintersDictionary = {
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
