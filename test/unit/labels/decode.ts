/** Test helper: decode every barcode in a PNG with zxing-wasm, offline (the .wasm from node_modules). */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

const require = createRequire(import.meta.url)
let prepared = false

function prepare(): void {
  if (prepared) return
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } })
  prepared = true
}

export interface Decoded {
  format: string
  /** AIM symbology identifier, e.g. `]d2` (GS1 DataMatrix), `]C1` (GS1-128), `]C0` (Code 128). */
  aim: string
  /** GS1 data in bracketed HRI form; plain text otherwise. */
  text: string
}

export async function decodePng(png: Uint8Array, maxSymbols = 8): Promise<Decoded[]> {
  prepare()
  const results = await readBarcodes(png, { formats: [], tryHarder: true, maxNumberOfSymbols: maxSymbols, textMode: 'HRI' })
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, aim: r.symbologyIdentifier, text: r.text }))
}
