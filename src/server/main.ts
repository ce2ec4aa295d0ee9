import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createTokenStore } from './auth/tokens'
import { buildApp } from './app'
import { readConfig, redactUrl, type ServerConfig } from './config'
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded'
import { migrate } from './db/migrate'
import { ServerError } from './errors'
import { masterFileSchema, putMasterData, type MasterRecord } from './sync/master'

export interface ServerIo {
  out(text: string): void
  err(text: string): void
}

const HELP = `Usage: dockside-server [serve]                       start the upstream server
       dockside-server migrate                       bring the database schema up to date
       dockside-server token create --station NAME [--site SITE] [--role station|admin]
                                                     register a station (if new; site "default" unless given)
                                                     and print a new token; --role admin: a head-office token
       dockside-server token revoke --station NAME   revoke every token of the station
       dockside-server token rotate --station NAME   revoke every token of the station and print a new one
       dockside-server master load FILE.json         upsert master data [{"kind","key","site"?,"body"}]
                                                     kinds: item supplier location operator order shipment recall

Environment: DATABASE_URL (PostgreSQL; absent → an embedded PostgreSQL in DOCKSIDE_SERVER_DATA_DIR),
PORT (default 8680), HOST (default 127.0.0.1), DOCKSIDE_SERVER_TLS_KEY + DOCKSIDE_SERVER_TLS_CERT (PEM, for HTTPS).
token create/rotate print exactly {"station":…,"token":…}; the token is shown only then.`

async function openDatabase(config: ServerConfig, io: ServerIo): Promise<{ pool: pg.Pool; embedded: EmbeddedDatabase | null }> {
  let url = config.databaseUrl
  let embedded: EmbeddedDatabase | null = null
  if (url === null) {
    embedded = await startEmbeddedDatabase(config.dataDir)
    url = embedded.url
    io.err(JSON.stringify({ level: 'info', code: 'server.embedded_postgres', source: embedded.source, dataDir: config.dataDir, msg: `DATABASE_URL is not set: started an embedded PostgreSQL (${embedded.source}) in ${config.dataDir}. Set DATABASE_URL for production.` }))
  }
  const pool = new pg.Pool({ connectionString: url, max: 20 })
  pool.on('error', (error) => io.err(JSON.stringify({ level: 'error', code: 'server.pool_error', msg: error.message })))
  return { pool, embedded }
}

async function closeDatabase(db: { pool: pg.Pool; embedded: EmbeddedDatabase | null }): Promise<void> {
  await db.pool.end()
  await db.embedded?.stop()
}

async function serve(config: ServerConfig, io: ServerIo): Promise<number> {
  const db = await openDatabase(config, io)
  await migrate(db.pool)
  const app = await buildApp({ pool: db.pool, ...(config.tls ? { https: { key: readFileSync(config.tls.key), cert: readFileSync(config.tls.cert) } } : {}) })
  await app.listen({ port: config.port, host: config.host })
  app.log.info({ code: 'server.listening', database: config.databaseUrl ? redactUrl(config.databaseUrl) : 'embedded' }, 'dockside-server listening')
  return await waitForSignal(async () => {
    await app.close()
    await closeDatabase(db)
  })
}

function waitForSignal(shutdown: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      shutdown().then(
        () => resolve(0),
        () => resolve(1)
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

async function token(argv: string[], config: ServerConfig, io: ServerIo): Promise<number> {
  const [verb, ...rest] = argv
  const { values } = parseArgs({ args: rest, options: { station: { type: 'string' }, site: { type: 'string' }, role: { type: 'string' } }, strict: true })
  if (!values.station) throw new ServerError('server.usage', { verb: verb ?? null }, 'give --station NAME', 2)
  if (values.role !== undefined && values.role !== 'station' && values.role !== 'admin') throw new ServerError('server.usage', { role: values.role }, '--role is station or admin', 2)
  if ((values.site !== undefined || values.role !== undefined) && verb !== 'create') throw new ServerError('server.usage', { verb: verb ?? null }, '--site and --role go with token create', 2)
  const db = await openDatabase(config, io)
  try {
    await migrate(db.pool)
    const tokens = createTokenStore(db.pool)
    if (verb === 'create') {
      const created = await tokens.create(values.station, { ...(values.site !== undefined ? { site: values.site } : {}), ...(values.role !== undefined ? { role: values.role as 'station' | 'admin' } : {}) })
      io.out(JSON.stringify({ station: created.station, token: created.token }))
    } else if (verb === 'rotate') {
      const rotated = await tokens.rotate(values.station)
      io.out(JSON.stringify({ station: rotated.station, token: rotated.token }))
    } else if (verb === 'revoke') {
      const revoked = await tokens.revoke(values.station)
      io.out(JSON.stringify({ station: values.station, revoked }))
    } else {
      throw new ServerError('server.usage', { verb: verb ?? null }, 'token needs create, revoke or rotate', 2)
    }
    return 0
  } finally {
    await closeDatabase(db)
  }
}

async function master(argv: string[], config: ServerConfig, io: ServerIo): Promise<number> {
  const [verb, file, ...extra] = argv
  if (verb !== 'load' || file === undefined || extra.length > 0) throw new ServerError('server.usage', { verb: verb ?? null }, 'usage: dockside-server master load FILE.json', 2)
  let records: MasterRecord[]
  try {
    records = masterFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 500) : String(error)
    throw new ServerError('server.bad_master_file', { file, reason }, `${file} is not a master data file: ${reason}`, 2)
  }
  const db = await openDatabase(config, io)
  try {
    await migrate(db.pool)
    io.out(JSON.stringify({ file, records: records.length, changed: await putMasterData(db.pool, records) }))
    return 0
  } finally {
    await closeDatabase(db)
  }
}

export async function main(argv: string[], io: ServerIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command = 'serve', ...rest] = argv
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP)
      return 0
    }
    const config = readConfig(env)
    if (command === 'serve') return await serve(config, io)
    if (command === 'token') return await token(rest, config, io)
    if (command === 'master') return await master(rest, config, io)
    if (command === 'migrate') {
      const db = await openDatabase(config, io)
      try {
        io.out(JSON.stringify(await migrate(db.pool)))
        return 0
      } finally {
        await closeDatabase(db)
      }
    }
    io.err(`dockside-server: unknown command "${command}".\n${HELP}`)
    return 2
  } catch (error) {
    if (error instanceof ServerError) {
      io.err(`dockside-server ${command}: ${error.message} [${error.code}]`)
      return error.status === 2 || error.status === 400 || error.status === 404 ? 2 : 1
    }
    io.err(`dockside-server ${command}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
