import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'

/** GS1's EPCIS 2.0 files live in ../shared/data/epcis beside the repo (never copied into it). */
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const EPCIS_DIR = join(ROOT, '..', 'shared', 'data', 'epcis')
export const EPCIS_SCHEMA_FILE = join(EPCIS_DIR, 'EPCIS-JSON-Schema.json')
export const epcisFilesPresent = (): boolean => existsSync(EPCIS_SCHEMA_FILE)
export const EPCIS_MISSING = `GS1's EPCIS 2.0 schema and examples are not at ${EPCIS_DIR} (../shared/data/epcis beside the repo)`

export type Validate = (doc: unknown) => { valid: boolean; errors: string }

/** Ajv (draft-07, with formats) compiled against the official EPCIS 2.0 JSON schema. */
export function officialValidator(): Validate {
  const schema = JSON.parse(readFileSync(EPCIS_SCHEMA_FILE, 'utf8')) as object
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  const validate = ajv.compile(schema)
  return (doc) => {
    const valid = validate(doc) as boolean
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors, { separator: '\n' }) }
  }
}

/** The official example documents (JSON-LD), by file name. */
export function officialExamples(): { name: string; doc: Record<string, unknown> }[] {
  const dir = join(EPCIS_DIR, 'examples')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonld') || f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, doc: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown> }))
}
