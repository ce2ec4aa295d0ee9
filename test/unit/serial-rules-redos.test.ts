import { describe, expect, it } from 'vitest'
import { checkSerial, MAX_SERIAL_LENGTH, validateSerialRule } from '../../src/shared/codes/serial-rules'

// Issue 11, finding 3: these passed the old heuristic guard and froze the station for minutes on one
// 35-character serial. On the linear-time engine each answers at once; the test asserts the answers
// (a hang would hit the bounded test timeout instead).
const CATASTROPHIC = ['((a|a))*', '(?:(?:a|a))*', '((a|aa))+', '(a+)+$', '(a+)+', '(a*)*b', '(a|a)*b', '(.*a){12}', '(\\w+\\s?)+$', '([a-zA-Z]+)*X', '(a|aa|aaa)*c']

describe('serial patterns run on a linear-time engine (issue 11, finding 3)', () => {
  it.each(CATASTROPHIC)('%s on 35+ character adversarial serials answers without freezing', (pattern) => {
    expect(validateSerialRule({ pattern }).ok).toBe(true)
    for (const n of [35, 64, MAX_SERIAL_LENGTH - 1]) {
      const attack = 'a'.repeat(n) + '!'
      expect(checkSerial(attack, { pattern })).toMatchObject({ ok: false, error: { code: 'serial.pattern' } })
    }
  }, 30_000)

  it('still matches what the patterns describe, anchored to the whole serial', () => {
    expect(checkSerial('a'.repeat(40), { pattern: '((a|a))*' }).ok).toBe(true)
    expect(checkSerial('aaab', { pattern: '(a*)*b' }).ok).toBe(true)
    expect(checkSerial('xaaab', { pattern: '(a*)*b' }).ok).toBe(false)
    expect(checkSerial('SN-123456', { pattern: 'SN-\\d{6}' }).ok).toBe(true)
    expect(checkSerial('SN-1234567', { pattern: 'SN-\\d{6}' }).ok).toBe(false)
  })
})
