/**
 * Child process for the crash test: queues one label for the printer at argv[3] and sends it. The
 * test kills this process (SIGKILL) after the printer received the label but before it confirmed.
 */
import { openRig } from './queue-helpers'

const [dataDir, uri] = process.argv.slice(2) as [string, string]
const rig = openRig(dataDir, { timeoutMs: 60_000 })
rig.queue.addPrinter({ id: 'p1', name: 'p1', uri, dpi: 203, simulated: true })
const job = rig.queue.enqueue({ printerId: 'p1', template: 'unit', data: { gtin: '09521234543213', serial: 'CRASH-1' } })
if (!job.ok) throw new Error(job.error.message)
process.stdout.write(`queued ${job.value.id}\n`)
await rig.queue.kick('p1')
process.stdout.write('finished (should have been killed)\n')
