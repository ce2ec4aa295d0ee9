import { hostname, networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { isAllowedHost, isAllowedOrigin, listenPolicy, LOOPBACK_POLICY } from '../../../src/main/web/origin-check'

describe('Host and Origin checks with --listen (ADR 0018)', () => {
  it('loopback stays http on 127.0.0.1/localhost only', () => {
    expect(isAllowedHost('127.0.0.1:5757', 5757)).toBe(true)
    expect(isAllowedOrigin('http://localhost:5757', 5757, LOOPBACK_POLICY)).toBe(true)
    expect(isAllowedOrigin('https://127.0.0.1:5757', 5757)).toBe(false)
    expect(isAllowedHost('192.168.1.20:5757', 5757)).toBe(false)
  })

  it('a listen address is accepted with its port over https, never over http or on another port', () => {
    const policy = listenPolicy('192.168.1.20')
    expect(isAllowedHost('192.168.1.20:5757', 5757, policy)).toBe(true)
    expect(isAllowedHost('192.168.1.20:5758', 5757, policy)).toBe(false)
    expect(isAllowedHost('127.0.0.1:5757', 5757, policy)).toBe(false)
    expect(isAllowedOrigin('https://192.168.1.20:5757', 5757, policy)).toBe(true)
    expect(isAllowedOrigin('http://192.168.1.20:5757', 5757, policy)).toBe(false)
    expect(isAllowedOrigin('https://evil.example:5757', 5757, policy)).toBe(false)
  })

  it('IPv6 addresses are bracketed; the default https port may be left out', () => {
    const policy = listenPolicy('fe80::1')
    expect(isAllowedHost('[fe80::1]:443', 443, policy)).toBe(true)
    expect(isAllowedHost('[fe80::1]', 443, policy)).toBe(true)
    expect(isAllowedOrigin('https://[fe80::1]', 443, policy)).toBe(true)
    expect(isAllowedHost('[fe80::1]', 5757, policy)).toBe(false)
  })

  it('a wildcard accepts every address of this machine and its host name', () => {
    const policy = listenPolicy('0.0.0.0')
    const first = Object.values(networkInterfaces()).flat().find((n) => n?.family === 'IPv4')
    if (first) expect(isAllowedHost(`${first.address}:5757`, 5757, policy)).toBe(true)
    expect(isAllowedHost(`${hostname().toLowerCase()}:5757`, 5757, policy)).toBe(true)
    expect(isAllowedHost('localhost:5757', 5757, policy)).toBe(true)
    expect(isAllowedHost('rebind.example:5757', 5757, policy)).toBe(false)
  })
})
