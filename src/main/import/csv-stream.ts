import { readSync } from 'node:fs'
import { parse } from 'csv-parse'
import type { Cell } from './formats'
import { bomEncoding, csvProblem, detectDelimiter, ReadError } from './read'

const CHUNK = 1024 * 1024

/**
 * Bytes of an open file in 1 MB chunks, read at explicit positions (the descriptor stays open and
 * unmoved). A plain generator: stopping early never waits on a stream's close.
 */
function* bytesOf(fd: number): Generator<Buffer> {
  let position = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK)
    const n = readSync(fd, chunk, 0, CHUNK, position)
    if (n === 0) return
    position += n
    yield n === CHUNK ? chunk : chunk.subarray(0, n)
  }
}

/** UTF-8 unless the file says UTF-16 (BOM) or is not valid UTF-8 (then Latin-1, as Excel's ANSI CSV). */
async function sniffEncoding(fd: number): Promise<'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be'> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let first = true
  try {
    for (const bytes of bytesOf(fd)) {
      if (first) {
        first = false
        const bom = bomEncoding(bytes)
        if (bom) return bom
      }
      if (bytes.includes(0)) throw new ReadError(1, 'The file holds NUL bytes: it is binary, not CSV text.')
      decoder.decode(bytes, { stream: true })
    }
    decoder.decode()
    return 'utf-8'
  } catch (error) {
    if (error instanceof ReadError) throw error
    return 'latin1'
  }
}

/**
 * The rows of a CSV file, streamed: the file is read in 1 MB chunks, decoded and parsed as it goes,
 * so memory does not grow with the file (only the caller's records do). Rows come with their
 * 0-based index in the file, as the in-memory reader numbers them.
 */
export async function* csvRows(fd: number, onBytes?: (done: number) => void): AsyncGenerator<{ cells: Cell[]; index: number }> {
  const encoding = await sniffEncoding(fd)
  const decoder = new TextDecoder(encoding === 'latin1' ? 'latin1' : encoding, { fatal: encoding !== 'latin1' })
  let delimiter: string | null = null
  let pending = ''
  let parser: ReturnType<typeof parse> | null = null
  let index = 0
  const queue: Cell[][] = []
  let failure: unknown = null
  const startParser = (d: string) => {
    const p = parse({ bom: true, delimiter: d, relax_column_count: true, skip_empty_lines: false, trim: false })
    p.on('readable', () => {
      let record: Cell[] | null
      while ((record = p.read() as Cell[] | null) !== null) queue.push(record)
    })
    p.on('error', (error) => (failure = error))
    return p
  }
  const fail = (error: unknown): never => {
    const e = error as { code?: string; lines?: number; records?: number }
    const row = typeof e.records === 'number' ? e.records + 1 : typeof e.lines === 'number' ? e.lines : index + 1
    throw new ReadError(row, `The CSV cannot be read near row ${row}: ${csvProblem(e.code)}.`)
  }
  let done = 0
  for (const bytes of bytesOf(fd)) {
    done += bytes.length
    onBytes?.(done)
    let text: string
    try {
      text = decoder.decode(bytes, { stream: true })
    } catch {
      throw new ReadError(index + 1, `The file is not valid ${encoding.toUpperCase()} text.`)
    }
    if (encoding.startsWith('utf-16') && text.includes('\u0000')) throw new ReadError(index + 1, 'The file holds NUL characters: it is binary, not CSV text.')
    if (!parser) {
      pending += text
      if (!/\r?\n/.test(pending) && pending.length < CHUNK) continue
      delimiter = detectDelimiter(pending)
      parser = startParser(delimiter)
      text = pending
      pending = ''
    }
    // Respect back-pressure; a parser that failed never drains, so its error ends the wait too.
    if (!parser.write(text) && !failure) {
      const p = parser
      await new Promise<void>((resolve) => {
        const done = () => {
          p.off('drain', done)
          p.off('error', done)
          resolve()
        }
        p.once('drain', done)
        p.once('error', done)
      })
    }
    if (failure) fail(failure)
    while (queue.length > 0) yield { cells: queue.shift()!, index: index++ }
  }
  if (!parser) {
    pending += decoder.decode()
    if (pending === '') return
    parser = startParser(detectDelimiter(pending))
    parser.write(pending)
  }
  if (failure) fail(failure)
  await new Promise<void>((resolve) => {
    parser!.once('end', () => resolve())
    parser!.once('error', () => resolve())
    parser!.end()
  })
  if (failure) fail(failure)
  while (queue.length > 0) yield { cells: queue.shift()!, index: index++ }
}
