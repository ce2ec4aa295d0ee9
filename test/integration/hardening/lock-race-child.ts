// One starter in the data-dir lock race: waits for the common start time, tries once, reports.
import { lockDataDir } from '../../../src/main/store/data-dir-lock'

const [dir, startAtText] = process.argv.slice(2)
const startAt = Number(startAtText)
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now() - 30)))
while (Date.now() < startAt) {
  // spin until the common start so every child tries at the same moment
}
try {
  const lock = lockDataDir(dir!)
  process.stdout.write('WON\n')
  // Hold it until the race is over: the parent closes our stdin once every starter has answered.
  process.stdin.resume()
  process.stdin.on('end', () => {
    lock.release()
    process.exit(0)
  })
} catch (error) {
  process.stdout.write(`LOST ${(error as { code?: string }).code ?? 'error'}\n`)
  process.exit(0)
}
