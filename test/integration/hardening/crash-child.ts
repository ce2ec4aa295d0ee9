// Installs the station's crash handlers, then fails the way a bug would: thrown or rejected.
import { installCrashHandlers } from '../../../src/main/crash-log'

const [dataDir, how] = process.argv.slice(2)
installCrashHandlers(dataDir!)
setTimeout(() => {
  if (how === 'reject') void Promise.reject(new Error('crash-marker-rejected'))
  else throw new Error('crash-marker-thrown')
}, 10)
setTimeout(() => undefined, 60_000)
