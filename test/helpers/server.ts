import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { buildApp } from '../../src/server/app'
import { createTokenStore, type TokenRole } from '../../src/server/auth/tokens'
import { freePort } from '../../src/server/db/local-cluster'
import { migrate } from '../../src/server/db/migrate'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const SERVER_BIN = resolve(ROOT, 'bin/dockside-server.mjs')

export interface InProcessServer {
  url: string
  pool: pg.Pool
  token(station: string, options?: { site?: string; role?: TokenRole }): Promise<string>
  close(): Promise<void>
}

/** The upstream app in this process on 127.0.0.1 (random port), on a migrated database. */
export async function startInProcessServer(databaseUrl: string, options: { logLines?: string[]; captureLimit?: number } = {}): Promise<InProcessServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 })
  await migrate(pool)
  const logStream = options.logLines ? { write: (line: string) => void options.logLines!.push(line) } : false
  const app = await buildApp({ pool, logStream, ...(options.captureLimit ? { captureLimit: options.captureLimit } : {}) })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const tokens = createTokenStore(pool)
  return {
    url: address,
    pool,
    token: async (station, options) => (await tokens.create(station, options)).token,
    close: async () => {
      await app.close()
      await pool.end()
    }
  }
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  output: () => string
  stop(): Promise<void>
}

/** `node bin/dockside-server.mjs` as its own process (on `extraEnv.PORT` if given); resolves once it answers /health. */
export async function startServerProcess(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const port = extraEnv.PORT ? Number(extraEnv.PORT) : await freePort()
  const child = spawn(process.execPath, [SERVER_BIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 150_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dockside-server exited ${child.exitCode}: ${output}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`dockside-server did not answer within 150 s: ${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    }
  }
}

/** Runs the bin to completion (token/migrate commands). */
export function runServerCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [SERVER_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolveRun({ code: code ?? -1, stdout, stderr })
    })
  })
}
