/** Labels: templates (data) → layout → ZPL, PDF or PNG. */
import { ok, type Result } from '../../shared/result'
import { failure } from './failure'
import { layoutLabel, type LabelLayout } from './layout'
import { builtinTemplatesDir, userTemplatesDir } from './paths'
import { loadTemplates, type LabelTemplate, type TemplateSet } from './template'
import { dotsPerMm, isDpi, renderZpl, type Dpi } from './zpl'

/** Most dots a PNG label may have: an A4 sheet at 600 dpi fits (36 M); a metre-long label does not. */
export const MAX_RASTER_DOTS = 40_000_000

export type LabelFormat = 'zpl' | 'pdf' | 'png'

export interface RenderedLabel {
  format: LabelFormat
  bytes: Buffer
  /** The ZPL sent to printers (also for png/pdf, the layout's ZPL at this dpi). */
  zpl: string
  layout: LabelLayout
}

export interface LabelService {
  templates(): LabelTemplate[]
  problems(): TemplateSet['problems']
  template(name: string): LabelTemplate | undefined
  layout(name: string, data: unknown): Result<LabelLayout>
  zpl(name: string, data: unknown, dpi?: Dpi): Result<{ zpl: string; layout: LabelLayout }>
  render(name: string, data: unknown, format: LabelFormat, dpi?: number): Promise<Result<RenderedLabel>>
  reload(): void
}

export function createLabelService(options: { dataDir?: string; builtinDir?: string } = {}): LabelService {
  const builtin = options.builtinDir ?? builtinTemplatesDir()
  const user = options.dataDir ? userTemplatesDir(options.dataDir) : undefined
  let set = loadTemplates(builtin, user)
  const template = (name: string) => set.templates.get(name)
  const layout = (name: string, data: unknown): Result<LabelLayout> => {
    const t = template(name)
    if (!t) return failure('label.unknown_template', { template: name, known: [...set.templates.keys()].join(', ') }, { template: name })
    return layoutLabel(t, data)
  }
  const zpl = (name: string, data: unknown, dpi: Dpi = 203) => {
    const l = layout(name, data)
    return l.ok ? ok({ zpl: renderZpl(l.value, { dpi }), layout: l.value }) : l
  }
  return {
    templates: () => [...set.templates.values()],
    problems: () => set.problems,
    template,
    layout,
    zpl,
    async render(name, data, format, dpiInput = 203) {
      if (!isDpi(dpiInput)) return failure('label.invalid_dpi', { dpi: dpiInput }, { field: 'dpi' })
      const z = zpl(name, data, dpiInput)
      if (!z.ok) return z
      const { layout: l, zpl: text } = z.value
      if (format === 'zpl') return ok({ format, bytes: Buffer.from(text, 'utf8'), zpl: text, layout: l })
      if (format === 'png') {
        // The raster is width × height × (dots per mm)²: bounded so one label cannot take gigabytes.
        const dots = Math.ceil(l.width * dotsPerMm(dpiInput)) * Math.ceil(l.height * dotsPerMm(dpiInput))
        if (dots > MAX_RASTER_DOTS) {
          return failure('label.too_large', { width: l.width, height: l.height, dpi: dpiInput, dots, limit: MAX_RASTER_DOTS }, { width: l.width, height: l.height, dpi: dpiInput, dots, limit: MAX_RASTER_DOTS })
        }
        const { zplToPng } = await import('./png')
        return ok({ format, bytes: await zplToPng(text, l.width, l.height, dpiInput), zpl: text, layout: l })
      }
      const { renderPdf } = await import('./pdf')
      return ok({ format, bytes: Buffer.from(await renderPdf([l])), zpl: text, layout: l })
    },
    reload() {
      set = loadTemplates(builtin, user)
    }
  }
}

export type { LabelLayout } from './layout'
export type { LabelTemplate } from './template'
export type { Dpi } from './zpl'
