import ExcelJS from 'exceljs'
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export type XlsxCell = string | number | Date | boolean | null | { formula: string; result?: string | number } | { richText: Array<{ text: string }> } | { error: '#N/A' | '#REF!' }

/** Writes rows to the first sheet of a new workbook. Strings stay text cells (GTINs keep their zeros). */
export async function writeXlsx(path: string, rows: XlsxCell[][], sheetName = 'Sheet1'): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheetName)
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[])
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()))
}

/** A sample CSV as an XLSX: dates become real date cells, quantities numbers, codes stay text. */
export async function csvToXlsx(csvPath: string, xlsxPath: string): Promise<void> {
  const rows = parse(readFileSync(csvPath), { relax_column_count: true }) as string[][]
  const header = rows.findIndex((r) => r.length > 2)
  const cols = rows[header]!
  const out: XlsxCell[][] = rows.map((r, i) =>
    i <= header
      ? r
      : r.map((v, c) => {
          const name = cols[c] ?? ''
          if (v === '') return null
          if (/^\d{4}-\d{2}-\d{2}$/.test(v) && /expected_at|expiry|made_at/.test(name)) return new Date(`${v}T00:00:00Z`)
          if (/^(qty|line|shelf_life_days|serial_(min|max)_length)$/.test(name)) return Number(v)
          return v
        })
  )
  await writeXlsx(xlsxPath, out, cols.includes('serial') ? 'ASN' : 'Data')
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const dir = new URL('../../../resources/import-samples/', import.meta.url).pathname
  for (const k of ['suppliers', 'locations', 'items', 'po', 'asn']) await csvToXlsx(`${dir}${k}.csv`, `${dir}${k}.xlsx`)
  console.log('sample workbooks written')
}
