#!/usr/bin/env node
// The upstream server (src/server), run from the TypeScript sources through tsx like bin/dockside.mjs.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/server/main.ts')
const io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`)
}
process.exitCode = await main(process.argv.slice(2), io)
