/** Control characters a scan may carry: TAB, GS (FNC1), RS and EOT (ISO/IEC 15434 envelopes). */
const ALLOWED_CONTROL = new Set([0x09, 0x1d, 0x1e, 0x04])

export type DecodedScan = { text: string } | { error: string; byte: string; position: number }

/** Decodes scan bytes: UTF-8 when valid, else Latin-1; an error when they hold control bytes (noise). */
export function decodeScanBytes(raw: Uint8Array): DecodedScan {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    text = Buffer.from(raw).toString('latin1')
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && !ALLOWED_CONTROL.has(c)) || c === 0x7f || (c >= 0x80 && c < 0xa0)) {
      const byte = `0x${c.toString(16).padStart(2, '0')}`
      return { error: `The scan holds a control byte ${byte} at position ${i}: line noise or binary data, not a barcode.`, byte, position: i }
    }
  }
  return { text }
}
