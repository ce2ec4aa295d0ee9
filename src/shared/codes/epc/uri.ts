/**
 * GS1 AI encodable character set 82 and the EPC URI escaping rules (TDS §A / §5): in URIs the
 * characters `" % & / < > ?` are written as %22 %25 %26 %2F %3C %3E %3F, all others as themselves.
 */

/** Characters of GS1 AI encodable character set 82. */
export const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`

/** CSET82_CODE[c] is true when char code c belongs to set 82. */
export const CSET82_CODE = new Uint8Array(128)
for (let i = 0; i < CSET82.length; i++) CSET82_CODE[CSET82.charCodeAt(i)] = 1

const ESCAPED: Record<string, string> = { '"': '%22', '%': '%25', '&': '%26', '/': '%2F', '<': '%3C', '>': '%3E', '?': '%3F' }
const UNESCAPED: Record<string, string> = { '22': '"', '25': '%', '26': '&', '2F': '/', '3C': '<', '3E': '>', '3F': '?' }

/** True when every character of `s` is in set 82 (empty string → true). */
export function isCset82(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 128 || CSET82_CODE[c] === 0) return false
  }
  return true
}

const NEEDS_ESCAPE = /["%&/<>?]/
const NEEDS_ESCAPE_G = /["%&/<>?]/g

/** Escapes a set-82 string for an EPC URI component. */
export function escapeEpcUriComponent(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(NEEDS_ESCAPE_G, (c) => ESCAPED[c] ?? c) : s
}

/**
 * Unescapes an EPC URI component. Returns null when the component holds a character outside set 82, a
 * raw character that must be escaped, or an escape other than the seven allowed ones (hex digits in
 * either case).
 */
export function unescapeEpcUriComponent(s: string): string | null {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (ch === '%') {
      const replacement = UNESCAPED[s.slice(i + 1, i + 3).toUpperCase()]
      if (replacement === undefined) return null
      out += replacement
      i += 2
      continue
    }
    if (ESCAPED[ch] !== undefined) return null
    const c = ch.charCodeAt(0)
    if (c >= 128 || CSET82_CODE[c] === 0) return null
    out += ch
  }
  return out
}
