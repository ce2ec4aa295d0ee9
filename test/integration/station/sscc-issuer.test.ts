import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { isValidGs1CheckDigit } from '../../../src/shared/codes/checkdigit'
import { createSsccIssuer } from '../../../src/main/services/sscc-issuer'
import { openStore } from '../../../src/main/store/db'
import { createEventLog } from '../../../src/main/store/event-log'
import { createSettingsRepository } from '../../../src/main/store/repositories/settings'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir } from '../../helpers/store'

function issuerAt(dataDir: string) {
  const store = openStore({ dataDir })
  const settings = createSettingsRepository(store.db)
  return { store, issuer: createSsccIssuer(store.db, settings, createEventLog(store.db, settings.stationId())) }
}

describe('SSCC issuer', () => {
  it('issues consecutive SSCCs with valid check digits and never reissues after a restart', () => {
    const dir = makeTempDir()
    const a = issuerAt(dir)
    a.issuer.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 234567890, rangeEnd: 234567899 }, null)
    const first = a.issuer.issue(2, null)
    expect(first).toEqual(['106141412345678908', '106141412345678915'])
    a.store.close()
    const b = issuerAt(dir)
    const next = b.issuer.issue(1, null)[0]!
    expect(next).toBe('106141412345678922')
    expect(isValidGs1CheckDigit(next)).toBe(true)
    expect(b.issuer.remaining()).toBe(7)
    const events = b.store.db.prepare("SELECT payload FROM events WHERE type = 'sscc.issued' ORDER BY id").all()
    expect(events).toHaveLength(2)
    b.store.close()
  })

  it('refuses when the range is used up, without moving the counter', () => {
    const { store, issuer } = issuerAt(makeTempDir())
    issuer.configure({ companyPrefix: '952123400', extensionDigit: 3, rangeStart: 5, rangeEnd: 6 }, null)
    expect(() => issuer.issue(3, null)).toThrow(/has 2 numbers left; 3 requested/)
    expect(issuer.issue(2, null)).toHaveLength(2)
    expect(() => issuer.issue(1, null)).toThrow(/range_exhausted|0 numbers left/)
    store.close()
  })

  it('two stations with their own ranges never issue the same SSCC', () => {
    const one = issuerAt(makeTempDir())
    const two = issuerAt(makeTempDir())
    one.issuer.configure({ companyPrefix: '0614141', extensionDigit: 0, rangeStart: 0, rangeEnd: 499 }, null)
    two.issuer.configure({ companyPrefix: '0614141', extensionDigit: 0, rangeStart: 500, rangeEnd: 999 }, null)
    const all = [...one.issuer.issue(500, null), ...two.issuer.issue(500, null)]
    expect(new Set(all).size).toBe(1000)
    one.store.close()
    two.store.close()
  })

  it.each([
    [{ companyPrefix: '123', extensionDigit: 0, rangeStart: 0, rangeEnd: 1 }, /Company Prefix/],
    [{ companyPrefix: '0614141', extensionDigit: 10, rangeStart: 0, rangeEnd: 1 }, /extension digit/],
    [{ companyPrefix: '0614141', extensionDigit: 0, rangeStart: 5, rangeEnd: 1 }, /range/],
    [{ companyPrefix: '061414112345', extensionDigit: 0, rangeStart: 0, rangeEnd: 10_000 }, /< 10,000/]
  ])('refuses a bad configuration %j', (config, message) => {
    const { store, issuer } = issuerAt(makeTempDir())
    expect(() => issuer.configure(config, null)).toThrow(message)
    expect(issuer.config()).toBeNull()
    store.close()
  })

  it('`dockside sscc` configures and issues from the CLI', async () => {
    const dir = makeTempDir()
    const run = (args: string[]) => promisify(execFile)(process.execPath, [BIN, 'sscc', ...args, '--data-dir', dir], { cwd: PROJECT_ROOT })
    await expect(run(['next'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/No SSCC range is configured/) })
    await run(['configure', '--company-prefix', '0614141', '--extension', '1', '--range', '234567890-234567999'])
    const { stdout } = await run(['next', '--count', '2'])
    expect(stdout.trim().split('\n')).toEqual(['106141412345678908', '106141412345678915'])
  })
})

describe('reconfiguring a station’s SSCC range', () => {
  it('never issues a number twice: a lower range starts at its start, an overlapping one after what was issued', () => {
    const { store, issuer } = issuerAt(makeTempDir())
    issuer.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 100, rangeEnd: 199 }, null)
    const first = issuer.issue(5, null) // 100..104
    issuer.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 0, rangeEnd: 99 }, null)
    const lower = issuer.issue(1, null)[0]!
    expect(lower.slice(8, 17)).toBe('000000000')
    issuer.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 50, rangeEnd: 150 }, null)
    const overlapping = issuer.issue(1, null)[0]!
    expect(overlapping.slice(8, 17)).toBe('000000105')
    expect(first.map((s) => s.slice(8, 17))).toEqual(['000000100', '000000101', '000000102', '000000103', '000000104'])
    issuer.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 100, rangeEnd: 199 }, null)
    expect(issuer.issue(1, null)[0]!.slice(8, 17)).toBe('000000106')
    expect(() => issuer.configure({ companyPrefix: '0614141', extensionDigit: 1, rangeStart: 100, rangeEnd: 104 }, null)).toThrow(/already issued/)
    store.close()
  })
})
