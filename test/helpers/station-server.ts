import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BIN = join(PROJECT_ROOT, 'bin', 'dockside.mjs')

export interface RunningServer {
  url: string
  origin: string
  port: number
  token: string
  dataDir: string
  process: ChildProcess
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export const tempDataDir = (prefix = 'dockside-test-') => mkdtempSync(join(tmpdir(), prefix))

/** Starts the real `dockside serve` as a child process and waits for the URL it prints. */
export async function startServer(options: { dataDir?: string; demo?: boolean; extraArgs?: string[]; nodeArgs?: string[]; startTimeoutMs?: number } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const args = [...(options.nodeArgs ?? []), BIN, 'serve', '--port', '0', '--data-dir', dataDir, ...(options.demo === false ? [] : ['--demo']), ...(options.extraArgs ?? [])]
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const bound = options.startTimeoutMs ?? 30_000
    const timer = setTimeout(() => reject(new Error(`dockside serve did not print its URL within ${bound / 1000} s:\n${output}`)), bound)
    const onData = () => {
      const match = /Open the station at: (https?:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`dockside serve exited with ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  const token = /token=([0-9a-f]+)/.exec(parsed.hash)![1]!
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill(signal)
      })
  }
}

/** Uploads a file to a served station the way the UI does (`POST /upload`): served hosts refuse station paths. */
export async function uploadToServer(server: Pick<RunningServer, 'origin' | 'token'>, file: string, name = file.split('/').pop() ?? 'upload.csv'): Promise<string> {
  const { readFileSync } = await import('node:fs')
  const { UPLOAD_NAME_HEADER, UPLOAD_PATH, UPLOAD_TOKEN_HEADER } = await import('../../src/shared/ws-protocol')
  const answer = await fetch(`${server.origin}${UPLOAD_PATH}`, {
    method: 'POST',
    headers: { [UPLOAD_TOKEN_HEADER]: server.token, [UPLOAD_NAME_HEADER]: name, Origin: server.origin },
    body: readFileSync(file)
  })
  const body = (await answer.json()) as { ok: boolean; value?: { upload: string }; error?: { code: string } }
  if (!body.ok || !body.value) throw new Error(`upload of ${name} refused: ${body.error?.code ?? answer.status}`)
  return body.value.upload
}
