import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { EXIT_FAILURE, EXIT_OK, UsageError, wantsHelp, type CliCommand, type CliIo } from '../command'

const USAGE = `Usage: dockside printer <status|emulator> [options]

  status URI [--timeout MS] [--extended]
      Read the printer's status (~HS; --extended adds ~HQES) and print JSON with ready, paperOut,
      headOpen, paused, ribbonOut, bufferFull, … Exits 1 with the reason when it does not answer
      within the timeout (default 3000 ms).
  emulator [--port N] [--state ready|paper-out|head-open|paused|ribbon-out] [--silent] [--save DIR]
      Run a Zebra stand-in on 127.0.0.1 (default port 9100) for demos and tests: it answers ~HS with
      the chosen state and keeps the labels it receives (--save writes each one as a .zpl file).
      Stops on Ctrl+C.`

function args<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

async function status(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(() =>
    parseArgs({ args: argv, options: { timeout: { type: 'string' }, extended: { type: 'boolean' } }, allowPositionals: true, strict: true })
  )
  if (positionals.length !== 1) throw new UsageError('status takes one printer URI, e.g. tcp://192.168.1.50:9100.')
  const timeoutMs = values.timeout === undefined ? 3000 : Number(values.timeout)
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) throw new UsageError('--timeout is milliseconds, 100–60000.')
  const [{ openTransport }, { queryStatus }, { describeStatus }] = await Promise.all([
    import('../../devices/printers'),
    import('../../devices/printers/zebra'),
    import('../../devices/printers/zebra-status')
  ])
  const t = openTransport(positionals[0]!)
  if (!t.ok) throw new UsageError(t.error.message)
  try {
    const s = await queryStatus(t.value, { timeoutMs, extended: values.extended ?? false })
    if (!s.ok) {
      io.err(`dockside printer status: ${s.error.message}`)
      return EXIT_FAILURE
    }
    io.out(JSON.stringify({ printer: t.value.uri, ...s.value, summary: describeStatus(s.value) }))
    return EXIT_OK
  } finally {
    await t.value.close()
  }
}

async function emulator(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(() =>
    parseArgs({ args: argv, options: { port: { type: 'string' }, state: { type: 'string' }, silent: { type: 'boolean' }, save: { type: 'string' } }, strict: true })
  )
  const { startPrinterEmulator, EMULATOR_STATES } = await import('../../devices/printers/emulator')
  const state = values.state ?? 'ready'
  if (!(EMULATOR_STATES as readonly string[]).includes(state)) throw new UsageError(`--state must be one of ${EMULATOR_STATES.join(', ')}; got "${state}".`)
  const port = values.port === undefined ? 9100 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535 (0 picks a free port).')
  const emu = await startPrinterEmulator({ port, state: state as (typeof EMULATOR_STATES)[number], silent: values.silent ?? false })
  io.out(JSON.stringify({ listening: emu.uri, state }))
  let saved = 0
  const timer = values.save
    ? setInterval(() => {
        const all = emu.labels()
        if (all.length > saved) mkdirSync(values.save!, { recursive: true })
        for (; saved < all.length; saved++) writeFileSync(join(values.save!, `label-${String(saved + 1).padStart(5, '0')}.zpl`), all[saved]!.zpl)
      }, 200)
    : undefined
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  if (timer) clearInterval(timer)
  await emu.close()
  io.err(`emulator stopped; ${emu.labels().length} label(s) received`)
  return EXIT_OK
}

const printer: CliCommand = {
  summary: 'Printer status (~HS) and a Zebra emulator for demos',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === undefined || sub === '--help' || sub === '-h' || wantsHelp(rest)) {
      io.out(USAGE)
      return sub === undefined ? 2 : EXIT_OK
    }
    if (sub === 'status') return status(rest, io)
    if (sub === 'emulator') return emulator(rest, io)
    throw new UsageError(`unknown subcommand "${sub}"; use status or emulator.`)
  }
}

export default printer
