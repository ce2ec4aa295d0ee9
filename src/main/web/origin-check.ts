/**
 * A page on another origin (or a DNS-rebinding host name) must never drive the station: only requests
 * addressed to this server's own loopback address and port, from pages it served itself, pass.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase())
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false
  return [...allowedHosts(port)].some((h) => origin.toLowerCase() === `http://${h}`)
}
