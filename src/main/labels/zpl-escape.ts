/**
 * Field data escaping for ZPL. Every variable field is written as `^FH\^FD…^FS`, and every byte that is
 * not a plainly safe ASCII character is written as `\XX` (hex of its UTF-8 byte, with `^CI28`). So `^`,
 * `~` and `\` — which start commands or escapes — can never appear raw in the stream: operator text
 * stays text, whatever it holds.
 */
import type { Gs1Element } from '../../shared/codes/gs1'
import { lookupAi } from '../../shared/codes/gs1'

/** The ^FH indicator we declare on every field. */
export const FH = '\\'

const SAFE = new Uint8Array(128)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -.,:/()#+*=?!%\'&;@_<>"$') SAFE[c.charCodeAt(0)] = 1
const HEX = Array.from({ length: 256 }, (_, i) => FH + i.toString(16).toUpperCase().padStart(2, '0'))

/** Escapes text for a `^FH\` field: safe ASCII stays, everything else becomes `\XX` per UTF-8 byte. */
export function escapeFieldData(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      out += SAFE[c] ? text[i] : HEX[c]
      continue
    }
    const cp = text.codePointAt(i)!
    if (cp > 0xffff) i++
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out += HEX[b]
  }
  return out
}

/** A complete variable field: hex escapes on, data escaped. */
export const fieldData = (escaped: string): string => `^FH${FH}^FD${escaped}^FS`

/**
 * The ^BX escape character we declare (parameter g). A backtick is outside GS1's character sets, so
 * validated GS1 data never holds one (firmware defaults differ: `_` or `~`, so it is always given).
 */
export const DM_ESCAPE = '`'

/**
 * GS1 DataMatrix field data: `_1` (FNC1) first and after every variable-length value that is not last;
 * a literal escape character would be doubled. Zebra applies ^FH before the ^BX escapes, so the two layers compose.
 */
export function dataMatrixGs1Data(elements: readonly Gs1Element[]): string {
  let out = `${DM_ESCAPE}1`
  elements.forEach((el, i) => {
    out += escapeFieldData((el.ai + el.value).replaceAll(DM_ESCAPE, DM_ESCAPE + DM_ESCAPE))
    if (i < elements.length - 1 && lookupAi(el.ai)!.fnc1Required) out += `${DM_ESCAPE}1`
  })
  return out
}

type Token = 'FNC1' | string

const B_SPECIAL: Record<string, string> = { '>': '>0', '^': '><', '~': '>=' }

const isDigit = (t: Token | undefined): boolean => t !== undefined && t.length === 1 && t >= '0' && t <= '9'

function digitRun(tokens: readonly Token[], from: number): number {
  let n = 0
  while (isDigit(tokens[from + n])) n++
  return n
}

/**
 * Code 128 field data for `^BC…,N` (no automatic mode): explicit start code, subset switches and FNC1,
 * so the symbol is the same on every firmware. A leading digit run (the AIs and fixed-length values
 * of GS1 data) goes in subset C, as pairs; from the first non-digit on, the symbol stays in subset B.
 * (Switching back to C with `>5` saves width, but the zebrash emulator we verify with mis-renders it
 * as FNC4, so we do not emit what we cannot check.)
 * Invocation codes: `>;` start C, `>:` start B, `>5` to C, `>6` to B, `>8` FNC1; in subset B the
 * characters `>`, `^` and `~` are the values 30, 62, 94 written `>0`, `><`, `>=` (never raw).
 * Tokens must be printable ASCII (checked by the layout).
 */
export function code128Data(tokens: readonly Token[]): string {
  let out = ''
  let subset: 'B' | 'C' | null = null
  let i = 0
  const firstData = tokens.findIndex((t) => t !== 'FNC1')
  const startRun = firstData < 0 ? 0 : digitRun(tokens, firstData)
  out += startRun >= 2 ? '>;' : '>:'
  subset = startRun >= 2 ? 'C' : 'B'
  while (i < tokens.length) {
    const t = tokens[i]!
    if (t === 'FNC1') {
      out += '>8'
      i++
      continue
    }
    if (isDigit(t)) {
      const run = digitRun(tokens, i)
      if (subset === 'C') {
        if (run >= 2) {
          out += t + tokens[i + 1]!
          i += 2
          continue
        }
        out += '>6'
        subset = 'B'
      }
      out += t
      i++
      continue
    }
    if (subset === 'C') {
      out += '>6'
      subset = 'B'
    }
    out += B_SPECIAL[t] ?? escapeFieldData(t)
    i++
  }
  return out
}

/** GS1-128 tokens: FNC1, then AI + value, FNC1 after each variable-length value that is not last. */
export function gs1_128Tokens(elements: readonly Gs1Element[]): Token[] {
  const tokens: Token[] = ['FNC1']
  elements.forEach((el, i) => {
    tokens.push(...(el.ai + el.value))
    if (i < elements.length - 1 && lookupAi(el.ai)!.fnc1Required) tokens.push('FNC1')
  })
  return tokens
}
