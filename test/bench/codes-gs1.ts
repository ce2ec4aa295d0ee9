/**
 * GS1 parse throughput: our parser (full validation) against gs1-barcode-parser-mod on the same mix,
 * plus the probe inputs each one gets wrong. Run: node --import tsx test/bench/codes-gs1.ts
 */
import { createRequire } from 'node:module'
import { gs1CheckDigit } from '../../src/shared/codes/checkdigit'
import { parseGs1 } from '../../src/shared/codes/gs1/index'

const require = createRequire(import.meta.url)
const { parseBarcode } = require('gs1-barcode-parser-mod') as { parseBarcode: (code: string) => unknown }

const GS = '\u001d'
const TARGET = 300_000
const withCheck = (body: string): string => body + String(gs1CheckDigit(body))
const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function realisticMix(count: number): string[] {
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const gtin = withCheck(`0952123454${pad(i % 1000, 3)}`)
    switch (i % 4) {
      case 0: // GS1 DataMatrix on a unit: GTIN + serial + lot + expiry
        out.push(`]d201${gtin}21SN${pad(i * 7919, 9)}${GS}10L${pad(i % 97, 3)}${GS}17${pad(26 + (i % 3), 2)}0630`)
        break
      case 1: // GS1-128 pallet label: SSCC
        out.push(`]C100${withCheck(`1061414${pad(i, 10)}`)}`)
        break
      case 2: // GS1-128 case: GTIN + net weight
        out.push(`]C101${gtin}3103${pad(i % 100000, 6)}`)
        break
      default: // Digital Link on a QR code
        out.push(`https://id.gs1.org/01/${gtin}/21/S${pad(i, 6)}?17=270630`)
    }
  }
  return out
}

function scansPerSecond(inputs: readonly string[], parse: (s: string) => unknown): number {
  const run = (n: number): void => {
    for (let i = 0; i < n; i++) {
      try {
        parse(inputs[i % inputs.length]!)
      } catch {
        // refusals by throwing count as a parse
      }
    }
  }
  run(20_000) // warm-up
  let n = 50_000
  for (;;) {
    const start = process.hrtime.bigint()
    run(n)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (seconds >= 1) return n / seconds
    n = Math.ceil(n * Math.min(10, 1.2 / Math.max(seconds, 0.01)))
  }
}

interface Probe {
  input: string
  valid: boolean
  what: string
}

const PROBES: Probe[] = [
  { input: `]C1011231231231233310ABC123${GS}99TESTING`, valid: true, what: 'HARDWARE.md example' },
  { input: `]d20109521234543213` + `21ABC${GS}17270600`, valid: true, what: 'expiry with day 00' },
  { input: `https://id.gs1.org/01/09521234543213/21/ABC?17=270630`, valid: true, what: 'Digital Link' },
  { input: `]C101095212345432143103000189`, valid: false, what: 'bad GTIN check digit' },
  { input: `]C100106141412345678907`, valid: false, what: 'bad SSCC check digit' },
  { input: `]d2010952123454321317250230`, valid: false, what: 'bad date 250230' },
  { input: `]d2010952123454321317251301`, valid: false, what: 'bad month 13' },
  { input: `]C10109521234543213239912`, valid: false, what: 'unknown AI 2399' },
  { input: `]C121ABC`, valid: false, what: 'serial without GTIN (pairing)' },
  { input: `]C10109521234543213` + `10A${GS}10B`, valid: false, what: 'repeated AI with different values' },
  { input: `]C10109521234543213` + `10AB~C`, valid: false, what: 'character outside CSET 82' },
  { input: `]C101095212345432`, valid: false, what: 'truncated GTIN' },
  { input: `]C10109521234543213422999`, valid: false, what: 'unknown country 999' },
  { input: `HttpS://id.gs1.org/01/09521234543213`, valid: false, what: 'mixed-case DL scheme' }
]

function wrongOnes(accepts: (s: string) => boolean): string[] {
  return PROBES.filter((p) => accepts(p.input) !== p.valid).map((p) => `${p.valid ? 'refuses' : 'accepts'} ${p.what}`)
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

const inputs = realisticMix(4000)
const ours = scansPerSecond(inputs, (s) => parseGs1(s))
const theirs = scansPerSecond(inputs, (s) => parseBarcode(s))

console.log(`gs1 parse (dockside): ${fmt(ours)} scans/s (target ≥ ${fmt(TARGET)}) ${ours >= TARGET ? 'PASS' : 'FAIL'}`)
console.log(`gs1 parse (gs1-barcode-parser-mod): ${fmt(theirs)} scans/s`)
console.log(`ratio dockside / gs1-barcode-parser-mod: ${(ours / theirs).toFixed(2)}x`)

const oursWrong = wrongOnes((s) => parseGs1(s).ok)
const theirsWrong = wrongOnes((s) => {
  try {
    parseBarcode(s)
    return true
  } catch {
    return false
  }
})
console.log(`wrong on ${PROBES.length} probes (dockside): ${oursWrong.length ? oursWrong.join('; ') : 'none'}`)
console.log(`wrong on ${PROBES.length} probes (gs1-barcode-parser-mod): ${theirsWrong.length ? theirsWrong.join('; ') : 'none'}`)
