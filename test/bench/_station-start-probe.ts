export {}
// Run as a fresh process by foundation.ts. `readyMs` is what the target measures: open the 1 M-unit
// database, check/run migrations, build the station and answer a first look-up. `importMs` is the code
// loading, reported apart because it depends on the runner (tsx transpiles here; Electron loads a bundle).
const t0 = performance.now()
const { createStation } = await import('../../src/main/station')
const { silentLogger } = await import('../../src/main/logging')
const t1 = performance.now()
const station = await createStation({ dataDir: process.argv[2]!, host: 'headless', version: 'bench', logger: silentLogger() })
station.store.db.prepare('SELECT id FROM units WHERE serial = ?').get('SN00000001')
const readyMs = performance.now() - t1
await station.close()
console.log(JSON.stringify({ readyMs, importMs: t1 - t0 }))
