import { spawn } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

/** Debian's PostgreSQL 15 server binaries (package `postgresql`). */
export const DEBIAN_PG_BIN = '/usr/lib/postgresql/15/bin'
/** `nobody` on Debian: PostgreSQL refuses to run as root, so a root caller runs it as this user. */
const NOBODY = { name: 'nobody', uid: 65534, gid: 65534 }

export interface LocalClusterOptions {
  /** Folder holding initdb, pg_ctl and postgres. */
  binDir: string
  /** The cluster's folder (created by initdb when empty or absent). */
  dataDir: string
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number
}

export interface LocalCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust auth, loopback only). */
  url: string
  port: number
  stop(): Promise<void>
}

export class LocalClusterError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown>,
    message: string
  ) {
    super(message)
  }
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a PostgreSQL tool, as `nobody` when we are root; rejects with its output when it fails. */
function run(file: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', NOBODY.name, '--', file, ...args]] : [file, args]
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new LocalClusterError('server.pg_tool_failed', { tool: file, reason: error.message }, `${file}: ${error.message}`))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new LocalClusterError('server.pg_tool_failed', { tool: file, exitCode: code, output }, `${file} exited ${code}: ${output.trim()}`))
    })
  })
}

function ownForPostgres(dir: string): void {
  if (asRoot()) chownSync(dir, NOBODY.uid, NOBODY.gid)
}

/**
 * Starts a PostgreSQL cluster in `dataDir` on 127.0.0.1 (initdb on first use, trust auth for loopback
 * only, unix sockets inside the folder). Used by the tests' throwaway clusters and by the server's
 * embedded fallback.
 */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const { binDir, dataDir } = options
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(binDir, tool))) {
      throw new LocalClusterError('server.pg_missing', { binDir, tool }, `PostgreSQL's ${tool} is not in ${binDir} (install Debian's postgresql package).`)
    }
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  ownForPostgres(dataDir)
  const pgData = join(dataDir, 'pgdata')
  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    mkdirSync(pgData, { recursive: true, mode: 0o700 })
    ownForPostgres(pgData)
    await run(join(binDir, 'initdb'), ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'])
  }
  const port = options.port || (await freePort())
  const conf = join(pgData, 'postgresql.auto.conf')
  const extra = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${port}`,
    `unix_socket_directories = '${pgData}'`,
    `max_connections = 300`,
    `fsync = on`,
    `synchronous_commit = on`
  ]
  const before = existsSync(conf) ? readFileSync(conf, 'utf8').split('\n').filter((l) => l && !/^(listen_addresses|port|unix_socket_directories|max_connections|fsync|synchronous_commit)\b/.test(l)) : []
  writeFileSync(conf, [...before, ...extra, ''].join('\n'))
  ownForPostgres(conf)
  const log = join(dataDir, 'postgres.log')
  if (!existsSync(log)) writeFileSync(log, '')
  ownForPostgres(log)
  await run(join(binDir, 'pg_ctl'), ['-D', pgData, '-l', log, '-w', '-t', '120', 'start'])
  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      if (stopped) return
      stopped = true
      await run(join(binDir, 'pg_ctl'), ['-D', pgData, '-m', 'fast', '-w', '-t', '120', 'stop'])
    }
  }
}
