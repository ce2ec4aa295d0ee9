import { pathToFileURL } from 'node:url'

/**
 * Which URLs are the app itself. Pure (no electron import) so it is unit-tested: the navigation guard
 * and the IPC sender check rely on it, and a page that merely has `/renderer/index.html` somewhere in
 * its file path (a downloaded copy in ~/Downloads) must not pass.
 */
export function createAppUrlCheck(options: { rendererIndex: string; devServerUrl?: string }): (url: string) => boolean {
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl)
    return (url) => {
      const u = safeUrl(url)
      return u !== null && u.origin === dev.origin && u.protocol === dev.protocol
    }
  }
  const app = pathToFileURL(options.rendererIndex)
  return (url) => {
    const u = safeUrl(url)
    // Hash routes and queries are the app's own; the file itself must be exactly ours.
    return u !== null && u.protocol === 'file:' && u.host === app.host && u.pathname === app.pathname
  }
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Hosts whose pages the app may open in the system browser (GS1 references in help texts). */
export const EXTERNAL_HOSTS: readonly string[] = ['www.gs1.org', 'ref.gs1.org', 'www.gs1us.org']

/** https only, to an exact listed host, no credentials in the URL. */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  const u = safeUrl(url)
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false
  return hosts.includes(u.hostname.toLowerCase())
}
