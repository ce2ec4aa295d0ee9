import * as fs from 'node:fs'
import type { Cell } from './formats'
import { cellValue, ReadError } from './read'
import { checkZip } from './zip-check'

/**
 * The rows of the first worksheet that has data, streamed with exceljs's WorkbookReader: the zip is
 * inflated and the sheet's XML parsed as the file is read, one row at a time, never the whole
 * workbook. What stays in memory is the shared-string table (xl/sharedStrings.xml, bounded by the
 * file itself) and the styles (for dates); a sheet stored before its shared strings is spooled to a
 * temporary file by exceljs, not to memory. Rows come with their 0-based index in the sheet; rows
 * the file leaves out come as empty rows so numbering matches what a spreadsheet shows.
 */
export async function* xlsxRows(fd: number, onBytes?: (done: number) => void): AsyncGenerator<{ cells: Cell[]; index: number }> {
  // A damaged zip can stall the streaming reader for ever (found by the fuzz): it is checked first.
  await checkZip(fd, fs.fstatSync(fd).size)
  // Loaded on first use: exceljs is the heaviest module the station has (a second of start-up).
  const { default: Excel } = await import('exceljs')
  // The descriptor belongs to the caller: the stream reads it but never closes it.
  const input = fs.createReadStream('', { fd, autoClose: false, start: 0, fs: { ...fs, close: (_fd: number, done: (error: null) => void) => done(null) } })
  let done = 0
  input.on('data', (chunk) => onBytes?.((done += chunk.length)))
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' })
  const sheets = reader[Symbol.asyncIterator]()
  try {
    for (;;) {
      const sheet = await next(sheets)
      if (sheet === null) return
      const rows = sheet[Symbol.asyncIterator]()
      let expected = 1
      let hasData = false
      for (;;) {
        const row = await next(rows)
        if (row === null) break
        const cells: Cell[] = []
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value))
        if (!hasData && !cells.some((cell) => typeof cell !== 'string' || cell !== '')) continue
        for (; expected < row.number; expected++) yield { cells: [], index: expected - 1 }
        hasData = true
        yield { cells, index: row.number - 1 }
        expected = row.number + 1
      }
      if (hasData) return
    }
  } finally {
    input.destroy()
  }
}

/** The next value of a reader's iterator; a failure of the workbook becomes a ReadError (never file contents). */
async function next<T>(iterator: AsyncIterator<T>): Promise<T | null> {
  try {
    const r = await iterator.next()
    return r.done ? null : r.value
  } catch (error) {
    if (error instanceof ReadError) throw error
    // Only the first line: an XML parser's message goes on with the position and the character it met.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 120) : 'unknown error'
    throw new ReadError(1, `The workbook cannot be read: ${message}`)
  }
}
