import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SerialFramer, suffixTerminators, type SerialFrame } from '../../../src/main/devices/scanners/serial-framer'

function collect(framer: SerialFramer): SerialFrame[] {
  const out: SerialFrame[] = []
  framer.on('data', (f: SerialFrame) => out.push(f))
  return out
}
const texts = (frames: SerialFrame[]) => frames.map((f) => (f.kind === 'frame' ? f.bytes.toString('latin1') : `!${f.code}`))

describe('SerialFramer', () => {
  afterEach(() => vi.useRealTimers())

  it('frames on CR, LF and CR LF, one frame per terminator sequence', () => {
    const f = new SerialFramer({ silenceMs: 0 })
    const out = collect(f)
    f.write(Buffer.from('ABC\rDEF\nGHI\r\nJKL\r\n'))
    expect(texts(out)).toEqual(['ABC', 'DEF', 'GHI', 'JKL'])
    expect(out.map((o) => (o.kind === 'frame' ? o.end : ''))).toEqual(['cr', 'lf', 'cr', 'cr'])
  })

  it('a scanner set to a TAB suffix: TAB ends a scan, CR and LF are data; no suffix: only silence ends it (ADR 0017)', () => {
    const tab = new SerialFramer({ silenceMs: 0, terminators: suffixTerminators('tab') })
    const out = collect(tab)
    tab.write(Buffer.from('A1\tB\r2\t\t'))
    expect(texts(out)).toEqual(['A1', 'B\r2'])
    expect(suffixTerminators('cr')).toEqual(suffixTerminators('crlf'))
    vi.useFakeTimers()
    const none = new SerialFramer({ silenceMs: 150, terminators: suffixTerminators('none') })
    const quiet = collect(none)
    none.write(Buffer.from('X\r\nY'))
    expect(quiet).toEqual([])
    vi.advanceTimersByTime(200)
    expect(texts(quiet)).toEqual(['X\r\nY'])
  })

  it('any terminator set: the frames joined with it give back the input, whatever the chunking (fuzz)', () => {
    fc.assert(
      fc.property(fc.constantFrom('cr', 'lf', 'crlf', 'tab') as fc.Arbitrary<'cr' | 'lf' | 'crlf' | 'tab'>, fc.array(fc.array(fc.constantFrom('A', 'z', '0', '9', '-', '\u001d'), { minLength: 1, maxLength: 30 }).map((c) => c.join('')), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), (suffix, scans, chunk) => {
        const end = suffix === 'tab' ? '\t' : suffix === 'cr' ? '\r' : suffix === 'lf' ? '\n' : '\r\n'
        const f = new SerialFramer({ silenceMs: 0, terminators: suffixTerminators(suffix) })
        const out = collect(f)
        const bytes = Buffer.from(scans.map((x) => x + end).join(''), 'latin1')
        for (let i = 0; i < bytes.length; i += chunk) f.write(bytes.subarray(i, i + chunk))
        expect(texts(out)).toEqual(scans)
      })
    )
  })

  it('joins a scan split across chunks, including a CR LF split between chunks', () => {
    const f = new SerialFramer({ silenceMs: 0 })
    const out = collect(f)
    for (const part of [']C1011231', '2312312333', '10ABC123\x1d99TEST', 'ING\r', '\n', 'NEXT\r\n']) f.write(Buffer.from(part, 'latin1'))
    expect(texts(out)).toEqual([']C1011231231231233310ABC123\x1d99TESTING', 'NEXT'])
  })

  it('keeps GS and other bytes untouched', () => {
    const f = new SerialFramer({ silenceMs: 0 })
    const out = collect(f)
    f.write(Buffer.from([0x5d, 0x64, 0x32, 0x30, 0x31, 0x1d, 0xc3, 0xa9, 0x0d]))
    expect(out[0]).toMatchObject({ kind: 'frame' })
    expect([...(out[0] as { bytes: Buffer }).bytes]).toEqual([0x5d, 0x64, 0x32, 0x30, 0x31, 0x1d, 0xc3, 0xa9])
  })

  it('ends a frame after silence when the scanner sends no suffix', () => {
    vi.useFakeTimers()
    const f = new SerialFramer({ silenceMs: 150 })
    const out = collect(f)
    f.write(Buffer.from('0109521234'))
    vi.advanceTimersByTime(100)
    f.write(Buffer.from('543213'))
    vi.advanceTimersByTime(149)
    expect(out).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(texts(out)).toEqual(['0109521234543213'])
    expect(out[0]).toMatchObject({ end: 'silence' })
  })

  it('rejects an over-long frame once, keeps the first bytes as evidence, and carries on', () => {
    const f = new SerialFramer({ silenceMs: 0, maxBytes: 16 })
    const out = collect(f)
    f.write(Buffer.from('X'.repeat(10)))
    f.write(Buffer.from('Y'.repeat(10_000)))
    f.write(Buffer.from('Z\rOK\r'))
    expect(out).toHaveLength(2)
    expect(out[0]).toMatchObject({ kind: 'rejected', code: 'scan.too_long' })
    expect((out[0] as { bytes: Buffer }).bytes.toString()).toBe('XXXXXXXXXXYYYYYY')
    expect((out[0] as { reason: string }).reason).toContain('10011 bytes')
    expect(texts(out.slice(1))).toEqual(['OK'])
  })

  it('reports a half frame as partial when the stream ends (unplug mid-scan), never as a scan', () => {
    const f = new SerialFramer({ silenceMs: 0 })
    const out = collect(f)
    f.write(Buffer.from('FULL\r0109521'))
    f.end()
    expect(texts(out)).toEqual(['FULL', '!scan.partial'])
    expect((out[1] as { bytes: Buffer }).bytes.toString()).toBe('0109521')
  })

  it('ignores bare terminators (noise between scans)', () => {
    const f = new SerialFramer({ silenceMs: 0 })
    const out = collect(f)
    f.write(Buffer.from('\r\n\r\n\n\rA\r\r'))
    expect(texts(out)).toEqual(['A'])
  })

  it('fuzz: any chunking of terminated scans gives the same frames, in order, none lost', () => {
    const scan = fc.uint8Array({ minLength: 1, maxLength: 80 }).map((a) => Uint8Array.from(a, (b) => (b === 0x0d || b === 0x0a ? 0x41 : b)))
    fc.assert(
      fc.property(fc.array(scan, { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }), fc.constantFrom('\r', '\n', '\r\n'), (scans, cuts, term) => {
        const f = new SerialFramer({ silenceMs: 0 })
        const out = collect(f)
        const all = Buffer.concat(scans.flatMap((s) => [Buffer.from(s), Buffer.from(term)]))
        let off = 0
        let i = 0
        while (off < all.length) {
          const n = cuts[i++ % cuts.length]!
          f.write(all.subarray(off, off + n))
          off += n
        }
        expect(out.map((o) => (o.kind === 'frame' ? o.bytes.toString('hex') : 'x'))).toEqual(scans.map((s) => Buffer.from(s).toString('hex')))
      }),
      { numRuns: 300 }
    )
  })

  it('fuzz: random garbage never throws, never emits an empty or over-long frame', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), (chunks) => {
        const f = new SerialFramer({ silenceMs: 0, maxBytes: 64 })
        const out = collect(f)
        for (const c of chunks) f.write(Buffer.from(c))
        f.end()
        for (const o of out) {
          expect(o.bytes.length).toBeGreaterThan(0)
          expect(o.bytes.length).toBeLessThanOrEqual(64)
          if (o.kind === 'frame') expect(o.bytes.includes(0x0d) || o.bytes.includes(0x0a)).toBe(false)
        }
        expect(f.pending()).toBe(0)
      }),
      { numRuns: 300 }
    )
  })
})
