import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { COMMANDS, commandPayload, parseCommand } from '../../../src/shared/codes/commands'
import { classifyScan } from '../../../src/shared/codes/gs1/index'
import type { Station } from '../../../src/main/station'
import { startTestStation } from '../../helpers/store'

/** Issue 12 item 6 / ADR 0016: the command sheet prints, its barcodes decode, and each one scanned is that command. */
let station: Station | undefined
afterEach(async () => {
  await station?.close()
  station = undefined
})

describe('command barcodes', () => {
  it('no command payload is a GS1 string, and parsing is exact', () => {
    for (const c of COMMANDS) {
      expect(classifyScan(commandPayload(c)).kind).not.toBe('gs1')
      expect(parseCommand(commandPayload(c))).toBe(c)
      expect(parseCommand(commandPayload(c).toLowerCase())).toBe(c)
    }
    expect(parseCommand('DSCMD-FLY')).toBe('unknown')
    expect(parseCommand(']d20109521234543213')).toBeNull()
    expect(parseCommand('ASN-2001')).toBeNull()
  })

  it('the sheet PDF (Spanish labels) decodes to every command, and each decoded barcode scanned is that command', async () => {
    station = await startTestStation({ demo: true })
    const s = station
    await s.dispatch('session.signIn', { badge: 'OP-0001' })
    const entries = COMMANDS.map((command) => ({ command, label: `Orden «${command}» — recepción`, shortcut: 'Alt+X' }))
    const r = await s.dispatch('commands.sheet', { title: 'Recepción: hoja de órdenes', entries })
    expect(r.ok).toBe(true)
    const { pdfBase64 } = (r as { ok: true; value: { pdfBase64: string } }).value
    const dir = mkdtempSync(join(tmpdir(), 'dockside-sheet-'))
    const pdf = join(dir, 'sheet.pdf')
    writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'))
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', pdf, join(dir, 'page')], { timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] })
    const decoded: string[] = []
    for (const png of readdirSync(dir).filter((f) => f.endsWith('.png')).sort()) {
      const out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Scode128.enable', join(dir, png)], { timeout: 60_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      decoded.push(...out.split('\n').filter(Boolean))
    }
    expect([...decoded].sort()).toEqual(COMMANDS.map(commandPayload).sort())
    for (const text of decoded) {
      const scanned = await s.handlers['scans.submit']({ text, source: 'test' })
      expect(scanned).toMatchObject({ outcome: 'accepted', code: 'scan.command', params: { command: parseCommand(text) }, workflow: 'command' })
    }
    const unknown = await s.handlers['scans.submit']({ text: 'DSCMD-NOPE', source: 'test' })
    expect(unknown).toMatchObject({ outcome: 'rejected', tone: 'bad', code: 'scan.unknown_command' })
    expect((await s.dispatch('commands.sheet', { title: 'x', entries: [] })).ok).toBe(false)
  })
})
