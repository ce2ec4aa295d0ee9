#!/usr/bin/env node
// `npm run bench`: runs every benchmark script in test/bench/ one after another (never in parallel:
// they measure latency) and prints their figures. `npm run bench -- foundation` runs the matching ones.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const filters = process.argv.slice(2)
const benches = readdirSync(join(root, 'test/bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()

let failed = 0
for (const file of benches) {
  console.log(`\n=== ${file} ===`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/bench', file)], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) {
    failed++
    console.log(`(${file} exited with ${run.status})`)
  }
}
process.exit(failed === 0 ? 0 : 1)
