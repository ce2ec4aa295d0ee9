/** Test helper: share of dark pixels in a PNG (8-bit gray or RGB(A), no interlace), via node:zlib. */
import { inflateSync } from 'node:zlib'

export default function inkShare(png: Uint8Array): number {
  const buf = Buffer.from(png)
  let pos = 8
  let width = 0
  let height = 0
  let bitDepth = 8
  let colorType = 0
  const idat: Buffer[] = []
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos)
    const type = buf.toString('latin1', pos + 4, pos + 8)
    const body = buf.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      bitDepth = body[8]!
      colorType = body[9]!
    } else if (type === 'IDAT') idat.push(body)
    pos += 12 + len
  }
  const channels = colorType === 0 ? 1 : colorType === 2 ? 3 : colorType === 4 ? 2 : colorType === 6 ? 4 : 1
  const bpp = Math.max(1, (channels * bitDepth) / 8)
  const stride = Math.ceil((width * channels * bitDepth) / 8)
  const raw = inflateSync(Buffer.concat(idat))
  const prev = Buffer.alloc(stride)
  const cur = Buffer.alloc(stride)
  let dark = 0
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!
    raw.copy(cur, 0, y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - Math.floor(bpp)]! : 0
      const b = prev[i]!
      const c = i >= bpp ? prev[i - Math.floor(bpp)]! : 0
      let v = cur[i]!
      if (f === 1) v += a
      else if (f === 2) v += b
      else if (f === 3) v += (a + b) >> 1
      else if (f === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      cur[i] = v & 0xff
    }
    cur.copy(prev)
    if (bitDepth === 8) {
      for (let x = 0; x < width; x++) if (cur[x * channels]! < 128) dark++
    } else if (bitDepth === 1 && channels === 1) {
      for (let x = 0; x < width; x++) if (!((cur[x >> 3]! >> (7 - (x & 7))) & 1)) dark++
    }
  }
  return dark / (width * height)
}
