// A station in its own process for the SIGKILL tests: connects to the server (argv: dataDir, url,
// token), then records a few events and syncs, in a loop, printing one line per round. With
// `drain` it syncs until nothing is left to push or pull and exits 0.
import { startSyncStation } from '../../helpers/sync-station'

const [dataDir, url, token, mode] = process.argv.slice(2) as [string, string, string, string | undefined]
const station = await startSyncStation({ dataDir, sync: { batchSize: 50, pullLimit: 2000, requestTimeoutMs: 30_000 } })
const settings = await station.handlers['settings.get']({})
if (settings.syncServerUrl !== url) await station.handlers['settings.update']({ syncServerUrl: url, syncToken: token })
process.stdout.write('ready\n')
if (mode === 'drain') {
  for (let i = 0; i < 50; i++) {
    const s = await station.handlers['sync.syncNow']({})
    if (s.state === 'idle' && s.pending === 0) {
      process.stdout.write(`drained ${s.pending}\n`)
      await station.close()
      process.exit(0)
    }
  }
  process.exit(4)
}
for (let round = 0; ; round++) {
  for (let i = 0; i < 1 + (round % 5) * 20; i++) station.eventLog.append({ type: 'test.tick', payload: { round, i } })
  const s = await station.handlers['sync.syncNow']({})
  process.stdout.write(`round ${round} ${s.state} ${s.pending}\n`)
}
