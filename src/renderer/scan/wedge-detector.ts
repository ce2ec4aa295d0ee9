/**
 * Keyboard-wedge scanner detection, pure: fed key events (as `KeyboardEvent` gives them), it tells
 * scanner bursts from typing by the gaps between `timeStamp`s, and says which keys to swallow.
 * A scanner types 1–20 ms apart, people ≥ 60 ms; a burst ends at the suffix key or after silence.
 * GS (ASCII 29, the GS1 FNC1 separator) arrives as Ctrl+], as Alt+0029 on the numeric keypad, or as a
 * text substitute (replaced in main by the pipeline).
 */
import type { WedgeSuffix } from '../../shared/model/station'

export interface WedgeKey {
  type: 'keydown' | 'keyup'
  key: string
  code: string
  timeStamp: number
  ctrlKey: boolean
  altKey: boolean
  metaKey?: boolean
}

export interface WedgeConfig {
  /** Keys at most this far apart belong to one burst (ms). */
  interKeyMs: number
  /** A burst without its suffix ends after this much silence (ms). */
  endTimeoutMs: number
  /** Text the scanner sends first ('' for none); a burst without it is not a scan. Stripped. */
  prefix: string
  suffix: WedgeSuffix
  /** Shorter bursts are typing (a fast key pair), not scans. */
  minLength: number
  /**
   * Keys up to this far apart, outside a text field and ending in the suffix, are a burst too slow to
   * be taken as a scan but too steady to ignore: reported as `slow` (the UI says "calibrate"), never
   * dropped silently. 0 turns the report off.
   */
  slowKeyMs?: number
}

export const DEFAULT_SLOW_KEY_MS = 150
export const DEFAULT_WEDGE_CONFIG: WedgeConfig = { interKeyMs: 40, endTimeoutMs: 200, prefix: '', suffix: 'Enter', minLength: 4, slowKeyMs: DEFAULT_SLOW_KEY_MS }

export interface WedgeDecision {
  /** `swallow`: preventDefault + stop the event (it belongs to a scan). */
  action: 'pass' | 'swallow'
  /** This key may start a scan: remember the focused field's value to restore it. */
  start?: boolean
  /** A complete scan (prefix and suffix stripped, GS as U+001D). */
  scan?: string
  /** The burst was typed into a text field: put the field back as it was before the burst. */
  restore?: boolean
  /**
   * A suffix-terminated burst outside a text field whose keys came slower than `interKeyMs` (a slow
   * Bluetooth scanner, or someone typing with nowhere to type): not a scan, but reported so the UI
   * can say "scan too slow — calibrate" instead of dropping it silently.
   */
  slow?: string
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'OS', 'Fn'])
export const GS = '\u001d'
/** Longest burst kept; the pipeline rejects anything over its own (smaller) limit with a reason. */
export const MAX_WEDGE_CHARS = 16_384

const PASS: WedgeDecision = { action: 'pass' }
const SWALLOW: WedgeDecision = { action: 'swallow' }

export class WedgeDetector {
  private buf = ''
  private last: number | null = null
  private startedInField = false
  private altDigits: string | null = null
  /** Keys whose keydown was swallowed: their keyup is swallowed too (Space on a button clicks on keyup). */
  private swallowed = new Set<string>()
  /** The slow run outside text fields: characters whose gaps were all ≤ slowKeyMs. */
  private slowBuf = ''
  private slowLast: number | null = null

  constructor(private config: WedgeConfig = DEFAULT_WEDGE_CONFIG) {}

  setConfig(config: WedgeConfig): void {
    this.config = config
  }

  /** Time of the last key of a burst in progress, or null (the DOM binding arms its timer from it). */
  pendingSince(): number | null {
    return this.buf.length > 0 ? this.last : null
  }

  /** `inField`: the focused element takes text (input, textarea, contenteditable). */
  handle(ev: WedgeKey, inField: boolean): WedgeDecision {
    return ev.type === 'keyup' ? this.keyup(ev) : this.keydown(ev, inField)
  }

  /**
   * Ends a burst when the scanner is set up without a suffix (`suffix: 'none'`). The DOM binding calls
   * it when no key has *arrived* for `endTimeoutMs` (real time); `now` (a timeStamp) makes the detector
   * check the silence itself. With a suffix configured the suffix is required: a burst is only a scan
   * once it arrives, however late the keys are delivered (their timeStamps still say they belong
   * together), so a busy or loaded machine never splits a scan in two.
   */
  timeout(now?: number): WedgeDecision | null {
    if (this.config.suffix !== 'none' || this.buf.length === 0 || this.last === null) return null
    if (now !== undefined && now - this.last < this.config.endTimeoutMs - 1) return null
    const inField = this.startedInField
    const body = this.body()
    this.reset()
    return body === null ? null : { action: 'pass', scan: body, restore: inField }
  }

  reset(): void {
    this.buf = ''
    this.last = null
    this.startedInField = false
    this.altDigits = null
    this.slowBuf = ''
    this.slowLast = null
  }

  private trackSlow(c: string, t: number, inField: boolean): void {
    const limit = this.config.slowKeyMs ?? DEFAULT_SLOW_KEY_MS
    if (inField || limit <= 0) {
      this.slowBuf = ''
      this.slowLast = null
      return
    }
    const steady = this.slowLast !== null && t - this.slowLast <= limit
    this.slowBuf = steady && this.slowBuf.length < MAX_WEDGE_CHARS ? this.slowBuf + c : c
    this.slowLast = t
  }

  /** The slow run's text when it qualifies (prefix, length, its suffix in time), else null. */
  private slowBody(t: number): string | null {
    const limit = this.config.slowKeyMs ?? DEFAULT_SLOW_KEY_MS
    if (limit <= 0 || this.slowLast === null || t - this.slowLast > limit) return null
    const { prefix, minLength } = this.config
    if (prefix && !this.slowBuf.startsWith(prefix)) return null
    const body = this.slowBuf.slice(prefix.length)
    return body.length >= minLength ? body : null
  }

  private inBurst(t: number): boolean {
    return this.buf.length > 0 && this.last !== null && t - this.last <= this.config.interKeyMs
  }

  /** The scan text when the burst qualifies (prefix present, long enough), else null. */
  private body(): string | null {
    const { prefix, minLength } = this.config
    if (prefix && !this.buf.startsWith(prefix)) return null
    const body = this.buf.slice(prefix.length)
    return body.length >= minLength ? body : null
  }

  private swallow(code: string): WedgeDecision {
    if (code) this.swallowed.add(code)
    return SWALLOW
  }

  private char(c: string, ev: WedgeKey, inField: boolean): WedgeDecision {
    const t = ev.timeStamp
    this.trackSlow(c, t, inField)
    if (this.inBurst(t)) {
      if (this.buf.length < MAX_WEDGE_CHARS) this.buf += c
      this.last = t
      // In a field the characters land (and are taken back at the end); elsewhere nothing should
      // happen on them (Space would press a focused button), so they are swallowed.
      return inField && c !== GS ? PASS : this.swallow(ev.code)
    }
    this.buf = c
    this.last = t
    this.startedInField = inField
    this.altDigits = null
    return c === GS ? { ...this.swallow(ev.code), start: true } : { action: 'pass', start: true }
  }

  private keydown(ev: WedgeKey, inField: boolean): WedgeDecision {
    const { key, code } = ev
    if (MODIFIERS.has(key)) {
      if (key !== 'Alt') return PASS
      this.altDigits = ''
      if (!this.inBurst(ev.timeStamp)) return PASS
      // Inside a burst Alt starts an Alt code; swallowed so it never opens a window menu.
      this.last = ev.timeStamp
      return this.swallow(code)
    }
    // Alt + numeric keypad digits: an Alt code (Alt+0029 = GS) arriving inside a burst.
    if (ev.altKey && !ev.ctrlKey && /^Numpad[0-9]$/.test(code)) {
      if (!this.inBurst(ev.timeStamp)) return PASS
      this.altDigits = (this.altDigits ?? '') + code.slice(6)
      this.last = ev.timeStamp
      return this.swallow(code)
    }
    const altGr = ev.ctrlKey && ev.altKey // AltGr on European layouts reports Ctrl+Alt
    if (ev.ctrlKey && !ev.altKey && (key === ']' || code === 'BracketRight' || key === GS)) return this.char(GS, ev, inField)
    if (key === GS) return this.char(GS, ev, inField)
    if ((ev.ctrlKey && !altGr) || ev.metaKey) {
      this.reset()
      return PASS
    }
    if ([...key].length === 1) return this.char(key, ev, inField)
    if (this.config.suffix !== 'none' && key === this.config.suffix) {
      const t = ev.timeStamp
      const recent = this.last !== null && t - this.last <= this.config.endTimeoutMs
      const body = recent ? this.body() : null
      const restore = this.startedInField
      const slow = body === null ? this.slowBody(t) : null
      this.reset()
      if (slow !== null) return { action: 'pass', slow }
      if (body === null) return PASS
      return { ...this.swallow(code), scan: body, restore }
    }
    // Backspace, arrows, Escape, F-keys…: a person is at the keyboard.
    this.reset()
    return PASS
  }

  private keyup(ev: WedgeKey): WedgeDecision {
    const wasSwallowed = this.swallowed.delete(ev.code)
    if (ev.key === 'Alt' && this.altDigits) {
      const value = parseInt(this.altDigits, 10)
      this.altDigits = null
      if (this.inBurst(ev.timeStamp) && value > 0 && value < 256) {
        this.buf += String.fromCharCode(value)
        this.last = ev.timeStamp
        return SWALLOW
      }
      return PASS
    }
    if (ev.key === 'Alt') this.altDigits = null
    return wasSwallowed ? SWALLOW : PASS
  }
}
