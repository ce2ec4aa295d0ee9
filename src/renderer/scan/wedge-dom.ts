import { WedgeDetector, type WedgeConfig, type WedgeDecision } from './wedge-detector'

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', ''])

/** Elements that take typed text: there a burst's characters land first and are taken back after. */
export function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  if (!el) return false
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled
  return el instanceof HTMLElement && el.isContentEditable
}

interface Snapshot {
  el: HTMLInputElement | HTMLTextAreaElement
  value: string
  start: number | null
  end: number | null
}

/** Puts a field back as it was, through the native setter so React sees the change. */
function restoreField(s: Snapshot): void {
  if (s.el.value === s.value) return
  const proto = s.el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(s.el, s.value)
  s.el.dispatchEvent(new Event('input', { bubbles: true }))
  try {
    if (s.start !== null && s.end !== null) s.el.setSelectionRange(s.start, s.end)
  } catch {
    // number inputs have no selection
  }
}

export interface WedgeBinding {
  config(): WedgeConfig
  enabled(): boolean
  onScan(text: string): void
  /** A suffix-terminated burst too slow to be a scan (see `WedgeDecision.slow`). */
  onSlow?(text: string): void
}

/**
 * The thin DOM side of the wedge: capture-phase key listeners on the window (so they run before any
 * element's handler), a silence timer, and taking a burst back out of a text field. Elements inside
 * `[data-wedge="off"]` get their keys untouched. Returns the detach function.
 */
export function attachWedge(win: Window, binding: WedgeBinding): () => void {
  const detector = new WedgeDetector(binding.config())
  let snapshot: Snapshot | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  const deliver = (d: WedgeDecision) => {
    if (d.slow !== undefined) binding.onSlow?.(d.slow)
    if (d.scan === undefined) return
    if (d.restore && snapshot && win.document.activeElement === snapshot.el) restoreField(snapshot)
    snapshot = null
    binding.onScan(d.scan)
  }

  const arm = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (detector.pendingSince() === null) return
    timer = setTimeout(() => {
      timer = null
      const d = detector.timeout()
      if (d) deliver(d)
    }, binding.config().endTimeoutMs)
  }

  const onKey = (ev: KeyboardEvent) => {
    if (!binding.enabled() || ev.isComposing) return
    const active = win.document.activeElement
    if (active instanceof HTMLElement && active.closest('[data-wedge="off"]')) {
      detector.reset()
      return
    }
    detector.setConfig(binding.config())
    const inField = isTextField(active)
    const d = detector.handle({ type: ev.type === 'keyup' ? 'keyup' : 'keydown', key: ev.key, code: ev.code, timeStamp: ev.timeStamp, ctrlKey: ev.ctrlKey, altKey: ev.altKey, metaKey: ev.metaKey }, inField)
    if (d.start) {
      snapshot =
        inField && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)
          ? { el: active, value: active.value, start: safeSelection(active, 'start'), end: safeSelection(active, 'end') }
          : null
    }
    if (d.action === 'swallow') {
      ev.preventDefault()
      ev.stopImmediatePropagation()
    }
    deliver(d)
    arm()
  }

  win.addEventListener('keydown', onKey, true)
  win.addEventListener('keyup', onKey, true)
  return () => {
    win.removeEventListener('keydown', onKey, true)
    win.removeEventListener('keyup', onKey, true)
    if (timer) clearTimeout(timer)
  }
}

function safeSelection(el: HTMLInputElement | HTMLTextAreaElement, which: 'start' | 'end'): number | null {
  try {
    return which === 'start' ? el.selectionStart : el.selectionEnd
  } catch {
    return null
  }
}
