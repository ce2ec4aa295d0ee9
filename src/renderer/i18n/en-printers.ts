/** UI words: USB printers offered in Settings → Printers' add form. */
export const enPrinters = {
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
