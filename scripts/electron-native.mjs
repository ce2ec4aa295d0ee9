#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/ (node_modules keeps the Node build that
// the tests and the CLI use). The station's Electron main passes it as better-sqlite3's `nativeBinding`.
// Skips the work when the stamp says this exact Electron + better-sqlite3 pair is already built.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const require = createRequire(join(root, 'package.json'))
const target = join(root, '.electron-native')
const moduleDir = join(target, 'node_modules', 'better-sqlite3')
const binary = join(moduleDir, 'build', 'Release', 'better_sqlite3.node')
const stampFile = join(target, 'stamp.json')

const electronVersion = require('electron/package.json').version
const sqliteVersion = require('better-sqlite3/package.json').version
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch })

if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  process.exit(0)
}

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`)
rmSync(target, { recursive: true, force: true })
mkdirSync(join(target, 'node_modules'), { recursive: true })
cpSync(join(root, 'node_modules', 'better-sqlite3'), moduleDir, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
})
writeFileSync(join(target, 'package.json'), JSON.stringify({ name: 'dockside-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }))

const { rebuild } = await import('@electron/rebuild')
await rebuild({ buildPath: target, electronVersion, onlyModules: ['better-sqlite3'], force: true })
if (!existsSync(binary)) throw new Error(`the build finished but ${binary} is missing`)
writeFileSync(stampFile, stamp)
console.log('better-sqlite3 for Electron is ready.')
