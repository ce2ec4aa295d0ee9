#!/usr/bin/env node
// Runs the whole vitest suite and ends with one plain summary line ("tests: N passed, N failed, N skipped")
// so CI logs show the count whatever the reporter prints.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

mkdirSync('test-results', { recursive: true })
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)]
const run = spawnSync('npx', args, { stdio: 'inherit' })
let summary = null
try {
  summary = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
} catch {
  // vitest crashed before writing its report; the exit code below says so.
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`)
}
process.exit(run.status ?? 1)
