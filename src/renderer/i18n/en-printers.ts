/** UI words: Settings → Printers (the registry, test prints, defaults per label kind) and the USB printers offered in its add form. */
export const enPrinters = {
  printers: {
    title: 'Printers',
    name: 'Name',
    address: 'Address',
    status: 'Status',
    test: 'Print a test label',
    testing: 'Printing a test label…',
    remove: 'Remove',
    add: 'Add printer',
    added: 'Printer {{name}} added',
    addressHint: 'tcp://host:9100 (network), usb://0a5f (USB Zebra, optional :PID/SERIAL), serial:///dev/ttyUSB0?baud=9600, cups:QUEUE (a raw CUPS queue).',
    stationPrinter: 'the station’s printer',
    defaultFor: { unit: 'Unit labels', carton: 'Carton labels', pallet: 'Pallet labels' }
  },
  usbPrinters: {
    title: 'USB printers found on this station',
    none: 'No USB printer is connected to this station.',
    refresh: 'Look again',
    looking: 'Looking for USB printers…',
    use: 'Use this printer',
    added: 'Added as {{printerId}}',
    serial: 'serial {{serial}}',
    unnamed: 'USB printer {{vendor}}:{{product}}'
  }
}

export type PrintersDictionary = typeof enPrinters
