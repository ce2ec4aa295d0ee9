import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../helpers/station-server'
import { until } from '../../helpers/wait'

/** The pids of socat processes serving the demo RFID pty of one data folder. */
function demoSocats(dataDir: string): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', `socat pty,raw,echo=0,link=${join(dataDir, 'demo-rfid')}`], { encoding: 'utf8' })
    return out.split('\n').filter(Boolean).map(Number)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

const servers: RunningServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.stop('SIGKILL')
})

describe('the demo RFID reader’s socat does not outlive the station', () => {
  it('dies with a station killed by SIGKILL (no exit handlers ran)', { timeout: 90_000 }, async () => {
    const server = await startServer({ demo: true })
    servers.push(server)
    await until(() => demoSocats(server.dataDir).length === 1, { what: 'the demo reader’s socat to start', timeoutMs: 30_000 })
    const [pid] = demoSocats(server.dataDir)
    expect(await server.stop('SIGKILL')).toBeNull()
    await until(() => demoSocats(server.dataDir).length === 0, { what: `socat ${pid} to exit after its station was killed`, timeoutMs: 20_000 })
  })
})
