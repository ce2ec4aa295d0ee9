import { parseArgs } from 'node:util'
import { buildElementString, parseGs1, type Gs1BuildFormat, type Gs1Element } from '../../../shared/codes/gs1/index'
import { EXIT_INVALID, EXIT_OK, UsageError, wantsHelp, type CliCommand, type CliIo } from '../command'

const USAGE = `Usage: dockside gs1 <parse|build> [options]

  parse <data>   Validate GS1 data and print its elements as JSON (exit 2 when invalid or not GS1)
  build --ai AI=VALUE [--ai …] [--format hri|scan|dl] [--base URL]
                 Print an element string built from the given AIs

Run \`dockside gs1 parse --help\` or \`dockside gs1 build --help\` for details.`

const PARSE_USAGE = `Usage: dockside gs1 parse <data> [--gs TEXT]…

<data> is one argument: AIM-prefixed scan data (]C1 ]e0 ]d2 ]Q3 ]J1 + element string, GS = byte 0x1D;
]E0/]E4 EAN/UPC), ]d1/]Q1 + Digital Link URI, a bracketed string "(01)…(10)…" (\\( and \\) for literal
parentheses) or a GS1 Digital Link URI.
  --gs TEXT   a text stand-in for the GS separator, e.g. "<GS>" (repeatable), as \`dockside scan --gs\`
Prints one JSON object {"form","symbology"?,"elements":[{"ai","value"}…],"fields":{…}} and exits 0;
prints a one-line reason on stderr and exits 2 when the data is invalid or not GS1.`

const BUILD_USAGE = `Usage: dockside gs1 build --ai AI=VALUE [--ai AI=VALUE …] [--format hri|scan|dl] [--base URL]

  --ai AI=VALUE   an element, repeatable, kept in the given order
  --format        hri (default): (01)09521234543213(21)ABC
                  scan: ]d2 + element string, GS as the real 0x1D byte after variable-length values
                  dl: GS1 Digital Link URI
  --base URL      Digital Link base (default https://id.gs1.org)
Exits 2 with the reason on stderr when an AI or value is invalid.`

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}

/** parseArgs errors are usage errors (exit 2). */
function asUsage<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    throw new UsageError(error instanceof Error ? oneLine(error.message) : String(error))
  }
}

async function runParse(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(PARSE_USAGE)
    return EXIT_OK
  }
  const { values, positionals } = asUsage(() =>
    parseArgs({ args: argv, options: { gs: { type: 'string', multiple: true } }, allowPositionals: true, strict: true })
  )
  if (positionals.length !== 1) throw new UsageError('parse takes exactly one argument: the data to parse.')
  const gsSubstitutes = values.gs ?? []
  if (gsSubstitutes.some((text) => text.length === 0)) throw new UsageError('--gs needs a non-empty text, e.g. --gs "<GS>".')
  const result = parseGs1(positionals[0]!, { gsSubstitutes })
  if (!result.ok) {
    io.err(`gs1 parse: ${oneLine(result.error.message)} [${result.error.code}]`)
    return EXIT_INVALID
  }
  io.out(JSON.stringify(result.value))
  return EXIT_OK
}

async function runBuild(argv: string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(BUILD_USAGE)
    return EXIT_OK
  }
  const { values, positionals } = asUsage(() =>
    parseArgs({
      args: argv,
      options: { ai: { type: 'string', multiple: true }, format: { type: 'string', default: 'hri' }, base: { type: 'string' } },
      allowPositionals: true,
      strict: true
    })
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]!}".`)
  const format = values.format ?? 'hri'
  if (format !== 'hri' && format !== 'scan' && format !== 'dl') throw new UsageError(`--format must be hri, scan or dl; got "${format}".`)
  const pairs = values.ai ?? []
  if (pairs.length === 0) throw new UsageError('give at least one --ai AI=VALUE.')
  const elements: Gs1Element[] = []
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq < 0 || !/^\d{2,4}$/.test(pair.slice(0, eq))) throw new UsageError(`--ai wants AI=VALUE with a 2–4 digit AI; got "${pair}".`)
    elements.push({ ai: pair.slice(0, eq), value: pair.slice(eq + 1) })
  }
  const base = values.base
  const built = buildElementString(elements, format satisfies Gs1BuildFormat, base === undefined ? {} : { base })
  if (!built.ok) {
    io.err(`gs1 build: ${oneLine(built.error.message)} [${built.error.code}]`)
    return EXIT_INVALID
  }
  io.out(built.value)
  return EXIT_OK
}

const command: CliCommand = {
  summary: 'Parse and build GS1 element strings and Digital Link URIs',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === 'parse') return runParse(rest, io)
    if (sub === 'build') return runBuild(rest, io)
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      io.out(USAGE)
      return sub === undefined ? EXIT_INVALID : EXIT_OK
    }
    throw new UsageError(`unknown subcommand "${sub}". ${oneLine(USAGE.split('\n')[0]!)}`)
  }
}

export default command
