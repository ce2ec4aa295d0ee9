import { execFile } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const GS = '\u001d'

interface Run {
  code: number
  stdout: string
  stderr: string
}

function dockside(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['bin/dockside.mjs', 'gs1', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      done({ code, stdout, stderr })
    })
  })
}

async function parseOk(data: string) {
  const r = await dockside('parse', data)
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  expect(r.stdout.trim().split('\n')).toHaveLength(1)
  return JSON.parse(r.stdout) as { elements: { ai: string; value: string }[]; fields: Record<string, unknown> }
}

async function parseRefused(data: string) {
  const r = await dockside('parse', data)
  expect({ data, code: r.code, stdout: r.stdout }).toEqual({ data, code: 2, stdout: '' })
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
  return r.stderr
}

describe('dockside gs1 parse', () => {
  it('parses the HARDWARE.md example with a real GS byte', async () => {
    const out = await parseOk(`]C1011231231231233310ABC123${GS}99TESTING`)
    expect(out.elements).toEqual([
      { ai: '01', value: '12312312312333' },
      { ai: '10', value: 'ABC123' },
      { ai: '99', value: 'TESTING' }
    ])
    expect(out.fields.gtin).toBe('12312312312333')
  })

  it('parses bracketed text and Digital Link forms', async () => {
    expect((await parseOk('(01)09521234543213(10)ABC(17)270600')).fields.expiry).toBe('2027-06-30')
    expect((await parseOk('HTTPS://ID.GS1.ORG/01/09521234543213')).elements).toEqual([{ ai: '01', value: '09521234543213' }])
    const dl = await parseOk('https://example.com:8080/stem/01/09521234543213/21/A%2FB?17=270630&utm=x#top')
    expect(dl.elements).toEqual([
      { ai: '01', value: '09521234543213' },
      { ai: '21', value: 'A/B' },
      { ai: '17', value: '270630' }
    ])
    expect((await parseOk(']Q1https://id.gs1.org/01/09521234543213')).elements).toHaveLength(1)
  })

  it('refuses invalid Digital Links', async () => {
    for (const uri of [
      'HttpS://id.gs1.org/01/09521234543213',
      'https://id.gs1.org/01/09521234543213/',
      'https://id.gs1.org/01//09521234543213',
      'https://id.gs1.org/01/09521234543213?17=',
      'https://id.gs1.org/01/09521234543213/21/S/10/L'
    ]) {
      await parseRefused(uri)
    }
  })

  it('refuses data that is not GS1 or breaks a rule, with a reason', async () => {
    for (const data of ['ABC', '12345', '', ']X9ABC', ']C', ']C1011231231231233410ABC123', '(21)ABC', '(01)09521234543213(10)A(10)B']) {
      await parseRefused(data)
    }
    // The README's example, byte for byte.
    expect(await parseRefused(']C1011231231231233410ABC123')).toBe('gs1 parse: GTIN check digit should be 3, scanned 4 (AI 01 at position 3) [gs1.check_digit]\n')
  })

  it('answers --help and refuses a missing argument', async () => {
    const help = await dockside('parse', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: dockside gs1 parse')
    expect((await dockside('parse')).code).toBe(2)
  })
})

describe('dockside gs1 build', () => {
  it('prints hri by default, scan with ]d2 and a GS byte, dl with a base', async () => {
    const args = ['--ai', '01=09521234543213', '--ai', '21=ABC', '--ai', '17=270630']
    expect((await dockside('build', ...args)).stdout).toBe('(01)09521234543213(21)ABC(17)270630\n')
    expect((await dockside('build', ...args, '--format', 'scan')).stdout).toBe(`]d20109521234543213` + `21ABC${GS}17270630\n`)
    expect((await dockside('build', ...args, '--format', 'dl')).stdout).toBe('https://id.gs1.org/01/09521234543213/21/ABC?17=270630\n')
    expect((await dockside('build', ...args, '--format', 'dl', '--base', 'https://example.com')).stdout).toBe(
      'https://example.com/01/09521234543213/21/ABC?17=270630\n'
    )
  })

  it('exits 2 with the reason when invalid', async () => {
    const bad = await dockside('build', '--ai', '01=09521234543214')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('gs1 build: GTIN check digit should be 3, scanned 4 (AI 01 at position 1) [gs1.check_digit]\n')
    expect((await dockside('build', '--ai', '21=ABC')).code).toBe(2)
    expect((await dockside('build', '--ai', 'xx')).code).toBe(2)
    expect((await dockside('build', '--ai', '01=09521234543213', '--format', 'pdf')).code).toBe(2)
    expect((await dockside('build', '--help')).code).toBe(0)
  })
})
