/**
 * PNG preview of ZPL, rendered offline by zpl-renderer-js (the zebrash engine in WebAssembly). It is
 * large (~8 MB), so it is imported on first use only. It draws barcodes and text, not the RFID write.
 */
import type { Dpi } from './zpl'
import { dotsPerMm } from './zpl'

type ZplApi = { zplToBase64Async(zpl: string, widthMm?: number, heightMm?: number, dpmm?: number): Promise<string> }
let api: Promise<ZplApi> | undefined

async function renderer(): Promise<ZplApi> {
  api ??= import('zpl-renderer-js').then(async (m) => (await m.ready).api as unknown as ZplApi)
  return api
}

/** Renders one ZPL label to PNG bytes at the printer's resolution. */
export async function zplToPng(zpl: string, widthMm: number, heightMm: number, dpi: Dpi): Promise<Buffer> {
  const r = await renderer()
  const b64 = await r.zplToBase64Async(zpl, widthMm, heightMm, dotsPerMm(dpi))
  return Buffer.from(b64, 'base64')
}
