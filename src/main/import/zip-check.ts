import { readSync } from 'node:fs'
import { crc32, createInflateRaw } from 'node:zlib'
import { ReadError } from './read'

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const DESCRIPTOR = 0x08074b50
const MAX_CENTRAL_BYTES = 16 * 1024 * 1024
const CHUNK = 1024 * 1024

const damaged = (what: string) => new ReadError(1, `The workbook cannot be read: it is damaged (${what}). Save it again from Excel.`)

function bytesAt(fd: number, position: number, length: number): Buffer {
  const b = Buffer.alloc(length)
  const n = readSync(fd, b, 0, length, position)
  if (n !== length) throw damaged('it ends early')
  return b
}

interface Entry {
  name: string
  flags: number
  method: number
  crc: number
  compressed: number
  size: number
  localOffset: number
}

/** The entries of the zip's central directory (at its end); anything inconsistent is refused. */
function centralDirectory(fd: number, fileSize: number): Entry[] {
  const tail = Math.min(fileSize, 65_557)
  const end = bytesAt(fd, fileSize - tail, tail)
  let at = -1
  for (let i = tail - 22; i >= 0; i--) if (end.readUInt32LE(i) === EOCD) { at = i; break }
  if (at < 0) throw damaged('no zip directory at its end: cut short?')
  const count = end.readUInt16LE(at + 10)
  const centralSize = end.readUInt32LE(at + 12)
  const centralOffset = end.readUInt32LE(at + 16)
  if (count === 0xffff || centralOffset === 0xffffffff) throw damaged('a zip64 archive')
  if (centralSize > MAX_CENTRAL_BYTES || centralOffset + centralSize > fileSize - tail + at) throw damaged('its zip directory does not fit')
  const central = bytesAt(fd, centralOffset, centralSize)
  const entries: Entry[] = []
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL) throw damaged('a broken zip directory entry')
    const nameLength = central.readUInt16LE(p + 28)
    const entry: Entry = {
      flags: central.readUInt16LE(p + 8),
      method: central.readUInt16LE(p + 10),
      crc: central.readUInt32LE(p + 16),
      compressed: central.readUInt32LE(p + 20),
      size: central.readUInt32LE(p + 24),
      localOffset: central.readUInt32LE(p + 42),
      name: central.toString('latin1', p + 46, p + 46 + nameLength)
    }
    if (entry.flags & 1) throw damaged('an encrypted part')
    if (entry.method !== 0 && entry.method !== 8) throw damaged('an unknown compression')
    entries.push(entry)
    p += 46 + nameLength + central.readUInt16LE(p + 30) + central.readUInt16LE(p + 32)
  }
  return entries
}

/** Inflates one entry's data from the file and checks its length and CRC against the directory. */
async function checkData(fd: number, entry: Entry, start: number): Promise<void> {
  let crc = 0
  let size = 0
  const take = (chunk: Buffer) => {
    crc = crc32(chunk, crc)
    size += chunk.length
  }
  if (entry.method === 0) {
    for (let done = 0; done < entry.compressed; done += CHUNK) take(bytesAt(fd, start + done, Math.min(CHUNK, entry.compressed - done)))
  } else {
    const inflate = createInflateRaw()
    inflate.on('data', take)
    const finished = new Promise<void>((resolve, reject) => {
      inflate.once('end', resolve)
      inflate.once('error', () => reject(damaged(`${entry.name} does not decompress`)))
    })
    for (let done = 0; done < entry.compressed; done += CHUNK) {
      if (!inflate.write(bytesAt(fd, start + done, Math.min(CHUNK, entry.compressed - done)))) await new Promise((r) => inflate.once('drain', r))
    }
    inflate.end()
    await finished
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0) throw damaged(`${entry.name} fails its checksum`)
}

/**
 * Checks an XLSX before the streaming reader sees it: the zip directory, each part's local header
 * against it, and each part's data (inflated as a stream, CRC and length compared). A damaged
 * workbook can stall the streaming reader for ever; this refuses it first, in bounded memory.
 */
export async function checkZip(fd: number, fileSize: number): Promise<void> {
  for (const entry of centralDirectory(fd, fileSize)) {
    const local = bytesAt(fd, entry.localOffset, 30)
    if (local.readUInt32LE(0) !== LOCAL) throw damaged(`no part header for ${entry.name}`)
    const nameLength = local.readUInt16LE(26)
    const name = bytesAt(fd, entry.localOffset + 30, nameLength).toString('latin1')
    const flags = local.readUInt16LE(6)
    if (name !== entry.name || local.readUInt16LE(8) !== entry.method || (flags & 8) !== (entry.flags & 8)) throw damaged(`the part header of ${entry.name} disagrees with the directory`)
    if (!(flags & 8) && (local.readUInt32LE(14) !== entry.crc || local.readUInt32LE(18) !== entry.compressed || local.readUInt32LE(22) !== entry.size)) {
      throw damaged(`the part header of ${entry.name} disagrees with the directory`)
    }
    const start = entry.localOffset + 30 + nameLength + local.readUInt16LE(28)
    if (start + entry.compressed > fileSize) throw damaged(`${entry.name} runs past the end`)
    await checkData(fd, entry, start)
    if (flags & 8) {
      // The data descriptor the streaming reader relies on: optional signature, then CRC and sizes.
      let d = bytesAt(fd, start + entry.compressed, Math.min(16, fileSize - start - entry.compressed))
      if (d.length >= 4 && d.readUInt32LE(0) === DESCRIPTOR) d = d.subarray(4)
      if (d.length < 12 || d.readUInt32LE(0) !== entry.crc || d.readUInt32LE(4) !== entry.compressed || d.readUInt32LE(8) !== entry.size) throw damaged(`the data descriptor of ${entry.name} disagrees with the directory`)
    }
  }
}
