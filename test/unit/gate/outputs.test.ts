import { describe, expect, it } from 'vitest'
import { createGateOutputs, lightsFor } from '../../../src/main/workflows/gate/outputs'
import type { GateView } from '../../../src/shared/contract-areas/gate'
import { rfidReaderSetting } from '../../../src/shared/schemas'

const view = (over: { state?: GateView['state']; shipment?: string | null; expected?: number; missing?: number; unexpected?: number }): GateView =>
  ({
    terminalId: 'door-1',
    state: over.state ?? 'reading',
    shipment: over.shipment === undefined ? 'SH-1' : over.shipment,
    counts: { expected: over.expected ?? 3, read: 3, matched: 3, missing: over.missing ?? 0, unexpected: over.unexpected ?? 0, unknown: 0, foreign: 0, unreadable: 0, reads: 9 }
  }) as GateView

describe('gate lights', () => {
  it('green on a clean matched verdict, red + buzzer while an unexpected tag is read, buzzer off once reading ends, all off when closed', () => {
    expect(lightsFor(view({}))).toEqual({ green: true, red: false, buzzer: false })
    expect(lightsFor(view({ missing: 1 }))).toEqual({ green: false, red: false, buzzer: false })
    expect(lightsFor(view({ shipment: null, expected: 0 }))).toEqual({ green: false, red: false, buzzer: false })
    expect(lightsFor(view({ unexpected: 1 }))).toEqual({ green: false, red: true, buzzer: true })
    expect(lightsFor(view({ unexpected: 1, state: 'ended' }))).toEqual({ green: false, red: true, buzzer: false })
    expect(lightsFor(view({ state: 'ended' }))).toEqual({ green: true, red: false, buzzer: false })
    for (const state of ['confirmed', 'held'] as const) expect(lightsFor(view({ unexpected: 1, state }))).toEqual({ green: false, red: false, buzzer: false })
    expect(lightsFor(null)).toEqual({ green: false, red: false, buzzer: false })
  })

  it('writes only changed pins, in order; a failed write is retried on the next change', async () => {
    const writes: string[] = []
    let fail = false
    const logged: unknown[] = []
    const outputs = createGateOutputs({
      logger: { warn: (o: unknown) => logged.push(o) } as never,
      readersOf: () => [{ id: 'r', outputs: { green: 1, red: 2, buzzer: 3 }, setOutput: async (pin, high) => (fail ? Promise.reject(Object.assign(new Error('x'), { code: 'rfid.no_answer' })) : void writes.push(`${pin}=${high ? 1 : 0}`)) }]
    })
    outputs.update('door-1', view({}))
    outputs.update('door-1', view({}))
    await outputs.settled()
    expect(writes).toEqual(['1=1', '2=0', '3=0'])
    fail = true
    outputs.update('door-1', view({ unexpected: 1 }))
    await outputs.settled()
    expect(logged).toHaveLength(3)
    fail = false
    writes.length = 0
    outputs.update('door-1', view({ unexpected: 1, state: 'ended' }))
    await outputs.settled()
    expect(writes).toEqual(['1=0', '2=1', '3=0'])
  })
})

describe('reader outputs setting', () => {
  const base = { path: '/dev/ttyUSB0' }
  it('ThingMagic pins 1–8; R2000 GPIO 3–4 only; ASCII none; one pin per role', () => {
    expect(rfidReaderSetting.safeParse({ ...base, protocol: 'thingmagic', outputs: { green: 1, red: 2, buzzer: 3 } }).success).toBe(true)
    expect(rfidReaderSetting.safeParse({ ...base, protocol: 'r2000', outputs: { green: 3, red: 4 } }).success).toBe(true)
    expect(rfidReaderSetting.safeParse({ ...base, protocol: 'r2000', outputs: { green: 1 } }).success).toBe(false)
    expect(rfidReaderSetting.safeParse({ ...base, protocol: 'ascii', outputs: { red: 1 } }).success).toBe(false)
    expect(rfidReaderSetting.safeParse({ ...base, protocol: 'thingmagic', outputs: { red: 1, buzzer: 1 } }).success).toBe(false)
    expect(rfidReaderSetting.safeParse({ ...base, protocol: 'thingmagic', outputs: { red: 9 } }).success).toBe(false)
  })
})
