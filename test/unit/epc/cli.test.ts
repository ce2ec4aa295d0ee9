import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { decodeEpc, encodeElementString, type EpcScheme } from '../../../src/shared/codes/epc/index'

const root = fileURLToPath(new URL('../../../', import.meta.url))

interface Run {
  code: number
  stdout: string
  stderr: string
}

function dockside(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/dockside.mjs', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

async function decodeOk(hex: string): Promise<Record<string, unknown>> {
  const r = await dockside('epc', 'decode', hex)
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as Record<string, unknown>
}

/** The English reason the library gives, after checking its code. */
function reasonOf(r: { ok: boolean; error?: { code: string; message: string } }, code: string): string {
  expect(r.ok ? null : r.error?.code).toBe(code)
  return r.error?.message ?? ''
}

async function invalid(...args: string[]): Promise<string> {
  const r = await dockside(...args)
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  const lines = r.stderr.split('\n').filter((l) => l.length > 0)
  expect(lines).toHaveLength(1)
  return lines[0]!
}

const Z198 = '0'.repeat(28)

describe('dockside epc (CLI contract)', () => {
  it('decode SGTIN-96 (TDS E)', async () => {
    const r = await dockside('epc', 'decode', '3074257BF7194E4000001A85')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      scheme: 'sgtin-96',
      filter: 3,
      tagUri: 'urn:epc:tag:sgtin-96:3.0614141.812345.6789',
      pureIdentityUri: 'urn:epc:id:sgtin:0614141.812345.6789',
      gtin: '80614141123458',
      serial: '6789',
      elementString: '(01)80614141123458(21)6789'
    })
  })

  it('decode SGTIN-198 (TDS E): serial unescaped, URIs escaped', async () => {
    expect(await decodeOk('3674257BF6B7A659B2C2BF10' + Z198)).toMatchObject({
      scheme: 'sgtin-198',
      filter: 3,
      tagUri: 'urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb',
      pureIdentityUri: 'urn:epc:id:sgtin:0614141.712345.32a%2Fb',
      gtin: '70614141123451',
      serial: '32a/b',
      elementString: '(01)70614141123451(21)32a/b'
    })
  })

  it('decode SSCC-96 (TDS E)', async () => {
    expect(await decodeOk('3174257BF4499602D2000000')).toMatchObject({
      scheme: 'sscc-96',
      filter: 3,
      tagUri: 'urn:epc:tag:sscc-96:3.0614141.1234567890',
      pureIdentityUri: 'urn:epc:id:sscc:0614141.1234567890',
      sscc: '106141412345678908',
      elementString: '(00)106141412345678908'
    })
  })

  it('decode SGLN-96 and GRAI-96', async () => {
    expect(await decodeOk('3234257BF460720000000190')).toMatchObject({ scheme: 'sgln-96', gln: '0614141123452', extension: '400', elementString: '(414)0614141123452(254)400' })
    expect(await decodeOk('33B4257BF40C0E4000000190')).toMatchObject({ scheme: 'grai-96', grai: '00614141123452400', elementString: '(8003)00614141123452400' })
  })

  it('decode lower-case hex and extra trailing bits', async () => {
    expect(await decodeOk('3074257bf7194e4000001a85')).toMatchObject({ tagUri: 'urn:epc:tag:sgtin-96:3.0614141.812345.6789', hex: '3074257BF7194E4000001A85' })
    expect(await decodeOk('3074257BF7194E4000001A85DEADBEEF')).toMatchObject({ serial: '6789' })
  })

  const bad: Array<[string, string, string]> = [
    ['non-hex', '3074257BF7194E40000G1A85', 'epc.hex'],
    ['ZZ', 'ZZ', 'epc.hex'],
    ['unknown header', 'FF74257BF7194E4000001A85', 'epc.header'],
    ['partition 7', '307C257BF7194E4000001A85', 'epc.partition'],
    ['too few bits', '3074257BF7194E40', 'epc.too_short'],
    ['SSCC reserved bits', '3174257BF4499602D2000001', 'epc.reserved'],
    ['company prefix out of range', '3076625A03194E4000001A85', 'epc.range'],
    ['bad SGTIN-198 serial', '3674257BF6B7A6' + '47' + '0'.repeat(36), 'epc.serial']
  ]
  for (const [name, hex, code] of bad) {
    it(`decode invalid: ${name} → exit 2, the library's reason on one stderr line`, async () => {
      expect(await invalid('epc', 'decode', hex)).toBe(`dockside epc decode: ${reasonOf(decodeEpc(hex), code)}`)
    })
  }

  it('decode invalid: the README example, word for word', async () => {
    expect(await invalid('epc', 'decode', '307C257BF7194E4000001A85')).toBe('dockside epc decode: Partition value 7 is invalid for SGTIN-96 (must be 0..6).')
  })

  it('encode SGTIN-96 element string (TDS E)', async () => {
    const r = await dockside('epc', 'encode', '(01)80614141123458(21)6789', '--scheme', 'sgtin-96', '--filter', '3', '--company-prefix-length', '7')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      hex: '3074257BF7194E4000001A85',
      tagUri: 'urn:epc:tag:sgtin-96:3.0614141.812345.6789',
      pureIdentityUri: 'urn:epc:id:sgtin:0614141.812345.6789'
    })
  })

  it('encode SGTIN-198 element string (TDS E): 52 hex digits', async () => {
    const r = await dockside('epc', 'encode', '(01)70614141123451(21)32a/b', '--scheme', 'sgtin-198', '--filter', '3', '--company-prefix-length', '7')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { hex: string; tagUri: string }
    expect(out.hex).toBe('3674257BF6B7A659B2C2BF10' + Z198)
    expect(out.hex).toHaveLength(52)
    expect(out.tagUri).toBe('urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb')
  })

  it('encode SSCC-96 element string (TDS E)', async () => {
    const r = await dockside('epc', 'encode', '(00)106141412345678908', '--scheme', 'sscc-96', '--filter', '3', '--company-prefix-length', '7')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ hex: '3174257BF4499602D2000000', tagUri: 'urn:epc:tag:sscc-96:3.0614141.1234567890', pureIdentityUri: 'urn:epc:id:sscc:0614141.1234567890' })
  })

  it('encode a tag URI', async () => {
    const r = await dockside('epc', 'encode', 'urn:epc:tag:sgtin-198:3.0614141.712345.32a%2Fb')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { hex: string }).hex).toBe('3674257BF6B7A659B2C2BF10' + Z198)
  })

  it('encode invalid → exit 2 with the reason', async () => {
    const library: Array<[string, EpcScheme, number, string]> = [
      ['(01)80614141123457(21)6789', 'sgtin-96', 3, 'epc.check_digit'],
      ['(01)80614141123458(21)06789', 'sgtin-96', 3, 'epc.serial'],
      ['(00)106141412345678908', 'sgtin-96', 3, 'epc.scheme'],
      ['(01)80614141123458(21)6789', 'sgtin-96', 9, 'epc.filter']
    ]
    for (const [input, scheme, filter, code] of library) {
      const expected = reasonOf(encodeElementString(input, { scheme, filter, companyPrefixLength: 7 }), code)
      expect(await invalid('epc', 'encode', input, '--scheme', scheme, '--filter', String(filter), '--company-prefix-length', '7')).toBe(`dockside epc encode: ${expected}`)
    }
    expect(await invalid('epc', 'encode', '(01)80614141123458(21)6789', '--scheme', 'sgtin-64', '--filter', '3', '--company-prefix-length', '7')).toMatch(/--scheme/)
    expect(await invalid('epc', 'encode', '(01)80614141123458(21)6789', '--filter', '3')).toMatch(/company-prefix-length/)
  })

  it('--help on every subcommand', async () => {
    for (const args of [['epc', '--help'], ['epc', 'decode', '--help'], ['epc', 'encode', '--help']]) {
      const r = await dockside(...args)
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/Usage: dockside epc/)
    }
  })

  it('usage errors exit 2', async () => {
    expect(await invalid('epc', 'decode')).toMatch(/exactly one/)
    expect(await invalid('epc', 'frobnicate')).toMatch(/unknown subcommand/)
    expect(await invalid('epc', 'decode', '--nope', '30')).toMatch(/Unknown option/)
  })
})
