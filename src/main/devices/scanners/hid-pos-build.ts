/** Byte builders for HID POS scanners (the simulator and the tests): descriptors and input reports as a real scanner sends them. */
import { DOCUMENTED_LAYOUT, type HidPosLayout } from './hid-pos-report'

/**
 * A report descriptor of a HID POS scanner as the HID spec writes it, matching the documented 64-byte
 * layout. Used by the simulator and the tests; real devices send their own.
 */
export function buildScannerReportDescriptor(options: { reportId?: number; shiftBytes?: number } = {}): Uint8Array {
  const id = options.reportId ?? 0x02
  const shift = options.shiftBytes ?? 0
  return Uint8Array.from([
    0x05, 0x8c, // Usage Page (Barcode Scanner)
    0x09, 0x02, // Usage (Barcode Scanner)
    0xa1, 0x01, // Collection (Application)
    0x85, id, //   Report ID
    0x09, 0x12, //   Usage (Scanned Data Report)
    0xa1, 0x02, //   Collection (Logical)
    0x15, 0x00, //     Logical Minimum (0)
    0x26, 0xff, 0x00, //     Logical Maximum (255)
    0x75, 0x08, //     Report Size (8)
    ...(shift > 0 ? [0x95, shift, 0x81, 0x03] : []), //     Report Count (shift), Input (Const) — a vendor's extra byte
    0x95, 0x01, //     Report Count (1)
    0x05, 0x01, //     Usage Page (Generic Desktop)
    0x09, 0x3b, //     Usage (Byte Count)
    0x81, 0x02, //     Input (Data,Var,Abs)
    0x05, 0x8c, //     Usage Page (Barcode Scanner)
    0x09, 0xfb, //     Usage (Symbology Identifier 1)
    0x09, 0xfc, //     Usage (Symbology Identifier 2)
    0x09, 0xfd, //     Usage (Symbology Identifier 3)
    0x95, 0x03, //     Report Count (3)
    0x81, 0x02, //     Input (Data,Var,Abs)
    0x09, 0xfe, //     Usage (Decoded Data)
    0x95, 0x38 - shift, //     Report Count (56 - shift)
    0x82, 0x02, 0x01, //     Input (Data,Var,Abs,Buffered Bytes)
    0x06, 0x66, 0xff, //     Usage Page (Vendor 0xFF66)
    0x09, 0x01, //     Usage (vendor code id)
    0x95, 0x02, //     Report Count (2)
    0x81, 0x02, //     Input (Data,Var,Abs)
    0x05, 0x8c, //     Usage Page (Barcode Scanner)
    0x09, 0xff, //     Usage (Decoded Data Continued)
    0x25, 0x01, //     Logical Maximum (1)
    0x75, 0x01, //     Report Size (1)
    0x95, 0x01, //     Report Count (1)
    0x81, 0x02, //     Input (Data,Var,Abs)
    0x75, 0x07, //     Report Size (7)
    0x81, 0x03, //     Input (Const) — padding
    0xc0, //   End Collection
    0x06, 0x66, 0xff, //   Usage Page (Vendor 0xFF66)
    0x85, 0xfe, //   Report ID (0xFE): the Honeywell "send scans over HID POS" switch
    0x09, 0x04, //   Usage (vendor)
    0x75, 0x08, //   Report Size (8)
    0x95, 0x01, //   Report Count (1)
    0x26, 0xff, 0x00, //   Logical Maximum (255)
    0xb1, 0x02, //   Feature (Data,Var,Abs)
    0xc0 // End Collection
  ])
}

/** Splits a scan into input reports of the documented layout (the simulator's and the tests' device). */
export function buildScanReports(data: Uint8Array, options: { aim?: string; layout?: HidPosLayout; reportBytes?: number } = {}): Uint8Array[] {
  const layout = options.layout ?? DOCUMENTED_LAYOUT
  const size = options.reportBytes ?? 64
  const reports: Uint8Array[] = []
  let offset = 0
  do {
    const chunk = data.subarray(offset, offset + layout.dataLength)
    offset += chunk.length
    const report = new Uint8Array(size)
    if (layout.reportId !== 0) report[0] = layout.reportId
    if (layout.countOffset !== null) report[layout.countOffset] = chunk.length
    if (layout.aimOffsets && options.aim) layout.aimOffsets.forEach((o, i) => (report[o] = options.aim!.charCodeAt(i)))
    report.set(chunk, layout.dataOffset)
    if (layout.continued && offset < data.length) report[layout.continued.byte]! |= 1 << layout.continued.bit
    reports.push(report)
  } while (offset < data.length)
  return reports
}
