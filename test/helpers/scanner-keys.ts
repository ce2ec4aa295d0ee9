import type { CDPSession, Page } from 'playwright-core'

/**
 * Types like a keyboard-wedge scanner through Playwright's CDP session: every key event carries its
 * own timestamp `gapMs` after the previous one, as a real USB keyboard's events carry the OS's
 * timestamps. (Plain `page.keyboard.type` stamps keys when Chromium gets them, which on a loaded
 * 2-core test box is 30–90 ms apart: slower than any scanner.) Events are pipelined, in order.
 * GS (U+001D) is sent as Ctrl+]; the suffix as Enter.
 */
export async function scannerSession(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  let clock = 0

  const keyFor = (c: string): { key: string; code: string; vk: number; text?: string } => {
    if (c === '\r' || c === '\n') return { key: 'Enter', code: 'Enter', vk: 13, text: '\r' }
    if (c === ' ') return { key: ' ', code: 'Space', vk: 32, text: ' ' }
    if (/[a-z]/.test(c)) return { key: c, code: `Key${c.toUpperCase()}`, vk: c.toUpperCase().charCodeAt(0), text: c }
    if (/[A-Z]/.test(c)) return { key: c, code: `Key${c}`, vk: c.charCodeAt(0), text: c }
    if (/[0-9]/.test(c)) return { key: c, code: `Digit${c}`, vk: c.charCodeAt(0), text: c }
    const named: Record<string, [string, number]> = { ']': ['BracketRight', 221], '[': ['BracketLeft', 219], '-': ['Minus', 189], '.': ['Period', 190], '/': ['Slash', 191], '(': ['Digit9', 57], ')': ['Digit0', 48] }
    const [code, vk] = named[c] ?? ['', 0]
    return { key: c, code, vk, text: c }
  }

  return {
    /** Sends `text` (+ Enter unless `suffix: false`) with `gapMs` between keys; resolves when delivered. */
    async scan(text: string, options: { gapMs?: number; suffix?: boolean; startAt?: number } = {}): Promise<{ suffixTimestamp: number }> {
      const gap = (options.gapMs ?? 5) / 1000
      let t = Math.max(Date.now() / 1000, clock + 0.05, options.startAt ?? 0)
      const sends: Promise<unknown>[] = []
      const send = (params: Record<string, unknown>) => sends.push(cdp.send('Input.dispatchKeyEvent', params as never))
      const chars = options.suffix === false ? [...text] : [...text, '\r']
      let suffixTimestamp = t
      for (const c of chars) {
        if (c === '\u001d') {
          send({ type: 'rawKeyDown', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17, modifiers: 2, timestamp: t })
          send({ type: 'rawKeyDown', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: 2, timestamp: t + gap / 3 })
          send({ type: 'keyUp', key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, modifiers: 2, timestamp: t + gap / 2 })
          send({ type: 'keyUp', key: 'Control', code: 'ControlLeft', windowsVirtualKeyCode: 17, modifiers: 0, timestamp: t + (2 * gap) / 3 })
        } else {
          const k = keyFor(c)
          if (c === '\r') suffixTimestamp = t
          send({ type: 'keyDown', key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, text: k.text, unmodifiedText: k.text, timestamp: t })
          send({ type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, timestamp: t + gap / 2 })
        }
        t += gap
      }
      clock = t
      await Promise.all(sends)
      return { suffixTimestamp }
    },
    detach: () => cdp.detach()
  }
}
