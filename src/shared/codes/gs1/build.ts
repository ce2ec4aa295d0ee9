/** Element strings from elements: bracketed HRI, scanner data (AIM + GS), Digital Link, bwip-js input. */
import { ok, type Result } from '../../result'
import { fail } from '../failure'
import { lookupAi } from './ai-table'
import { formatDigitalLink } from './digital-link'
import { GS } from './element-string'
import { formatHri } from './hri'
import type { PlacedElement } from './pairing'
import type { Gs1Element } from './types'
import { validateElements } from './validate'

/** Validates elements as a parser would (AI known, value format, pairing, duplicates). */
export function checkElements(elements: readonly Gs1Element[]): Result<Gs1Element[]> {
  const placed: PlacedElement[] = []
  let position = 0
  for (const el of elements) {
    const entry = lookupAi(el.ai)
    if (!entry) return fail('gs1.unknown_ai', { ai: el.ai, position: position + 1 }, { ai: el.ai, position: position + 1 })
    placed.push({ entry, value: el.value, position: position + 1 })
    position += el.ai.length + 2 + el.value.length
  }
  return validateElements(placed)
}

export function buildHri(elements: readonly Gs1Element[]): Result<string> {
  const checked = checkElements(elements)
  return checked.ok ? ok(formatHri(checked.value)) : checked
}

export type ScanSymbology = ']C1' | ']d2' | ']Q3' | ']J1' | ']e0'

export interface ScanBuildOptions {
  /** AIM identifier to put in front; default `]d2` (GS1 DataMatrix). */
  symbology?: ScanSymbology
  /** Put predefined-length AIs first (fewer separators); default keeps the caller's order. */
  predefinedFirst?: boolean
}

/** Scanner form: AIM identifier, then AI + value, a GS (0x1D) after every variable-length value except the last. */
export function buildScanData(elements: readonly Gs1Element[], options: ScanBuildOptions = {}): Result<string> {
  const checked = checkElements(elements)
  if (!checked.ok) return checked
  let list = checked.value
  if (options.predefinedFirst) {
    const fixed = list.filter((e) => !lookupAi(e.ai)!.fnc1Required)
    list = [...fixed, ...list.filter((e) => lookupAi(e.ai)!.fnc1Required)]
  }
  let out = options.symbology ?? ']d2'
  list.forEach((el, i) => {
    out += el.ai + el.value
    if (i < list.length - 1 && lookupAi(el.ai)!.fnc1Required) out += GS
  })
  return ok(out)
}

export interface DigitalLinkBuildOptions {
  /** Scheme, host and optional path stem; default `https://id.gs1.org`. */
  base?: string
}

export function buildDigitalLink(elements: readonly Gs1Element[], options: DigitalLinkBuildOptions = {}): Result<string> {
  const checked = checkElements(elements)
  return checked.ok ? formatDigitalLink(checked.value, options.base ?? 'https://id.gs1.org') : checked
}

export type Gs1BuildFormat = 'hri' | 'scan' | 'dl'

export function buildElementString(
  elements: readonly Gs1Element[],
  format: Gs1BuildFormat,
  options: ScanBuildOptions & DigitalLinkBuildOptions = {}
): Result<string> {
  if (format === 'hri') return buildHri(elements)
  if (format === 'scan') return buildScanData(elements, options)
  return buildDigitalLink(elements, options)
}

export type BwipSymbology = 'gs1-128' | 'gs1datamatrix' | 'gs1qrcode'

export interface BwipInput {
  bcid: BwipSymbology
  /** bwip-js bracketed AI syntax, e.g. `(01)09521234543213(21)ABC`. */
  text: string
  /**
   * Set when a value holds a parenthesis: bwip-js (BWIPP) splits AIs on "(" and ")", so they are
   * written as the ordinals `^040` / `^041`, which bwip-js expands only with its `parse` option.
   */
  parse?: true
}

export function bwipInput(symbology: BwipSymbology, elements: readonly Gs1Element[]): Result<BwipInput> {
  const checked = checkElements(elements)
  if (!checked.ok) return checked
  let text = ''
  let escaped = false
  for (const el of checked.value) {
    const value = el.value.replace(/[()]/g, (p) => {
      escaped = true
      return p === '(' ? '^040' : '^041'
    })
    text += `(${el.ai})${value}`
  }
  return ok(escaped ? { bcid: symbology, text, parse: true } : { bcid: symbology, text })
}
