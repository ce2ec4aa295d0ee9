/**
 * Label templates are data (JSON): size and a list of elements positioned in millimetres, so one
 * template prints at 203, 300 or 600 dpi and on an office sheet alike. Variable text is written as
 * `{field}` placeholders; barcodes name the GS1 AI and the field that fills it. Anything the loader does
 * not know (an element property, a field, an AI) refuses the template with its name.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { lookupAi } from '../../shared/codes/gs1'
import { english } from '../../shared/messages/catalog'
import { ok, type Result } from '../../shared/result'
import { failure } from './failure'
import { isLabelField, LABEL_FIELDS, type FieldRule, type LabelField } from './fields'

const mm = z.number().min(0).max(1000)
const positive = z.number().positive().max(1000)
/** Label size bounds: a template past them is refused before any layout or raster work. */
export const MAX_LABEL_WIDTH_MM = 220
export const MAX_LABEL_HEIGHT_MM = 600
/** Checked after parsing (so the message names the field): see `parseTemplate`. */
const fieldName = z.string().max(40)

const aiRef = z
  .object({
    ai: z.string().regex(/^\d{2,4}$/),
    field: fieldName,
    /** Leave the AI out when the field is empty (e.g. lot and expiry on items that have none). */
    optional: z.boolean().optional()
  })
  .strict()

/** Which AIs each field may fill. */
const AI_FIELD: Partial<Record<LabelField, readonly string[]>> = { gtin: ['01', '02'], serial: ['21'], lot: ['10'], expiry: ['17', '15', '16', '12'], sscc: ['00'] }

const base = {
  x: mm,
  y: mm,
  /** Draw the element only when this field has a value. */
  when: fieldName.optional()
}

const textElement = z
  .object({
    type: z.literal('text'),
    ...base,
    /** Character height in mm. */
    height: positive,
    /** Block width in mm: text wraps within it (and is clipped after `lines`). */
    width: positive.optional(),
    lines: z.number().int().min(1).max(20).optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
    bold: z.boolean().optional(),
    /** Literal text with `{field}` placeholders. */
    text: z.string().max(2000)
  })
  .strict()

const datamatrixElement = z
  .object({ type: z.literal('gs1-datamatrix'), ...base, module: positive, ais: z.array(aiRef).min(1).max(12) })
  .strict()

const gs1_128Element = z
  .object({
    type: z.literal('gs1-128'),
    ...base,
    module: positive,
    height: positive,
    ais: z.array(aiRef).min(1).max(12),
    /** Print the bracketed human-readable line under the bars, with this character height in mm. */
    hri: positive.optional()
  })
  .strict()

const code128Element = z
  .object({ type: z.literal('code128'), ...base, module: positive, height: positive, text: z.string().max(200), hri: positive.optional() })
  .strict()

const boxElement = z
  .object({ type: z.literal('box'), ...base, width: positive, height: positive, thickness: positive, rounding: z.number().int().min(0).max(8).optional() })
  .strict()

const lineElement = z
  .object({ type: z.literal('line'), ...base, length: positive, direction: z.enum(['horizontal', 'vertical']), thickness: positive })
  .strict()

const imageElement = z
  .object({
    type: z.literal('image'),
    ...base,
    /** Size of one image pixel in mm. */
    pixel: positive,
    /** 1-bit rows as hex (1 = black), all of the same length, at most 256 × 256 pixels. */
    rows: z.array(z.string().regex(/^([0-9A-Fa-f]{2})+$/)).min(1).max(256)
  })
  .strict()
  .refine((e) => e.rows.every((r) => r.length === e.rows[0]!.length), { message: 'every image row must have the same length' })

const element = z.discriminatedUnion('type', [textElement, datamatrixElement, gs1_128Element, code128Element, boxElement, lineElement, imageElement])

const fieldRule = z
  .object({ required: z.boolean(), maxLength: z.number().int().min(1).max(2000).optional(), overflow: z.enum(['refuse', 'truncate']).optional() })
  .strict()

const templateSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a template name is lower-case letters, digits and dashes'),
    title: z.string().min(1).max(80),
    description: z.string().max(400).optional(),
    /** Label size in mm: at most 220 mm wide (an A4 sheet; industrial printheads are narrower) and 600 mm long. */
    size: z.object({ width: positive.max(MAX_LABEL_WIDTH_MM), height: positive.max(MAX_LABEL_HEIGHT_MM) }).strict(),
    /** Data fields this template uses and whether each is required. */
    fields: z.record(z.string(), fieldRule),
    /** RFID labels: the EPC written into the tag (SGTIN-96 from gtin + serial). */
    rfid: z
      .object({ scheme: z.literal('sgtin-96'), filter: z.number().int().min(0).max(7), companyPrefixLength: z.number().int().min(6).max(12) })
      .strict()
      .optional(),
    elements: z.array(element).min(1).max(200)
  })
  .strict()

export type TemplateElement = z.infer<typeof element>
export type AiRef = z.infer<typeof aiRef>
export interface LabelTemplate extends Omit<z.infer<typeof templateSchema>, 'fields' | '$schema'> {
  fields: Partial<Record<LabelField, FieldRule>>
  /** Where it came from: `builtin` or the file path. */
  source: string
}

const PLACEHOLDER = /\{([^{}]*)\}/g

/** The fields an element reads (placeholders, AI fields, `when`). */
export function elementFields(el: TemplateElement): string[] {
  const out: string[] = []
  if (el.when) out.push(el.when)
  if (el.type === 'text' || el.type === 'code128') for (const m of el.text.matchAll(PLACEHOLDER)) out.push(m[1]!)
  if (el.type === 'gs1-datamatrix' || el.type === 'gs1-128') for (const a of el.ais) out.push(a.field)
  return out
}

/** Validates a parsed JSON document as a template; every problem names its path and the field. */
export function parseTemplate(doc: unknown, source = 'builtin'): Result<LabelTemplate> {
  const parsed = templateSchema.safeParse(doc)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const path = issue.path.join('.')
    const keys = issue.code === 'unrecognized_keys' ? ` (${(issue as { keys: string[] }).keys.join(', ')})` : ''
    return failure('label.template_invalid', { source, problem: `${path ? `${path}: ` : ''}${issue.message}${keys}.` }, { source, path })
  }
  const t = parsed.data
  for (const name of Object.keys(t.fields)) {
    if (!isLabelField(name)) {
      return failure('label.template_unknown_field', { source, place: 'fields', field: name, fields: LABEL_FIELDS.join(', ') }, { source, field: name })
    }
  }
  for (const [i, el] of t.elements.entries()) {
    for (const f of elementFields(el)) {
      if (!isLabelField(f)) {
        return failure('label.template_unknown_field', { source, place: `elements.${i}`, field: f, fields: LABEL_FIELDS.join(', ') }, { source, field: f })
      }
      if (!(f in t.fields)) {
        return failure('label.template_undeclared_field', { source, index: i, field: f }, { source, field: f })
      }
    }
    if (el.type === 'gs1-datamatrix' || el.type === 'gs1-128') {
      for (const ref of el.ais) {
        if (!lookupAi(ref.ai)) return failure('label.template_unknown_ai', { source, index: i, ai: ref.ai }, { source, ai: ref.ai })
        if (!(AI_FIELD[ref.field as LabelField] ?? []).includes(ref.ai)) {
          return failure('label.template_field_ai', { source, index: i, field: ref.field, ai: ref.ai }, { source, field: ref.field, ai: ref.ai })
        }
      }
    }
  }
  if (t.rfid && !(t.fields.gtin?.required && t.fields.serial?.required)) {
    return failure('label.template_rfid_fields', { source }, { source })
  }
  const { $schema: _schema, ...rest } = t
  void _schema
  return ok({ ...rest, fields: t.fields as Partial<Record<LabelField, FieldRule>>, source })
}

export function loadTemplateFile(file: string): Result<LabelTemplate> {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return failure('label.template_not_json', { source: file, problem: error instanceof Error ? error.message : String(error) }, { source: file })
  }
  const t = parseTemplate(doc, file)
  if (t.ok && basename(file, '.json') !== t.value.name) {
    return failure('label.template_name_mismatch', { source: file, name: t.value.name }, { source: file })
  }
  return t
}

export interface TemplateSet {
  templates: Map<string, LabelTemplate>
  /** Templates that were refused, each with its reason (shown in the UI and by the CLI). */
  problems: { source: string; message: string }[]
}

const jsonFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f))
  } catch {
    return []
  }
}

/**
 * Loads the built-in templates, then the user's (`<data dir>/labels/*.json`). A user template may not
 * replace a built-in one: other tools rely on `unit`, `sscc`, `bin` and `rfid-unit` meaning what they mean.
 */
export function loadTemplates(builtinDir: string, userDir?: string): TemplateSet {
  const templates = new Map<string, LabelTemplate>()
  const problems: TemplateSet['problems'] = []
  for (const file of jsonFiles(builtinDir)) {
    const t = loadTemplateFile(file)
    if (t.ok) templates.set(t.value.name, { ...t.value, source: 'builtin' })
    else problems.push({ source: file, message: t.error.message })
  }
  if (userDir) {
    for (const file of jsonFiles(userDir)) {
      const t = loadTemplateFile(file)
      if (!t.ok) problems.push({ source: file, message: t.error.message })
      else if (templates.get(t.value.name)?.source === 'builtin') problems.push({ source: file, message: english({ code: 'label.template_builtin_name', params: { source: file, name: t.value.name } }) })
      else templates.set(t.value.name, t.value)
    }
  }
  return { templates, problems }
}
