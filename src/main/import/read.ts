import { parse } from 'csv-parse/sync'
import type ExcelJS from 'exceljs'
import type { Cell } from './formats'

/** Files larger than this are refused before parsing (an ASN of 1 M serials is ~60 MB of CSV). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

export class ReadError extends Error {
  constructor(
    readonly row: number,
    message: string
  ) {
    super(message)
  }
}

export type FileFormat = 'csv' | 'xlsx'

export function formatOf(file: string, bytes: Uint8Array): FileFormat {
  // XLSX is a zip: "PK\x03\x04".
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx'
  if (/\.xlsx$/i.test(file)) throw new ReadError(1, 'The file is named .xlsx but is not an Excel workbook (not a zip file).')
  if (/\.xls$/i.test(file)) throw new ReadError(1, 'Old .xls workbooks are not supported: save the sheet as .xlsx or .csv.')
  return 'csv'
}

/** The text encoding a byte-order mark names, if any (Excel's "Unicode text" export is UTF-16 LE). */
export function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

function decodeText(bytes: Uint8Array): string {
  const utf16 = bomEncoding(bytes)
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes)
    } catch {
      throw new ReadError(1, `The file starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()} text.`)
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Excel on Windows writes CSV in the ANSI code page; Latin-1 keeps every byte.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  }
}

/** csv-parse's own messages quote the offending field: only its code and row go back to the user. */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a row has a different number of cells',
  CSV_MAX_RECORD_SIZE: 'a row is too long'
}

/** Comma, semicolon (European Excel) or tab, whichever the first line uses most outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const bare = firstLine.replace(/"[^"]*"/g, '')
  const counts = [',', ';', '\t'].map((d) => [d, bare.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ','
}

export function readCsv(bytes: Uint8Array): Cell[][] {
  if (bytes.length === 0) return []
  if (bomEncoding(bytes) === null && bytes.includes(0)) throw new ReadError(1, 'The file holds NUL bytes: it is binary, not CSV text.')
  const text = decodeText(bytes)
  if (text.includes('\u0000')) throw new ReadError(1, 'The file holds NUL characters: it is binary, not CSV text.')
  try {
    return parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][]
  } catch (error) {
    const e = error as { code?: string; lines?: number; records?: number }
    const row = typeof e.records === 'number' ? e.records + 1 : typeof e.lines === 'number' ? e.lines : 1
    const problem = csvProblem(e.code)
    throw new ReadError(row, `The CSV cannot be read near row ${row}: ${problem}.`)
  }
}

export const csvProblem = (code: string | undefined): string => (code && CSV_PROBLEMS[code]) ?? 'the text is not valid CSV'

export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: 'is not a finite number' }
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
      return { error: `is the number ${v}, too large to keep every digit (SSCCs, GTINs and long serials must be cells formatted as Text)` }
    }
    return String(v)
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { error: 'is not a valid date' }
    return v.toISOString().slice(0, 10)
  }
  if (typeof v === 'object') {
    if ('error' in v) return { error: `holds the spreadsheet error ${String((v as { error: unknown }).error)}` }
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('')
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result
      return result === undefined ? { error: 'is a formula without a computed value (open and save the file in Excel)' } : cellValue(result as ExcelJS.CellValue)
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text)
  }
  return { error: 'has a value of an unsupported type' }
}
