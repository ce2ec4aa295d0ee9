#!/usr/bin/env node
// The `dockside` command. Runs the CLI build (out/cli, made by `npm run build`) when it is current;
// when it is missing or older than a source it was built from, runs the TypeScript sources through tsx
// instead and says so in one line on stderr, so an edited source never runs stale code.
// DOCKSIDE_FROM_SOURCE=1 always runs the sources (no notice).
import { fileURLToPath, pathToFileURL } from 'node:url'
import { cliBuildState } from './build-state.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const state = process.env.DOCKSIDE_FROM_SOURCE === '1' ? null : cliBuildState(root)
let cli
if (state?.fresh) {
  cli = await import(pathToFileURL(state.entry).href)
} else {
  if (state) process.stderr.write(`dockside: running from source through tsx (slower start) because ${state.reason}; \`npm run build\` refreshes the build.\n`)
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import('../src/main/cli/index.ts')
}
process.exitCode = await cli.main(process.argv.slice(2))
