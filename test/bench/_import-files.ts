// Big import files for the memory test and the bench, written as a stream (never held whole).
// Run directly (`_import-files.ts <items|asn> <csv|xlsx> <rows> <path>`) so the writer's memory is not the importer's.
import { closeSync, openSync, writeSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { gs1CheckDigit } from '../../src/shared/codes/checkdigit'

/** The serialised item every big ASN expects (import it first). */
export const ASN_ITEMS_CSV = 'kind,items\nsku,description,tracking\nSER-1,Serialised thing,serial\n'
const ORDERS = 4
const CASE_UNITS = 50
const PALLET_CASES = 20

const sscc = (n: number) => {
  const body = `10614141${String(n).padStart(9, '0')}`
  return `${body}${gs1CheckDigit(body)}`
}

/** An ASN row: ORDERS orders, one serial per row, cases of 50 on pallets of 20 cases. */
function asnRow(i: number): string[] {
  const order = `ASN-BIG-${i % ORDERS}`
  const k = Math.floor(i / ORDERS)
  const caseNo = Math.floor(k / CASE_UNITS)
  const palletNo = Math.floor(caseNo / PALLET_CASES)
  return [order, 'SER-1', `SN${String(i).padStart(10, '0')}`, sscc(1 + (i % ORDERS) * 10_000_000 + caseNo), sscc(5_000_000 + (i % ORDERS) * 10_000_000 + palletNo)]
}
const ASN_HEADER = ['order', 'item', 'serial', 'sscc', 'parent_sscc']

export function writeCsv(kind: 'items' | 'asn', rows: number, path: string): void {
  const fd = openSync(path, 'w')
  writeSync(fd, kind === 'items' ? 'kind,items\nsku,gtin,description,tracking\n' : `kind,asn\n${ASN_HEADER.join(',')}\n`)
  const BATCH = 50_000
  for (let i = 0; i < rows; i += BATCH) {
    const lines: string[] = []
    for (let j = i; j < Math.min(rows, i + BATCH); j++) lines.push(kind === 'items' ? `B${j},,Item ${j},none` : asnRow(j).join(','))
    writeSync(fd, lines.join('\n') + '\n')
  }
  closeSync(fd)
}

/** The same file as an XLSX with shared strings (as Excel writes it), through exceljs's streaming writer. */
export async function writeXlsx(kind: 'items' | 'asn', rows: number, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false })
  const ws = wb.addWorksheet('Sheet1')
  ws.addRow(['kind', kind]).commit()
  ws.addRow(kind === 'items' ? ['sku', 'gtin', 'description', 'tracking'] : ASN_HEADER).commit()
  for (let j = 0; j < rows; j++) ws.addRow(kind === 'items' ? [`B${j}`, null, `Item ${j}`, 'none'] : asnRow(j)).commit()
  ws.commit()
  await wb.commit()
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [kind, format, rows, path] = process.argv.slice(2) as ['items' | 'asn', 'csv' | 'xlsx', string, string]
  if (format === 'xlsx') await writeXlsx(kind, Number(rows), path)
  else writeCsv(kind, Number(rows), path)
}
