/**
 * HID POS barcode scanners (usage page 0x8C): the report descriptor parser that finds where a scan's
 * fields sit in an input report, and the assembler that turns input reports into scans.
 * Pure code: bytes in, values out. Sources: HID 1.11 §6.2.2 (report descriptor items), HID Usage
 * Tables page 0x8C (Barcode Scanner) and HID POS Usage Tables 1.02.
 */
import { MAX_SCAN_BYTES } from './types'

export const USAGE_PAGE_BARCODE_SCANNER = 0x8c
export const USAGE_BARCODE_SCANNER = 0x02
export const USAGE_SCANNED_DATA_REPORT = 0x12
export const USAGE_SYMBOLOGY_ID_1 = 0xfb
export const USAGE_SYMBOLOGY_ID_2 = 0xfc
export const USAGE_SYMBOLOGY_ID_3 = 0xfd
export const USAGE_DECODED_DATA = 0xfe
export const USAGE_DECODED_DATA_CONTINUED = 0xff
/** Generic Desktop (0x01) Byte Count: how many Decoded Data bytes a report carries. */
export const USAGE_PAGE_GENERIC_DESKTOP = 0x01
export const USAGE_BYTE_COUNT = 0x3b

export type ReportType = 'input' | 'output' | 'feature'

/** One main item's fields after the global and local state were applied. */
export interface DescriptorField {
  type: ReportType
  reportId: number
  /** Bit offset within the report, not counting the report id byte. */
  bitOffset: number
  bitSize: number
  count: number
  /** Usages of the fields as `page << 16 | id`, one per field for variables (last one repeats). */
  usages: number[]
  flags: number
  /** Constant (padding) fields have no usage. */
  constant: boolean
  /** Buffered Bytes (bit 8): the whole item is one byte string. */
  buffered: boolean
  /** Usage (page<<16|id) of each enclosing collection, outermost first. */
  collections: number[]
}

export interface ParsedDescriptor {
  fields: DescriptorField[]
  /** Report ids in use; empty when the device uses no report ids (then reports carry no id byte). */
  reportIds: number[]
  /** Application collections' usages (`page << 16 | id`). */
  applications: number[]
}

export class DescriptorError extends Error {}

const u = (page: number, id: number) => ((page & 0xffff) << 16) | (id & 0xffff)

/** Parses a HID report descriptor into its fields with their bit offsets per report id and type. */
export function parseReportDescriptor(bytes: Uint8Array): ParsedDescriptor {
  interface Globals {
    usagePage: number
    reportSize: number
    reportCount: number
    reportId: number
  }
  let g: Globals = { usagePage: 0, reportSize: 0, reportCount: 0, reportId: 0 }
  const stack: Globals[] = []
  let usages: number[] = []
  let usageMin: number | null = null
  const collections: number[] = []
  const applications: number[] = []
  const fields: DescriptorField[] = []
  const reportIds = new Set<number>()
  const offsets = new Map<string, number>()
  const resetLocals = () => {
    usages = []
    usageMin = null
  }
  const full = (value: number, size: number) => (size === 4 ? value >>> 0 : u(g.usagePage, value))

  let i = 0
  while (i < bytes.length) {
    const prefix = bytes[i]!
    if (prefix === 0xfe) {
      // long item: FE size tag data…
      if (i + 2 >= bytes.length) throw new DescriptorError(`Truncated long item at byte ${i}.`)
      i += 3 + bytes[i + 1]!
      continue
    }
    const sizeCode = prefix & 0x03
    const size = sizeCode === 3 ? 4 : sizeCode
    const type = (prefix >> 2) & 0x03
    const tag = (prefix >> 4) & 0x0f
    if (i + 1 + size > bytes.length) throw new DescriptorError(`Truncated item at byte ${i}.`)
    let value = 0
    for (let b = 0; b < size; b++) value |= bytes[i + 1 + b]! << (8 * b)
    value >>>= 0
    i += 1 + size
    if (type === 0) {
      // Main items: 8 Input, 9 Output, B Feature, A Collection, C End Collection
      if (tag === 0x8 || tag === 0x9 || tag === 0xb) {
        const rtype: ReportType = tag === 0x8 ? 'input' : tag === 0x9 ? 'output' : 'feature'
        const key = `${rtype}:${g.reportId}`
        const bitOffset = offsets.get(key) ?? 0
        const constant = (value & 0x01) !== 0
        const fieldUsages = usages.length > 0 ? usages : usageMin !== null ? [usageMin] : []
        fields.push({
          type: rtype,
          reportId: g.reportId,
          bitOffset,
          bitSize: g.reportSize,
          count: g.reportCount,
          usages: fieldUsages,
          flags: value,
          constant,
          buffered: (value & 0x100) !== 0,
          collections: [...collections]
        })
        offsets.set(key, bitOffset + g.reportSize * g.reportCount)
        if (g.reportId !== 0) reportIds.add(g.reportId)
        resetLocals()
      } else if (tag === 0xa) {
        const usage = usages[0] ?? 0
        collections.push(usage)
        if (value === 0x01) applications.push(usage)
        resetLocals()
      } else if (tag === 0xc) {
        if (collections.length === 0) throw new DescriptorError(`End Collection without a Collection at byte ${i - 1 - size}.`)
        collections.pop()
        resetLocals()
      } else {
        throw new DescriptorError(`Unknown main item tag 0x${tag.toString(16)} at byte ${i - 1 - size}.`)
      }
    } else if (type === 1) {
      // Global items
      switch (tag) {
        case 0x0:
          g.usagePage = value
          break
        case 0x7:
          g.reportSize = value
          break
        case 0x8:
          if (value === 0 || value > 0xff) throw new DescriptorError(`Report ID ${value} is out of range.`)
          g.reportId = value
          break
        case 0x9:
          g.reportCount = value
          break
        case 0xa:
          stack.push({ ...g })
          break
        case 0xb: {
          const popped = stack.pop()
          if (!popped) throw new DescriptorError('Pop without Push.')
          g = popped
          break
        }
        default:
          break // logical/physical min/max, unit, exponent: not needed to locate fields
      }
    } else if (type === 2) {
      // Local items: 0 Usage, 1 Usage Minimum, 2 Usage Maximum
      if (tag === 0x0) usages.push(full(value, size))
      else if (tag === 0x1) usageMin = full(value, size)
      else if (tag === 0x2 && usageMin !== null) {
        const max = full(value, size)
        for (let x = usageMin; x <= max && usages.length < 1024; x++) usages.push(x)
        usageMin = null
      }
    } else {
      throw new DescriptorError(`Reserved item type at byte ${i - 1 - size}.`)
    }
    if (fields.length > 4096) throw new DescriptorError('The descriptor has too many fields.')
  }
  if (collections.length > 0) throw new DescriptorError('The descriptor ends inside a collection.')
  return { fields, reportIds: [...reportIds].sort((a, b) => a - b), applications }
}

/** Where a scan's parts sit in an input report, as byte offsets in the report as node-hid returns it. */
export interface HidPosLayout {
  /** The input report id; 0 when the device uses none (then there is no id byte). */
  reportId: number
  /** Offset of the Byte Count field, or null when absent (then the data ends at the first NUL). */
  countOffset: number | null
  /** Offsets of the three AIM identifier bytes, or null when the report carries none. */
  aimOffsets: [number, number, number] | null
  dataOffset: number
  dataLength: number
  /** Byte and bit of Decoded Data Continued, or null when the device never splits a scan. */
  continued: { byte: number; bit: number } | null
  /** Where the layout came from. */
  source: 'descriptor' | 'documented'
}

/**
 * The documented 64-byte layout (Honeywell, Zebra, Datalogic): [0] report id 0x02, [1] byte count,
 * [2..4] AIM id, [5..60] data, [61..62] vendor, [63] bit 0 = more reports follow.
 */
export const DOCUMENTED_LAYOUT: HidPosLayout = {
  reportId: 0x02,
  countOffset: 1,
  aimOffsets: [2, 3, 4],
  dataOffset: 5,
  dataLength: 56,
  continued: { byte: 63, bit: 0 },
  source: 'documented'
}

/** Finds the Scanned Data Report in a parsed descriptor; null when the device has none. */
export function layoutFromDescriptor(descriptor: ParsedDescriptor): HidPosLayout | null {
  const inputs = descriptor.fields.filter((f) => f.type === 'input')
  const dataField = inputs.find((f) => f.usages.includes(u(USAGE_PAGE_BARCODE_SCANNER, USAGE_DECODED_DATA)) && f.bitSize === 8 && f.bitOffset % 8 === 0)
  if (!dataField) return null
  const reportId = dataField.reportId
  const same = inputs.filter((f) => f.reportId === reportId)
  const idBytes = reportId === 0 ? 0 : 1
  const byteAt = (bitOffset: number) => idBytes + Math.floor(bitOffset / 8)
  // A usage's position inside a variable item: the index of its usage (the last usage repeats).
  const locate = (usage: number): { byte: number; bit: number } | null => {
    for (const f of same) {
      const index = f.usages.indexOf(usage)
      if (index < 0 || f.constant) continue
      const fieldIndex = Math.min(index, f.count - 1)
      const bit = f.bitOffset + fieldIndex * f.bitSize
      return { byte: byteAt(bit), bit: bit % 8 }
    }
    return null
  }
  const count = locate(u(USAGE_PAGE_GENERIC_DESKTOP, USAGE_BYTE_COUNT))
  const sym = [USAGE_SYMBOLOGY_ID_1, USAGE_SYMBOLOGY_ID_2, USAGE_SYMBOLOGY_ID_3].map((id) => locate(u(USAGE_PAGE_BARCODE_SCANNER, id)))
  const continued = locate(u(USAGE_PAGE_BARCODE_SCANNER, USAGE_DECODED_DATA_CONTINUED))
  return {
    reportId,
    countOffset: count ? count.byte : null,
    aimOffsets: sym.every((s) => s !== null) ? (sym.map((s) => s!.byte) as [number, number, number]) : null,
    dataOffset: byteAt(dataField.bitOffset),
    dataLength: dataField.count,
    continued,
    source: 'descriptor'
  }
}

export type AssemblerResult =
  | { kind: 'scan'; data: Uint8Array; symbology?: string }
  | { kind: 'partial' }
  | { kind: 'ignored'; reason: string }
  | { kind: 'rejected'; code: string; reason: string; data: Uint8Array }

/** A printable AIM id `]Xm`, or undefined for zeros or anything else. */
function readAim(report: Uint8Array, offsets: readonly [number, number, number]): string | undefined {
  const bytes = offsets.map((o) => report[o] ?? 0)
  if (bytes[0] !== 0x5d) return undefined
  if (!bytes.slice(1).every((b) => b > 0x20 && b < 0x7f)) return undefined
  return String.fromCharCode(...bytes)
}

/**
 * Turns a device's input reports into scans: checks the report id and length, reads the byte count
 * and AIM id, and joins reports while Decoded Data Continued is set. Scans longer than `maxBytes` are
 * rejected (once, when their last report arrives). One assembler per device.
 */
export class HidPosAssembler {
  private parts: Uint8Array[] = []
  private length = 0
  private total = 0
  private symbology: string | undefined
  constructor(
    readonly layout: HidPosLayout,
    private readonly maxBytes = MAX_SCAN_BYTES
  ) {}

  /** Whether a scan is half received (for unplug handling). */
  pending(): boolean {
    return this.total > 0
  }

  /** Drops a half-received scan and returns its bytes (the device went away). */
  discard(): Uint8Array | null {
    if (this.total === 0) return null
    const data = this.take()
    return data
  }

  feed(report: Uint8Array): AssemblerResult {
    const l = this.layout
    const id = l.reportId === 0 ? 0 : report[0]
    if (l.reportId !== 0 && id !== l.reportId) return { kind: 'ignored', reason: `report id 0x${(id ?? 0).toString(16)} is not the scanned-data report` }
    const minLength = l.dataOffset
    if (report.length < minLength) {
      return this.reject('hid.bad_report', `The input report is ${report.length} bytes; a scanned-data report needs at least ${minLength}.`, report)
    }
    const available = Math.max(0, Math.min(l.dataLength, report.length - l.dataOffset))
    let count: number
    if (l.countOffset !== null) {
      count = report[l.countOffset] ?? 0
      if (count > l.dataLength) {
        return this.reject('hid.bad_report', `The report says it carries ${count} bytes; it has room for ${l.dataLength}.`, report)
      }
      if (count > available) return this.reject('hid.bad_report', `The report says it carries ${count} bytes but is only ${report.length} bytes long.`, report)
    } else {
      const region = report.subarray(l.dataOffset, l.dataOffset + available)
      const nul = region.indexOf(0)
      count = nul < 0 ? available : nul
    }
    if (this.total === 0 && l.aimOffsets) this.symbology = readAim(report, l.aimOffsets)
    const data = report.subarray(l.dataOffset, l.dataOffset + count)
    this.total += data.length
    if (this.length + data.length <= this.maxBytes) {
      this.parts.push(Uint8Array.from(data))
      this.length += data.length
    } else if (this.length < this.maxBytes) {
      this.parts.push(Uint8Array.from(data.subarray(0, this.maxBytes - this.length)))
      this.length = this.maxBytes
    }
    const more = l.continued ? ((report[l.continued.byte] ?? 0) >> l.continued.bit) & 1 : 0
    if (more) return { kind: 'partial' }
    const total = this.total
    const symbology = this.symbology
    const assembled = this.take()
    if (total > this.maxBytes) return { kind: 'rejected', code: 'scan.too_long', reason: `The scan is ${total} bytes; the limit is ${this.maxBytes}. It was discarded.`, data: assembled }
    if (assembled.length === 0) return { kind: 'ignored', reason: 'empty scanned-data report' }
    return symbology === undefined ? { kind: 'scan', data: assembled } : { kind: 'scan', data: assembled, symbology }
  }

  private reject(code: string, reason: string, report: Uint8Array): AssemblerResult {
    // A broken report also ends any scan in progress: its earlier parts cannot be trusted.
    const earlier = this.take()
    const data = new Uint8Array(earlier.length + Math.min(report.length, 64))
    data.set(earlier)
    data.set(report.subarray(0, 64), earlier.length)
    return { kind: 'rejected', code, reason, data }
  }

  private take(): Uint8Array {
    const out = new Uint8Array(this.length)
    let o = 0
    for (const p of this.parts) {
      out.set(p, o)
      o += p.length
    }
    this.parts = []
    this.length = 0
    this.total = 0
    this.symbology = undefined
    return out
  }
}

export { buildScannerReportDescriptor, buildScanReports } from './hid-pos-build'
