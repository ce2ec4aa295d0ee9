import { parseGs1 } from '../../../shared/codes/gs1'
import { yymmddToIso } from '../../../shared/codes/gs1/dates'
import type { LabelLookup } from '../../../shared/contract-areas/labels'
import { msg } from '../../../shared/messages/catalog'
import type { LabelDataRepository, UnitLabelRow } from '../../store/repositories/label-data'

/** Longest description a unit label takes from the item when printed unattended (the `unit` template's limit). */
export const UNIT_DESCRIPTION_MAX = 120

/**
 * The `unit` template's data for a unit in the store: GTIN (when the item has one), serial, lot, expiry
 * (as stored: YYYY-MM-DD) and description, cut to `descriptionMax` characters when given.
 */
export function unitLabelData(u: UnitLabelRow, descriptionMax?: number): Record<string, string> {
  const d: Record<string, string> = { serial: u.serial }
  if (u.gtin) d.gtin = u.gtin
  if (u.lot) d.lot = u.lot
  if (u.expiry && /^\d{4}-\d{2}-\d{2}$/.test(u.expiry)) d.expiry = u.expiry
  if (u.description) d.description = descriptionMax === undefined ? u.description : [...u.description].slice(0, descriptionMax).join('')
  return d
}

const none = { unitId: null, plateId: null } as const

/**
 * A scanned or typed code (GS1 data, serial, SSCC, location) → the template and data to print for it.
 * A GS1 expiry (AI 17) with day 00 means the last day of the month, as everywhere else in the station.
 */
export function lookupLabel(repo: LabelDataRepository, code: string, options: { gsSubstitutes: string[]; now: () => Date }): LabelLookup {
  const text = code.trim()
  const gs1 = parseGs1(text, { gsSubstitutes: options.gsSubstitutes })
  if (gs1.ok) {
    const els = Object.fromEntries(gs1.value.elements.map((e) => [e.ai, e.value]))
    if (els['00']) {
      const plate = repo.plateByCode(els['00'])
      return { found: plate ? 'plate' : 'gs1', template: 'sscc', data: { sscc: els['00'] }, unitId: null, plateId: plate?.id ?? null, message: msg(plate ? 'label.lookup.plate' : 'label.lookup.sscc_scanned', {}) }
    }
    if (els['01'] && els['21']) {
      const u = repo.unitByGtinSerial(els['01'], els['21'])
      if (u) return { found: 'unit', template: 'unit', data: unitLabelData(u), unitId: u.id, plateId: null, message: msg('label.lookup.unit', {}) }
      const d: Record<string, string> = { gtin: els['01'], serial: els['21'] }
      if (els['10']) d.lot = els['10']
      if (els['17']) d.expiry = yymmddToIso(els['17'], 0, options.now().getUTCFullYear())
      return { found: 'gs1', template: 'unit', data: d, ...none, message: msg('label.lookup.from_scan', {}) }
    }
  }
  const units = repo.unitsBySerial(text)
  if (units.length === 1) return { found: 'unit', template: 'unit', data: unitLabelData(units[0]!), unitId: units[0]!.id, plateId: null, message: msg('label.lookup.unit', {}) }
  const plate = repo.plateByCode(text)
  if (plate) {
    const sscc = plate.kind === 'sscc'
    return { found: 'plate', template: sscc ? 'sscc' : null, data: sscc ? { sscc: plate.code } : {}, unitId: null, plateId: plate.id, message: msg('label.lookup.plate', {}) }
  }
  const loc = repo.locationByCode(text)
  if (loc) return { found: 'location', template: 'bin', data: { location: loc.code, description: loc.name }, ...none, message: msg('label.lookup.location', {}) }
  return { found: 'none', template: null, data: {}, ...none, message: msg(units.length > 1 ? 'label.lookup.ambiguous_serial' : 'label.lookup.none', {}) }
}
