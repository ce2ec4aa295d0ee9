import { hostname, networkInterfaces } from 'node:os'
import { isIP } from 'node:net'

/**
 * A page on another origin (or a DNS-rebinding host name) must never drive the station: only requests
 * addressed to this server's own names and port, from pages it served itself, pass. By default the
 * names are the loopback ones over http; with `--listen` (ADR 0018) they are the listen address (every
 * address of this machine for 0.0.0.0 / ::) over https.
 */
export interface HostPolicy {
  scheme: 'http' | 'https'
  /** Host names without the port, lower case; IPv6 addresses in brackets. */
  names: ReadonlySet<string>
}

export const LOOPBACK_POLICY: HostPolicy = { scheme: 'http', names: new Set(['127.0.0.1', 'localhost']) }

const bracket = (address: string): string => (isIP(address) === 6 ? `[${address.toLowerCase()}]` : address.toLowerCase())

const isWildcard = (address: string): boolean => address === '0.0.0.0' || address === '::' || address === '[::]'

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1'
}

/** The names a browser may use to reach a server listening on `address` over TLS. */
export function listenPolicy(address: string): HostPolicy {
  const names = new Set<string>()
  if (isWildcard(address)) {
    for (const list of Object.values(networkInterfaces())) for (const nic of list ?? []) names.add(bracket(nic.address.split('%')[0] ?? nic.address))
    const host = hostname().toLowerCase()
    names.add(host).add(`${host}.local`).add('localhost')
  } else {
    names.add(bracket(address))
    if (isLoopback(address)) names.add('localhost')
  }
  return { scheme: 'https', names }
}

export function allowedHosts(port: number, policy: HostPolicy = LOOPBACK_POLICY): Set<string> {
  const hosts = [...policy.names].map((name) => `${name}:${port}`)
  // Browsers leave the default port out of Host and Origin.
  if ((policy.scheme === 'https' && port === 443) || (policy.scheme === 'http' && port === 80)) hosts.push(...policy.names)
  return new Set(hosts)
}

export function isAllowedHost(host: string | undefined, port: number, policy: HostPolicy = LOOPBACK_POLICY): boolean {
  return host !== undefined && allowedHosts(port, policy).has(host.toLowerCase())
}

export function isAllowedOrigin(origin: string | undefined, port: number, policy: HostPolicy = LOOPBACK_POLICY): boolean {
  if (origin === undefined) return false
  const lower = origin.toLowerCase()
  return [...allowedHosts(port, policy)].some((h) => lower === `${policy.scheme}://${h}`)
}
