import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLabelService, MAX_RASTER_DOTS } from '../../../src/main/labels'
import { builtinTemplatesDir } from '../../../src/main/labels/paths'
import { parseTemplate } from '../../../src/main/labels/template'

const unitDoc = () => JSON.parse(readFileSync(join(builtinTemplatesDir(), 'unit.json'), 'utf8')) as Record<string, unknown>

describe('label templates are bounded (issue 11, finding 10)', () => {
  it('a 1000×1000 mm user template is refused at load, naming the size', () => {
    const r = parseTemplate({ ...unitDoc(), name: 'huge', size: { width: 1000, height: 1000 } }, 'huge.json')
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : JSON.stringify(r.error)).toMatch(/size/)
  })

  it('a large label at 600 dpi is refused as an image quickly (label.too_large), not rendered for seconds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dockside-labels-'))
    mkdirSync(join(dataDir, 'labels'))
    writeFileSync(join(dataDir, 'labels', 'long.json'), JSON.stringify({ ...unitDoc(), name: 'long', title: 'Long', size: { width: 220, height: 600 } }))
    const svc = createLabelService({ dataDir })
    expect(svc.problems()).toEqual([])
    const r = await svc.render('long', { gtin: '09521234543213', serial: 'X1' }, 'png', 600)
    expect(r).toMatchObject({ ok: false, error: { code: 'label.too_large', details: { dpi: 600, limit: MAX_RASTER_DOTS } } })
    expect(await svc.render('long', { gtin: '09521234543213', serial: 'X1' }, 'zpl', 600)).toMatchObject({ ok: true })
  }, 60_000)
})
