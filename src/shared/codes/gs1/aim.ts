/** AIM symbology identifiers (`]` + code letter + modifier) that scanners put in front of the data. */

/** Carriers whose data is a GS1 element string with FNC1 in first position. */
export const GS1_ELEMENT_STRING_IDS: ReadonlySet<string> = new Set([']C1', ']e0', ']d2', ']Q3', ']J1'])
/** EAN/UPC: the data is a GTIN-13 (or UPC-A as 12/13 digits) and a GTIN-8. */
export const EAN_IDS: ReadonlySet<string> = new Set([']E0', ']E4'])
/** Plain-data modes of 2D carriers; they may carry a GS1 Digital Link URI. */
export const DL_CAPABLE_IDS: ReadonlySet<string> = new Set([']d1', ']Q1'])

export type AimKind = 'element-string' | 'ean' | 'dl-capable' | 'other'

export interface AimPrefix {
  id: string
  kind: AimKind
}

/** The AIM identifier at the start of `text`, when it has the `]Xm` shape. */
export function readAimPrefix(text: string): AimPrefix | undefined {
  if (text.charCodeAt(0) !== 93 || text.length < 3) return undefined
  const code = text.charCodeAt(1)
  const mod = text.charCodeAt(2)
  const isLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  const isModifier = (mod >= 48 && mod <= 57) || (mod >= 65 && mod <= 90) || (mod >= 97 && mod <= 122)
  if (!isLetter || !isModifier) return undefined
  const id = text.slice(0, 3)
  const kind: AimKind = GS1_ELEMENT_STRING_IDS.has(id)
    ? 'element-string'
    : EAN_IDS.has(id)
      ? 'ean'
      : DL_CAPABLE_IDS.has(id)
        ? 'dl-capable'
        : 'other'
  return { id, kind }
}
