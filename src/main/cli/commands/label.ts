import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { AppError } from '../../../shared/result'
import { EXIT_OK, UsageError, wantsHelp, type CliCommand, type CliIo } from '../command'
import { resolveDataDir } from '../data-dir'

const USAGE = `Usage: dockside label <render|list|check> [options]

  render --template NAME --data JSON --format zpl|pdf|png [--dpi 203|300|600] [--out FILE] [--data-dir DIR]
         Render one label. Built-in templates: unit, sscc, bin, rfid-unit (plus <data dir>/labels/*.json).
         Data keys: gtin, serial, lot, expiry (YYYY-MM-DD), description, sscc, location.
         Writes to stdout without --out (PDF and PNG only when stdout is not a terminal: redirect or
         pipe it). Exits 2 naming the missing or invalid field.
  list   [--data-dir DIR]   Print the templates as JSON (name, title, size, fields) and any refused template.
  check FILE                Validate a template file; exits 2 with the reason (e.g. an unknown field).`

function asUsage<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error))
  }
}

/** "missing field "serial": …" / "invalid field "gtin": …" for data errors; the message otherwise. */
export function describeLabelError(e: AppError): string {
  const field = e.details?.field
  if (typeof field === 'string') {
    const kind = e.code === 'label.missing_field' ? 'missing' : e.code === 'label.unknown_field' ? 'unknown' : 'invalid'
    const rest = e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message
    return `${kind} field "${field}": ${rest}`
  }
  return e.message
}

export function parseDataArg(raw: string | undefined): unknown {
  if (raw === undefined) throw new UsageError('--data is required: a JSON object such as {"gtin":"09521234543213","serial":"SN1"}.')
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw new UsageError(`--data is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function writeBytes(bytes: Buffer, io: CliIo): void {
  const sink = io as CliIo & { bytes?: (b: Buffer) => void }
  if (sink.bytes) sink.bytes(bytes)
  else process.stdout.write(bytes)
}

async function render(argv: string[], io: CliIo): Promise<number> {
  const { values } = asUsage(() =>
    parseArgs({
      args: argv,
      options: { template: { type: 'string' }, data: { type: 'string' }, format: { type: 'string' }, dpi: { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' } },
      strict: true
    })
  )
  if (!values.template) throw new UsageError('--template is required (unit, sscc, bin, rfid-unit or one of yours).')
  const format = values.format ?? 'zpl'
  if (format !== 'zpl' && format !== 'pdf' && format !== 'png') throw new UsageError(`--format must be zpl, pdf or png; got "${format}".`)
  const dpi = values.dpi === undefined ? 203 : Number(values.dpi)
  if (![203, 300, 600].includes(dpi)) throw new UsageError(`--dpi must be 203, 300 or 600; got "${values.dpi}".`)
  if (!values.out && format !== 'zpl' && !(io as CliIo & { bytes?: unknown }).bytes && process.stdout.isTTY) {
    throw new UsageError(`--format ${format} is binary and stdout is a terminal: add --out FILE, or redirect (> label.${format}).`)
  }
  const data = parseDataArg(values.data)
  const { createLabelService } = await import('../../labels')
  const labels = createLabelService({ dataDir: resolveDataDir(values['data-dir']) })
  const r = await labels.render(values.template, data, format, dpi)
  if (!r.ok) throw new UsageError(describeLabelError(r.error))
  if (values.out) writeFileSync(values.out, r.value.bytes)
  else if (format === 'zpl') io.out(r.value.zpl)
  else writeBytes(r.value.bytes, io)
  return EXIT_OK
}

const label: CliCommand = {
  summary: 'Render labels from templates (ZPL, PDF, PNG) and check templates',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || ((sub === '--help' || sub === '-h') && rest.length === 0)) {
      io.out(USAGE)
      return sub === undefined ? 2 : EXIT_OK
    }
    if (wantsHelp(rest)) {
      io.out(USAGE)
      return EXIT_OK
    }
    if (sub === 'render') return render(rest, io)
    if (sub === 'list') {
      const { values } = asUsage(() => parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, strict: true }))
      const { createLabelService } = await import('../../labels')
      const labels = createLabelService({ dataDir: resolveDataDir(values['data-dir']) })
      const list = labels.templates().map((t) => ({ name: t.name, title: t.title, source: t.source, size: t.size, fields: t.fields, rfid: Boolean(t.rfid) }))
      io.out(JSON.stringify({ templates: list, problems: labels.problems() }, null, 2))
      return EXIT_OK
    }
    if (sub === 'check') {
      const { positionals } = asUsage(() => parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true }))
      if (positionals.length !== 1) throw new UsageError('check takes one template file.')
      const { loadTemplateFile } = await import('../../labels/template')
      const t = loadTemplateFile(positionals[0]!)
      if (!t.ok) throw new UsageError(t.error.message)
      io.out(JSON.stringify({ ok: true, name: t.value.name, fields: t.value.fields }))
      return EXIT_OK
    }
    throw new UsageError(`unknown subcommand "${sub}"; use render, list or check.`)
  }
}

export default label
