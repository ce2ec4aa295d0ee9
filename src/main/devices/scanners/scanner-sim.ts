import { createEmitter, type ScannerDriver, type ScannerEvents, type ScannerStatus } from './types'

/**
 * Sample scans the demo offers: a GS1 DataMatrix with lot and expiry (a year ahead of `now`, so it never
 * expires), a GS1-128 with a GS, a plain bin label.
 */
export function sampleScans(now: Date): readonly string[] {
  const expiry = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth() + 1, 0)).toISOString().slice(2, 10).replaceAll('-', '')
  return [`]d201095212345432132110000001\u001d10L42\u001d17${expiry}`, ']C1011231231231233310ABC123\u001d99TESTING', ']C0BIN-A-01-03']
}

/**
 * A scanner that exists only in software (demo mode, tests): `fire` delivers a scan exactly as a real
 * driver would. Imports nothing native.
 */
export function createSimulatedScanner(options: { id?: string; name?: string } = {}): ScannerDriver & { fire(text: string | Uint8Array, symbology?: string): void; unplug(): void; plug(): void } {
  const emitter = createEmitter<ScannerEvents>()
  const id = options.id ?? 'sim-scanner-1'
  let status: ScannerStatus = { state: 'disconnected', error: null }
  let open = false
  const setStatus = (next: ScannerStatus) => {
    status = next
    emitter.emit('status', next)
  }
  return {
    id,
    name: options.name ?? 'Simulated scanner',
    transport: 'simulator',
    simulated: true,
    status: () => status,
    on: emitter.on,
    async open() {
      open = true
      setStatus({ state: 'connected', error: null })
    },
    async close() {
      open = false
      setStatus({ state: 'disconnected', error: null })
    },
    fire(text, symbology) {
      if (!open || status.state !== 'connected') throw new Error(`The simulated scanner ${id} is not connected.`)
      const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
      const scan = { deviceId: id, source: 'simulator' as const, raw, at: new Date() }
      emitter.emit('scan', symbology ? { ...scan, symbology } : scan)
    },
    unplug() {
      setStatus({ state: 'disconnected', error: 'Simulated unplug.' })
    },
    plug() {
      if (open) setStatus({ state: 'connected', error: null })
    }
  }
}

export type SimulatedScanner = ReturnType<typeof createSimulatedScanner>
