/**
 * The layout model: a template filled with checked data, in millimetres, with every barcode's content
 * resolved (GS1 elements in encoding order, the EPC for RFID). The ZPL and PDF renderers both read it,
 * so what the preview shows and what the printer gets come from one place.
 */
import { encodeEpc } from '../../shared/codes/epc'
import { checkElements, lookupAi, type Gs1Element } from '../../shared/codes/gs1'
import { ok, type Result } from '../../shared/result'
import { failure } from './failure'
import { checkData, expiryToAi17, type LabelData, type LabelField } from './fields'
import type { AiRef, LabelTemplate } from './template'

interface At {
  x: number
  y: number
}
export type LayoutItem =
  | (At & { kind: 'text'; height: number; width?: number; lines?: number; align: 'left' | 'center' | 'right'; bold: boolean; text: string })
  | (At & { kind: 'gs1-datamatrix'; module: number; elements: Gs1Element[] })
  | (At & { kind: 'gs1-128'; module: number; height: number; elements: Gs1Element[]; hri?: number })
  | (At & { kind: 'code128'; module: number; height: number; text: string; hri?: number })
  | (At & { kind: 'box'; width: number; height: number; thickness: number; rounding: number })
  | (At & { kind: 'line'; length: number; direction: 'horizontal' | 'vertical'; thickness: number })
  | (At & { kind: 'image'; pixel: number; rows: string[] })

export interface LabelLayout {
  template: string
  width: number
  height: number
  items: LayoutItem[]
  /** RFID labels: the EPC to write, upper-case hex, and its tag URI. */
  epc?: { hex: string; tagUri: string }
  data: LabelData
}

const fill = (text: string, data: LabelData): string => text.replace(/\{([a-z]+)\}/g, (_m, f: string) => data[f as LabelField] ?? '')

/** GS1 elements of a barcode: predefined-length AIs first (fewer FNC1 separators), then the others. */
export function gs1Elements(ais: readonly AiRef[], data: LabelData): Result<Gs1Element[]> {
  const list: Gs1Element[] = []
  for (const ref of ais) {
    const raw = data[ref.field as LabelField]
    if (raw === undefined) {
      if (ref.optional) continue
      return failure('label.missing_field', { field: ref.field }, { field: ref.field, ai: ref.ai })
    }
    const value = ref.field === 'expiry' ? expiryToAi17(raw) : raw
    list.push({ ai: ref.ai, value })
  }
  const fixed = list.filter((e) => !lookupAi(e.ai)!.fnc1Required)
  const variable = list.filter((e) => lookupAi(e.ai)!.fnc1Required)
  const ordered = [...fixed, ...variable]
  const checked = checkElements(ordered)
  if (!checked.ok) {
    const bad = ais.find((a) => a.ai === checked.error.details?.ai)
    return failure('label.invalid_field', { field: bad?.field ?? 'data', problem: checked.error.message }, { field: bad?.field ?? null, gs1: checked.error.code })
  }
  return ok(ordered)
}

/** Fills a template with data (checked first). Never throws. */
export function layoutLabel(template: LabelTemplate, input: unknown): Result<LabelLayout> {
  const checked = checkData(input, template.fields)
  if (!checked.ok) return checked
  const data = checked.value
  const items: LayoutItem[] = []
  for (const el of template.elements) {
    if (el.when && data[el.when as LabelField] === undefined) continue
    const at = { x: el.x, y: el.y }
    switch (el.type) {
      case 'text': {
        const text = fill(el.text, data)
        if (text.trim() === '') break
        items.push({
          kind: 'text',
          ...at,
          height: el.height,
          ...(el.width !== undefined ? { width: el.width } : {}),
          ...(el.lines !== undefined ? { lines: el.lines } : {}),
          align: el.align ?? 'left',
          bold: el.bold ?? false,
          text
        })
        break
      }
      case 'gs1-datamatrix':
      case 'gs1-128': {
        const elements = gs1Elements(el.ais, data)
        if (!elements.ok) return elements
        if (el.type === 'gs1-datamatrix') items.push({ kind: 'gs1-datamatrix', ...at, module: el.module, elements: elements.value })
        else items.push({ kind: 'gs1-128', ...at, module: el.module, height: el.height, elements: elements.value, ...(el.hri ? { hri: el.hri } : {}) })
        break
      }
      case 'code128': {
        const text = fill(el.text, data)
        if (text === '') break
        if (!/^[\x20-\x7e]+$/.test(text)) return failure('label.code128_ascii', { text: text.slice(0, 40) }, { field: null })
        items.push({ kind: 'code128', ...at, module: el.module, height: el.height, text, ...(el.hri ? { hri: el.hri } : {}) })
        break
      }
      case 'box':
        items.push({ kind: 'box', ...at, width: el.width, height: el.height, thickness: el.thickness, rounding: el.rounding ?? 0 })
        break
      case 'line':
        items.push({ kind: 'line', ...at, length: el.length, direction: el.direction, thickness: el.thickness })
        break
      case 'image':
        items.push({ kind: 'image', ...at, pixel: el.pixel, rows: el.rows })
        break
    }
  }
  const layout: LabelLayout = { template: template.name, width: template.size.width, height: template.size.height, items, data }
  if (template.rfid) {
    const gtin = data.gtin!
    const L = template.rfid.companyPrefixLength
    const epc = encodeEpc({
      scheme: 'sgtin-96',
      filter: template.rfid.filter,
      companyPrefix: gtin.slice(1, 1 + L),
      itemReference: gtin.charAt(0) + gtin.slice(1 + L, 13),
      serial: data.serial!
    })
    if (!epc.ok) {
      return failure('label.epc_serial', { problem: epc.error.message }, { field: 'serial' })
    }
    layout.epc = { hex: epc.value.hex, tagUri: epc.value.tagUri }
  }
  return ok(layout)
}

/** Bracketed human-readable form, e.g. `(01)09521234543213(21)SN1`. */
export const hriText = (elements: readonly Gs1Element[]): string => elements.map((e) => `(${e.ai})${e.value}`).join('')
