import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHeadless, type HeadlessHost } from '../../../src/main/headless'
import { importFile } from '../../../src/main/import'
import { createUploadStore } from '../../../src/main/import/uploads'
import { silentLogger } from '../../../src/main/logging'
import { UPLOAD_PATH } from '../../../src/main/web/http-host'
import { openRig } from '../receiving/rig'
import { BIN, PROJECT_ROOT } from '../../helpers/station-server'
import { makeTempDir, startTestStation } from '../../helpers/store'

const SHADOW_LINE = 'root:$6$Zq8nS3cr3tSalt$hashhashhashhashhash:19700:0:99999:7:::'

function post(port: number, body: Buffer, headers: Record<string, string>): Promise<{ status: number; json: { ok: boolean; value?: { upload: string; name: string; bytes: number }; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: UPLOAD_PATH, method: 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Length': String(body.length), ...headers } }, (res) => {
      let text = ''
      res.on('data', (d: Buffer) => (text += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') as never }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('imports never read arbitrary paths (issue 11, finding 2)', () => {
  let host: HeadlessHost
  beforeAll(async () => {
    const ui = makeTempDir('dockside-ui-')
    writeFileSync(join(ui, 'index.html'), '<!doctype html>')
    host = await startHeadless({ dataDir: makeTempDir(), port: 0, demo: true, rendererDir: ui, version: 'test', logger: silentLogger() })
  })
  afterAll(async () => {
    await host?.close()
  })

  it('the served host refuses a path: imports.preview {path:/etc/shadow} is imports.path_not_allowed, with nothing of the file', async () => {
    for (const path of ['/etc/shadow', '/etc/passwd', '/nonexistent/file.csv']) {
      const r = await host.station.dispatch('imports.preview', { path })
      expect(r).toMatchObject({ ok: false, error: { code: 'imports.path_not_allowed' } })
      expect(JSON.stringify(r)).not.toMatch(/root:/)
    }
  })

  it('uploads need the token and the station Origin; an upload id then previews and runs once', async () => {
    const origin = `http://127.0.0.1:${host.port}`
    const csv = Buffer.from('kind,suppliers\ncode,name,gln\nSUP-UP,Uploaded Supplier AB,\n')
    expect((await post(host.port, csv, { Origin: origin })).status).toBe(401)
    expect((await post(host.port, csv, { Origin: 'http://evil.example', 'X-Dockside-Token': host.token })).status).toBe(403)
    const up = await post(host.port, csv, { Origin: origin, 'X-Dockside-Token': host.token, 'X-Dockside-File-Name': encodeURIComponent('../../suppliers é.csv') })
    expect(up).toMatchObject({ status: 200, json: { ok: true, value: { name: 'suppliers é.csv', bytes: csv.length } } })
    const upload = up.json.value!.upload
    expect(await host.station.dispatch('imports.preview', { upload })).toMatchObject({ ok: true, value: { file: 'suppliers é.csv', valid: true, applied: false } })
    expect(await host.station.dispatch('imports.run', { upload })).toMatchObject({ ok: true, value: { applied: true, summary: { suppliersCreated: 1 } } })
    expect(await host.station.dispatch('imports.run', { upload })).toMatchObject({ ok: false, error: { code: 'imports.upload_unknown' } })
    expect(await host.station.dispatch('imports.run', { upload: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('an upload past the size limit is refused and leaves no file', async () => {
    const dir = makeTempDir()
    const store = createUploadStore(dir, 100)
    expect(await store.receive(Readable.from([Buffer.alloc(60, 'a'), Buffer.alloc(60, 'b')]), 'big.csv')).toMatchObject({ ok: false, code: 'upload.too_large' })
    expect(await store.receive(Readable.from([Buffer.alloc(10)]), 'big.csv', 1e9)).toMatchObject({ ok: false, code: 'upload.too_large' })
    expect(existsSync(join(dir, 'uploads')) ? readdirSync(join(dir, 'uploads')) : []).toEqual([])
  })
})

describe('the import core refuses non-regular files and never echoes file contents', () => {
  it('a FIFO, a folder and a device are refused at once (the worker is never blocked)', async () => {
    const rig = openRig()
    const fifo = join(rig.dataDir, 'pipe.csv')
    execFileSync('mkfifo', [fifo])
    const dir = join(rig.dataDir, 'folder.csv')
    mkdirSync(dir)
    for (const path of [fifo, dir, '/dev/zero']) {
      const r = await importFile(rig.db, rig.eventLog, path)
      expect(r.errors[0], path).toMatchObject({ rule: 'file.not_regular' })
    }
  })

  it('a file that is not an import (a password file) is refused without a byte of it in the report', async () => {
    const rig = openRig()
    const file = join(rig.dataDir, 'shadow')
    writeFileSync(file, `${SHADOW_LINE}\ndaemon:*:19700:0:99999:7:::\n`)
    const r = await importFile(rig.db, rig.eventLog, file)
    expect(r.valid).toBe(false)
    expect(JSON.stringify(r)).not.toContain('Zq8nS3cr3t')
    expect(JSON.stringify(r)).not.toContain('root')
    const quoted = join(rig.dataDir, 'quoted.csv')
    writeFileSync(quoted, `code,name\nS1,ab"${SHADOW_LINE}\n`)
    expect(JSON.stringify(await importFile(rig.db, rig.eventLog, quoted))).not.toContain('Zq8nS3cr3t')
  })

  it('`dockside import <fifo>` answers at once with exit 2 (the CLI may read paths, but never blocks)', async () => {
    const dataDir = makeTempDir()
    const fifo = join(dataDir, 'pipe.csv')
    execFileSync('mkfifo', [fifo])
    const child = spawn(process.execPath, [BIN, 'import', fifo, '--data-dir', dataDir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
      child.on('exit', (c) => {
        clearTimeout(timer)
        resolve(c)
      })
    })
    expect(code).toBe(2)
    expect(out).toContain('file.not_regular')
  }, 90_000)

  it('imports.cancel stops a running import: nothing is written and the next import runs', async () => {
    const station = await startTestStation({ demo: true, importPaths: true })
    try {
      const file = join(station.store.file, '..', 'many-items.csv')
      const rows = Array.from({ length: 150_000 }, (_, i) => `CX-${i},,Cancelled item ${i},none`)
      writeFileSync(file, `kind,items\nsku,gtin,description,tracking\n${rows.join('\n')}\n`)
      const running = station.dispatch('imports.run', { path: file })
      await new Promise((r) => setTimeout(r, 300))
      expect(await station.dispatch('imports.cancel', {})).toMatchObject({ ok: true, value: { cancelled: true } })
      expect(await running).toMatchObject({ ok: false, error: { code: 'imports.cancelled' } })
      expect((station.store.db.prepare("SELECT count(*) AS n FROM items WHERE sku LIKE 'CX-%'").get() as { n: number }).n).toBe(0)
      const small = join(station.store.file, '..', 'one.csv')
      writeFileSync(small, 'kind,suppliers\ncode,name,gln\nSUP-AFTER,After Cancel,\n')
      expect(await station.dispatch('imports.run', { path: small })).toMatchObject({ ok: true, value: { applied: true } })
    } finally {
      await station.close()
    }
  }, 120_000)
})
