import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { BIN, PROJECT_ROOT } from './station-server'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `dockside <args>` as its own process (the built CLI) and returns the exit code and both outputs. */
export async function runCli(args: string[], options: { timeoutMs?: number } = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, timeout: options.timeoutMs ?? 60_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
