import type { Command } from '../../shared/codes/commands'

/**
 * The keyboard shortcut of each command (ADR 0016), matched on the physical key (`KeyboardEvent.code`)
 * with Alt, so it works on any layout and never collides with typing or a wedge scan.
 */
export const SHORTCUTS: Record<Command, { code: string; label: string }> = {
  undo: { code: 'KeyU', label: 'Alt+U' },
  'close-order': { code: 'KeyC', label: 'Alt+C' },
  'new-pallet': { code: 'KeyN', label: 'Alt+N' },
  'exception-damaged': { code: 'KeyD', label: 'Alt+D' },
  'exception-no-label': { code: 'KeyL', label: 'Alt+L' },
  'exception-wrong-item': { code: 'KeyW', label: 'Alt+W' },
  'exception-unexpected-serial': { code: 'KeyS', label: 'Alt+S' },
  'receive-anyway': { code: 'KeyA', label: 'Alt+A' },
  'print-pallet-label': { code: 'KeyP', label: 'Alt+P' },
  'print-again': { code: 'KeyR', label: 'Alt+R' },
  'sign-out': { code: 'KeyQ', label: 'Alt+Q' },
  confirm: { code: 'KeyY', label: 'Alt+Y' },
  cancel: { code: 'KeyX', label: 'Alt+X' },
  'go-receive': { code: 'Digit1', label: 'Alt+1' },
  'go-putaway': { code: 'Digit2', label: 'Alt+2' },
  'go-lookup': { code: 'Digit3', label: 'Alt+3' },
  'go-label': { code: 'Digit4', label: 'Alt+4' },
  'go-gate': { code: 'Digit5', label: 'Alt+5' },
  // Gate, Sync and Look up: letters a browser's own Alt menu (F, E) and address bar (D) leave alone where possible.
  'gate-start': { code: 'KeyG', label: 'Alt+G' },
  'gate-free-read': { code: 'KeyB', label: 'Alt+B' },
  'gate-end': { code: 'KeyT', label: 'Alt+T' },
  'gate-hold': { code: 'KeyH', label: 'Alt+H' },
  'gate-hold-missing': { code: 'KeyM', label: 'Alt+M' },
  'gate-hold-unexpected': { code: 'KeyI', label: 'Alt+I' },
  'gate-hold-damaged': { code: 'KeyV', label: 'Alt+V' },
  'gate-reset': { code: 'KeyZ', label: 'Alt+Z' },
  'sync-now': { code: 'KeyA', label: 'Alt+A' },
  'lookup-order': { code: 'KeyO', label: 'Alt+O' }
}

const BY_CODE = new Map(Object.entries(SHORTCUTS).map(([command, s]) => [s.code, command as Command]))

/** The command of a key press (Alt + the key, no Ctrl/Meta), or null. */
export function commandOfKey(ev: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }): Command | null {
  if (!ev.altKey || ev.ctrlKey || ev.metaKey) return null
  return BY_CODE.get(ev.code) ?? null
}
