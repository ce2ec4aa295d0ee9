import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process'

let setprivWorks: boolean | undefined

/** util-linux `setpriv --pdeathsig` exists on Linux (Debian's util-linux); elsewhere it is absent. */
function canTieToParent(): boolean {
  if (setprivWorks === undefined) {
    setprivWorks = process.platform === 'linux' && spawnSync('setpriv', ['--pdeathsig', 'TERM', '--', 'true'], { stdio: 'ignore' }).status === 0
  }
  return setprivWorks
}

/**
 * Spawns a helper process that must not outlive the station. A station killed with SIGKILL runs no
 * exit handlers, and Node cannot ask the kernel for a parent-death signal itself, so on Linux the child
 * is started through `setpriv --pdeathsig TERM`, which sets it and then execs the command (same pid).
 * Where setpriv is missing the child is spawned plainly and a kill -9 of the station can orphan it.
 */
export function spawnTiedToParent(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  if (canTieToParent()) return spawn('setpriv', ['--pdeathsig', 'TERM', '--', command, ...args], options)
  return spawn(command, [...args], options)
}
