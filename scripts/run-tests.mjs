#!/usr/bin/env node
// Runs the whole vitest suite, then the date-sensitive suites again with the station clock a year ahead
// (DOCKSIDE_CLOCK_OFFSET_DAYS=365: demo data and tests must never rely on today's date), and ends with one
// plain summary line ("tests: N passed, N failed, N skipped") over both passes so CI logs show the count.
// Arguments are passed to vitest and skip the clock pass (e.g. `npm test -- test/unit`).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

const CLOCK_AHEAD_SUITES = ['test/integration/receiving', 'test/integration/terminals', 'test/integration/printing', 'test/integration/station', 'test/e2e/receiving-ui.test.ts']

mkdirSync('test-results', { recursive: true })

function vitest(name, files, env = {}) {
  const out = `test-results/${name}.json`
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...files]
  const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } })
  let summary = null
  try {
    summary = JSON.parse(readFileSync(out, 'utf8'))
  } catch {
    // vitest crashed before writing its report; the exit code says so.
  }
  return { status: run.status ?? 1, summary }
}

const extra = process.argv.slice(2)
const passes = [vitest('vitest', extra)]
if (extra.length === 0 && !process.env.DOCKSIDE_SKIP_CLOCK_PASS) {
  console.log('\n=== the date-sensitive suites again, with the station clock 365 days ahead ===')
  passes.push(vitest('vitest-clock-ahead', CLOCK_AHEAD_SUITES, { DOCKSIDE_CLOCK_OFFSET_DAYS: '365' }))
}
const total = { passed: 0, failed: 0, skipped: 0 }
for (const { summary } of passes) {
  if (!summary) continue
  total.passed += summary.numPassedTests
  total.failed += summary.numFailedTests
  total.skipped += summary.numPendingTests + summary.numTodoTests
}
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(passes.every((p) => p.status === 0 && p.summary) ? 0 : 1)
