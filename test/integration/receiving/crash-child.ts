// Receives monitors on PO-CRASH in a loop and prints each serial once its scan is acknowledged
// (the service returned: the transaction is committed with synchronous = FULL). Killed with SIGKILL.
import { dm, MONITOR_GTIN, openRig } from './rig'

const dataDir = process.argv[2]!
const rig = openRig({ dataDir, demo: false })
rig.svc.open('PO-CRASH')
process.stdout.write('ready\n')
for (let i = 1; ; i++) {
  const serial = `MN${String(i).padStart(8, '0')}`
  const r = rig.svc.submit(dm(MONITOR_GTIN, serial))
  if (r.outcome !== 'accepted') {
    process.stdout.write(`refused ${serial} ${r.code} ${JSON.stringify(r.params)}\n`)
    process.exit(3)
  }
  process.stdout.write(`ack ${serial}\n`)
}
