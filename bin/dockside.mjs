#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `node bin/dockside.mjs` needs no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main/cli/index.ts')
process.exitCode = await main(process.argv.slice(2))
