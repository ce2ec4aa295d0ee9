import { parseArgs, type ParseArgsConfig } from 'node:util'
import { EXIT_INVALID, EXIT_OK, UsageError, wantsHelp, type CliCommand, type CliIo } from '../command'
import {
  EPC_SCHEMES,
  decodeEpc,
  encodeElementString,
  encodePureIdentityUri,
  encodeTagUri,
  isEpcScheme,
  type Epc,
  type EpcScheme
} from '../../../shared/codes/epc/index'
import type { Result } from '../../../shared/result'

const USAGE = `Usage: dockside epc <decode|encode> …

  decode <hex>                      Decode an EPC bank (from the header on) to JSON
  encode <element string|URI> …    Encode an EPC to hex, tag URI and pure identity URI

Schemes: ${EPC_SCHEMES.join(', ')}. Exit 0 ok, 2 invalid input (reason on stderr).
Run \`dockside epc decode --help\` or \`dockside epc encode --help\` for details.`

const DECODE_USAGE = `Usage: dockside epc decode <hex>

  <hex>  The EPC memory bank from the header on, case-insensitive hex. Bits past the
         scheme's length are ignored; too few bits are invalid.

Prints JSON: scheme, filter, partition, companyPrefix, gtin+serial (SGTIN), sscc (SSCC),
gln+extension (SGLN), grai (GRAI), elementString, tagUri, pureIdentityUri, hex.
Invalid input (non-hex, unknown header, partition 7, prefix/reference out of range,
non-zero SSCC reserved bits, bad SGTIN-198 serial): exit 2, one-line reason on stderr.

Example:
  dockside epc decode 3074257BF7194E4000001A85`

const ENCODE_USAGE = `Usage: dockside epc encode <element string> --filter <0-7> --company-prefix-length <6-12> [--scheme <scheme>]
       dockside epc encode <pure identity URI> --filter <0-7> [--scheme <scheme>]
       dockside epc encode <tag URI>

  <element string>  Bracketed GS1 element string: (01)…(21)… for SGTIN, (00)… for SSCC,
                    (414)…[(254)…] for SGLN, (8003)… for GRAI.
  --scheme          ${EPC_SCHEMES.join(' | ')}. Default: sgtin-96 when the serial fits
                    (digits, no leading zero, ≤ 274877906943), else sgtin-198; sscc-96,
                    sgln-96, grai-96 by AI.
  --filter          Filter value 0..7 (SGTIN: 1 point of sale, 2 full case, 6 unit load).
  --company-prefix-length  Digits of the GS1 Company Prefix (6..12).

Prints JSON with hex (upper case, scheme bits rounded up to 16-bit words), tagUri,
pureIdentityUri and the decoded fields. Invalid input: exit 2, reason on stderr.

Example:
  dockside epc encode '(01)80614141123458(21)6789' --scheme sgtin-96 --filter 3 --company-prefix-length 7`

/** One line, whatever the message carried. */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ')

function emit(result: Result<Epc>, io: CliIo, sub: string): number {
  if (!result.ok) {
    io.err(`dockside epc ${sub}: ${oneLine(result.error.message)}`)
    return EXIT_INVALID
  }
  io.out(JSON.stringify(result.value, null, 2))
  return EXIT_OK
}

function parse(argv: string[], options: ParseArgsConfig['options']): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
    return { values, positionals }
  } catch (error) {
    throw new UsageError(error instanceof Error ? oneLine(error.message) : String(error))
  }
}

function decode(argv: string[], io: CliIo): number {
  if (wantsHelp(argv)) {
    io.out(DECODE_USAGE)
    return EXIT_OK
  }
  const { positionals } = parse(argv, {})
  if (positionals.length !== 1) throw new UsageError(`decode takes exactly one hex argument. Run \`dockside epc decode --help\`.`)
  return emit(decodeEpc(positionals[0]!), io, 'decode')
}

function intOption(name: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined
  if (typeof raw !== 'string' || !/^\d{1,2}$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${String(raw)}".`)
  return Number(raw)
}

function encode(argv: string[], io: CliIo): number {
  if (wantsHelp(argv)) {
    io.out(ENCODE_USAGE)
    return EXIT_OK
  }
  const { values, positionals } = parse(argv, {
    scheme: { type: 'string' },
    filter: { type: 'string' },
    'company-prefix-length': { type: 'string' }
  })
  if (positionals.length !== 1) throw new UsageError('encode takes exactly one element string or EPC URI. Run `dockside epc encode --help`.')
  const input = positionals[0]!
  const schemeRaw = values.scheme as string | undefined
  if (schemeRaw !== undefined && !isEpcScheme(schemeRaw)) throw new UsageError(`--scheme must be one of ${EPC_SCHEMES.join(', ')}, got "${schemeRaw}".`)
  const scheme: EpcScheme | undefined = schemeRaw
  const filter = intOption('filter', values.filter)
  const cpl = intOption('company-prefix-length', values['company-prefix-length'])

  if (input.startsWith('urn:epc:tag:')) {
    if (scheme !== undefined || filter !== undefined || cpl !== undefined) {
      throw new UsageError('a tag URI already carries scheme, filter and company prefix; drop --scheme, --filter and --company-prefix-length.')
    }
    return emit(encodeTagUri(input), io, 'encode')
  }
  if (filter === undefined) throw new UsageError('--filter is required (0..7).')
  if (input.startsWith('urn:epc:id:')) {
    if (cpl !== undefined) throw new UsageError('a pure identity URI already shows the company prefix; drop --company-prefix-length.')
    return emit(encodePureIdentityUri(input, scheme === undefined ? { filter } : { scheme, filter }), io, 'encode')
  }
  if (cpl === undefined) throw new UsageError('--company-prefix-length is required for an element string (6..12).')
  return emit(encodeElementString(input, scheme === undefined ? { filter, companyPrefixLength: cpl } : { scheme, filter, companyPrefixLength: cpl }), io, 'encode')
}

const command: CliCommand = {
  summary: 'Decode and encode RFID EPCs (Tag Data Standard)',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === 'decode') return decode(rest, io)
    if (sub === 'encode') return encode(rest, io)
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      io.out(USAGE)
      return sub === undefined ? EXIT_INVALID : EXIT_OK
    }
    throw new UsageError(`unknown subcommand "${sub}". Run \`dockside epc --help\`.`)
  }
}

export default command
