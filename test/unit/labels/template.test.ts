import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLabelService } from '../../../src/main/labels'
import { builtinTemplatesDir } from '../../../src/main/labels/paths'
import { loadTemplates, parseTemplate } from '../../../src/main/labels/template'

const unitDoc = (): Record<string, unknown> => JSON.parse(readFileSync(join(builtinTemplatesDir(), 'unit.json'), 'utf8'))

describe('label templates (data)', () => {
  it('loads the four built-in templates without problems', () => {
    const set = loadTemplates(builtinTemplatesDir())
    expect(set.problems).toEqual([])
    expect([...set.templates.keys()].sort()).toEqual(['bin', 'rfid-unit', 'sscc', 'unit'])
  })

  it('refuses a placeholder naming an unknown field, naming it', () => {
    const doc = unitDoc()
    ;(doc.elements as Record<string, unknown>[]).push({ type: 'text', x: 1, y: 1, height: 2, text: 'Batch {batchNo}' })
    const t = parseTemplate(doc, 'test.json')
    expect(t.ok).toBe(false)
    if (!t.ok) {
      expect(t.error).toMatchObject({ code: 'label.template_unknown_field', params: { field: 'batchNo' }, details: { field: 'batchNo' } })
    }
  })

  it('refuses unknown fields in "fields", AI references and unknown element properties', () => {
    const a = unitDoc()
    ;(a.fields as Record<string, unknown>).colour = { required: false }
    const ra = parseTemplate(a)
    expect(!ra.ok && ra.error.details?.field).toBe('colour')

    const b = unitDoc()
    ;((b.elements as Record<string, unknown>[])[0]!.ais as Record<string, unknown>[]).push({ ai: '10', field: 'batch' })
    const rb = parseTemplate(b)
    expect(!rb.ok && rb.error).toMatchObject({ code: 'label.template_unknown_field', params: { field: 'batch' } })

    const c = unitDoc()
    ;(c.elements as Record<string, unknown>[])[1]!.fontColour = 'red'
    const rc = parseTemplate(c)
    expect(!rc.ok && rc.error).toMatchObject({ code: 'label.template_invalid', details: { path: 'elements.1' } })

    const d = unitDoc()
    ;((d.elements as Record<string, unknown>[])[0]!.ais as Record<string, unknown>[])[0]!.ai = '99999'
    expect(parseTemplate(d).ok).toBe(false)
  })

  it('refuses a field used by an element but not declared', () => {
    const doc = unitDoc()
    ;(doc.elements as Record<string, unknown>[]).push({ type: 'text', x: 1, y: 1, height: 2, text: '{location}' })
    const t = parseTemplate(doc)
    expect(!t.ok && t.error.details?.field).toBe('location')
  })

  it('loads user templates from <data dir>/labels, never replacing a built-in', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dockside-labels-'))
    mkdirSync(join(dataDir, 'labels'))
    const mine = { ...unitDoc(), name: 'unit-small', title: 'Small unit', size: { width: 50.8, height: 25.4 } }
    writeFileSync(join(dataDir, 'labels', 'unit-small.json'), JSON.stringify(mine))
    writeFileSync(join(dataDir, 'labels', 'unit.json'), JSON.stringify(unitDoc()))
    writeFileSync(join(dataDir, 'labels', 'broken.json'), '{ "name": ')
    const svc = createLabelService({ dataDir })
    expect(svc.template('unit-small')?.source).toContain('unit-small.json')
    expect(svc.template('unit')?.source).toBe('builtin')
    expect(svc.problems().map((p) => p.message).join('\n')).toMatch(/built-in template name[\s\S]*not readable JSON|not readable JSON[\s\S]*built-in template name/)
    const z = svc.zpl('unit-small', { gtin: '09521234543213', serial: 'X1' })
    expect(z.ok).toBe(true)
  })

  it('names the missing or invalid field in the data', () => {
    const svc = createLabelService()
    const missing = svc.zpl('unit', { gtin: '09521234543213' })
    expect(!missing.ok && missing.error).toMatchObject({ code: 'label.missing_field', details: { field: 'serial' } })
    const gtin = svc.zpl('unit', { gtin: '09521234543214', serial: 'A' })
    expect(!gtin.ok && gtin.error).toMatchObject({ code: 'label.invalid_field', details: { field: 'gtin' } })
    const expiry = svc.zpl('unit', { gtin: '09521234543213', serial: 'A', expiry: '2027-02-30' })
    expect(!expiry.ok && expiry.error.details?.field).toBe('expiry')
    const sscc = svc.zpl('sscc', { sscc: '106141412345678909' })
    expect(!sscc.ok && sscc.error.details?.field).toBe('sscc')
    const unknown = svc.zpl('unit', { gtin: '09521234543213', serial: 'A', colour: 'red' })
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'label.unknown_field', details: { field: 'colour' } })
    const tpl = svc.zpl('nope', {})
    expect(!tpl.ok && tpl.error.code).toBe('label.unknown_template')
  })
})
