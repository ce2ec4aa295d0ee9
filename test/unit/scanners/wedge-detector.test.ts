import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WEDGE_CONFIG, GS, WedgeDetector, type WedgeConfig, type WedgeDecision, type WedgeKey } from '../../../src/renderer/scan/wedge-detector'

interface Run {
  scans: string[]
  restores: boolean[]
  decisions: WedgeDecision[]
}

const down = (key: string, t: number, extra: Partial<WedgeKey> = {}): WedgeKey => ({ type: 'keydown', key, code: extra.code ?? codeOf(key), timeStamp: t, ctrlKey: false, altKey: false, ...extra })
const up = (key: string, t: number, extra: Partial<WedgeKey> = {}): WedgeKey => ({ ...down(key, t, extra), type: 'keyup' })
function codeOf(key: string): string {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`
  if (/^[0-9]$/.test(key)) return `Digit${key}`
  return key.length === 1 ? `Sym${key.charCodeAt(0)}` : key
}

/** Keys as a scanner types them: `gap` ms apart, `\x1d` as Ctrl+], then the suffix. */
function scanner(text: string, t0: number, gap = 8, suffix = 'Enter'): WedgeKey[] {
  const keys: WedgeKey[] = []
  let t = t0
  for (const c of text) {
    if (c === GS) keys.push(down(']', t, { ctrlKey: true, code: 'BracketRight' }))
    else keys.push(down(c, t))
    t += gap
  }
  if (suffix) keys.push(down(suffix, t))
  return keys
}

function feed(d: WedgeDetector, keys: WedgeKey[], inField = false, timeoutAt?: number): Run {
  const run: Run = { scans: [], restores: [], decisions: [] }
  for (const k of keys) {
    const r = d.handle(k, inField)
    run.decisions.push(r)
    if (r.scan !== undefined) {
      run.scans.push(r.scan)
      run.restores.push(r.restore ?? false)
    }
  }
  if (timeoutAt !== undefined) {
    const r = d.timeout(timeoutAt)
    if (r?.scan !== undefined) {
      run.scans.push(r.scan)
      run.restores.push(r.restore ?? false)
    }
  }
  return run
}

const cfg = (c: Partial<WedgeConfig> = {}): WedgeConfig => ({ ...DEFAULT_WEDGE_CONFIG, ...c })

describe('WedgeDetector', () => {
  it('recognises a scanner burst ending in Enter and swallows its Enter and its keys after the first', () => {
    const d = new WedgeDetector(cfg())
    const run = feed(d, scanner('0109521234543213', 1000))
    expect(run.scans).toEqual(['0109521234543213'])
    expect(run.decisions[0]).toEqual({ action: 'pass', start: true })
    expect(run.decisions.slice(1).every((x) => x.action === 'swallow')).toBe(true)
  })

  it('turns Ctrl+] into GS', () => {
    const run = feed(new WedgeDetector(cfg()), scanner(`]C1011231231231233310ABC123${GS}99TESTING`, 0))
    expect(run.scans).toEqual([`]C1011231231231233310ABC123${GS}99TESTING`])
  })

  it('turns Alt + numpad 0 0 2 9 into GS (Windows Alt codes), swallowing the Alt keys', () => {
    const d = new WedgeDetector(cfg())
    const keys = [
      ...scanner('10ABC', 0, 8, ''),
      down('Alt', 40, { code: 'AltLeft', altKey: true }),
      down('0', 48, { code: 'Numpad0', altKey: true }),
      up('0', 50, { code: 'Numpad0', altKey: true }),
      down('0', 56, { code: 'Numpad0', altKey: true }),
      down('2', 64, { code: 'Numpad2', altKey: true }),
      down('9', 72, { code: 'Numpad9', altKey: true }),
      up('Alt', 80, { code: 'AltLeft' }),
      ...scanner('21XYZ', 88)
    ]
    const run = feed(d, keys)
    expect(run.scans).toEqual([`10ABC${GS}21XYZ`])
    const altIndexes = [5, 6, 7, 8, 9, 10, 11]
    expect(altIndexes.map((i) => run.decisions[i]!.action)).toEqual(['swallow', 'swallow', 'swallow', 'swallow', 'swallow', 'swallow', 'swallow'])
  })

  it('typing (≥ 60 ms apart) is never a scan, even ending in Enter', () => {
    const d = new WedgeDetector(cfg())
    const run = feed(d, scanner('PO-1001', 0, 80))
    expect(run.scans).toEqual([])
    expect(run.decisions.every((x) => x.action === 'pass')).toBe(true)
  })

  it('a fast pair of keys typed by a person is shorter than minLength: Enter passes to the focused button', () => {
    const d = new WedgeDetector(cfg())
    const keys = [down('o', 0), down('k', 20), down('Enter', 35)]
    const run = feed(d, keys)
    expect(run.scans).toEqual([])
    expect(run.decisions[2]!.action).toBe('pass')
  })

  it('a burst typed into a text field: characters pass (the field shows them), the scan asks for a restore', () => {
    const run = feed(new WedgeDetector(cfg()), scanner('ABC123', 0), true)
    expect(run.scans).toEqual(['ABC123'])
    expect(run.restores).toEqual([true])
    expect(run.decisions.slice(0, -1).every((x) => x.action === 'pass')).toBe(true)
    expect(run.decisions.at(-1)!.action).toBe('swallow')
  })

  it("suffix 'none': silence ends the scan (in a field too); with a suffix configured it is required", () => {
    const a = feed(new WedgeDetector(cfg({ suffix: 'none' })), scanner('NOSUFFIX', 0, 5, ''), false, 500)
    expect(a.scans).toEqual(['NOSUFFIX'])
    const c = feed(new WedgeDetector(cfg({ suffix: 'none' })), scanner('NOSUFFIX', 0, 5, ''), true, 500)
    expect(c.scans).toEqual(['NOSUFFIX'])
    expect(c.restores).toEqual([true])
    const d = new WedgeDetector(cfg())
    expect(feed(d, scanner('TYPEDBYROBOT', 0, 1, ''), true, 500).scans).toEqual([])
    // keys delivered late (a busy machine) but stamped as one burst still make one scan
    expect(d.timeout(10_000)).toBeNull()
    expect(feed(d, [down('X', 13), down('Enter', 15)]).scans).toEqual(['TYPEDBYROBOTX'])
  })

  it('timeout() before endTimeoutMs does nothing', () => {
    const d = new WedgeDetector(cfg({ suffix: 'none' }))
    feed(d, scanner('ABCDE', 0, 5, ''))
    expect(d.timeout(100)).toBeNull()
    expect(d.pendingSince()).toBe(20)
  })

  it('prefix is required and stripped; Tab as suffix', () => {
    const d = new WedgeDetector(cfg({ prefix: '§', suffix: 'Tab' }))
    expect(feed(d, scanner('§SCAN1', 0, 5, 'Tab')).scans).toEqual(['SCAN1'])
    expect(feed(d, scanner('NOPREFIX', 1000, 5, 'Tab')).scans).toEqual([])
  })

  it('configurable threshold: a Bluetooth scanner at 70 ms gaps needs interKeyMs ≥ 70', () => {
    expect(feed(new WedgeDetector(cfg()), scanner('BT-SCAN', 0, 70)).scans).toEqual([])
    expect(feed(new WedgeDetector(cfg({ interKeyMs: 100, endTimeoutMs: 300 })), scanner('BT-SCAN', 0, 70)).scans).toEqual(['BT-SCAN'])
  })

  it('ten scans inside two seconds all arrive, in order', () => {
    const d = new WedgeDetector(cfg())
    const keys: WedgeKey[] = []
    const sent: string[] = []
    for (let i = 0; i < 10; i++) {
      const text = `]C0ITEM-${i}-${'X'.repeat(8)}`
      sent.push(text)
      keys.push(...scanner(text, i * 190, 5))
    }
    expect(feed(d, keys).scans).toEqual(sent)
  })

  it('Ctrl/Meta shortcuts and editing keys break a burst', () => {
    const d = new WedgeDetector(cfg())
    const keys = [down('a', 0), down('b', 5), down('c', 10, { ctrlKey: true }), down('d', 15), down('e', 20), down('Enter', 25)]
    expect(feed(d, keys).scans).toEqual([])
    const keys2 = [down('a', 100), down('b', 105), down('c', 110), down('Backspace', 115), down('d', 120), down('Enter', 125)]
    expect(feed(d, keys2).scans).toEqual([])
  })

  it('AltGr characters (Ctrl+Alt on European layouts) are characters', () => {
    const d = new WedgeDetector(cfg())
    const keys = [down('A', 0), down('@', 5, { ctrlKey: true, altKey: true, code: 'Digit2' }), down('B', 10), down('C', 15), down('Enter', 20)]
    expect(feed(d, keys).scans).toEqual(['A@BC'])
  })

  it('swallows the keyup of every swallowed keydown (Space would press a focused button on keyup)', () => {
    const d = new WedgeDetector(cfg())
    const keys = [down('A', 0), down(' ', 5, { code: 'Space' }), up(' ', 7, { code: 'Space' }), down('B', 10), down('C', 12), down('Enter', 15), up('Enter', 17)]
    const run = feed(d, keys)
    expect(run.scans).toEqual(['A BC'])
    expect(run.decisions[2]!.action).toBe('swallow')
    expect(run.decisions[6]!.action).toBe('swallow')
  })

  it('fuzz: any scan text at any gap up to the threshold comes back exactly; slow typing never does', () => {
    const text = fc.string({ minLength: 4, maxLength: 60, unit: fc.constantFrom(...'ABCxyz0189-/.()]', GS) })
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 61, max: 400 }), (s, fast, slow) => {
        expect(feed(new WedgeDetector(cfg()), scanner(s, 1000, fast)).scans).toEqual([s])
        expect(feed(new WedgeDetector(cfg()), scanner(s.replaceAll('\u001d', 'G'), 1000, slow)).scans).toEqual([])
      }),
      { numRuns: 300 }
    )
  })
})

describe('WedgeDetector: slow scanners are never dropped silently (issue 12 item 8)', () => {
  it('a suffix-terminated burst at 60 or 90 ms gaps outside a field is reported as slow (not a scan, Enter passes)', () => {
    for (const gap of [60, 90]) {
      const run = feed(new WedgeDetector(cfg()), scanner('ASN-2001', 0, gap))
      expect(run.scans).toEqual([])
      expect(run.decisions.at(-1)).toEqual({ action: 'pass', slow: 'ASN-2001' })
    }
  })

  it('in a text field slow keys are typing (they land in the field): no report', () => {
    const run = feed(new WedgeDetector(cfg()), scanner('ASN-2001', 0, 90), true)
    expect(run.decisions.some((d) => d.slow !== undefined)).toBe(false)
  })

  it('gaps beyond slowKeyMs, too few characters, a missing prefix, or slowKeyMs 0: no report', () => {
    expect(feed(new WedgeDetector(cfg()), scanner('ASN-2001', 0, 200)).decisions.some((d) => d.slow)).toBe(false)
    expect(feed(new WedgeDetector(cfg()), scanner('AB', 0, 90)).decisions.some((d) => d.slow)).toBe(false)
    expect(feed(new WedgeDetector(cfg({ prefix: '#' })), scanner('ASN-2001', 0, 90)).decisions.some((d) => d.slow)).toBe(false)
    expect(feed(new WedgeDetector(cfg({ slowKeyMs: 0 })), scanner('ASN-2001', 0, 90)).decisions.some((d) => d.slow)).toBe(false)
  })

  it('calibrated to the scanner (interKeyMs learned from a test scan) the same bursts are scans', () => {
    for (const gap of [60, 90]) expect(feed(new WedgeDetector(cfg({ interKeyMs: 145, endTimeoutMs: 340 })), scanner('ASN-2001', 0, gap)).scans).toEqual(['ASN-2001'])
  })

  it('fuzz: every suffix-terminated burst between interKeyMs and slowKeyMs outside a field is either a scan or reported slow', () => {
    const text = fc.string({ minLength: 4, maxLength: 40, unit: fc.constantFrom(...'ABCxyz0189-/.()') })
    fc.assert(
      fc.property(text, fc.integer({ min: 41, max: 150 }), (s, gap) => {
        const run = feed(new WedgeDetector(cfg()), scanner(s, 1000, gap))
        expect(run.scans.length + run.decisions.filter((d) => d.slow === s).length).toBe(1)
      }),
      { numRuns: 200 }
    )
  })
})
