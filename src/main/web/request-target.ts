/**
 * Request targets come from anyone who can reach 127.0.0.1 (a page on another origin can make the
 * browser send `GET /%ff`). Parsing them is total: a malformed target is a value, never an exception.
 */
export type RequestTarget = { ok: true; pathname: string; decoded: string } | { ok: false; reason: 'bad_url' | 'bad_encoding' | 'bad_path' }

const MAX_TARGET_LENGTH = 8 * 1024

export function parseRequestTarget(raw: string | undefined): RequestTarget {
  const target = raw ?? '/'
  if (target.length > MAX_TARGET_LENGTH) return { ok: false, reason: 'bad_url' }
  // Only origin-form ("/path?query") is served; absolute-form and authority-form are refused.
  if (!target.startsWith('/')) return { ok: false, reason: 'bad_url' }
  let pathname: string
  try {
    pathname = new URL(target, 'http://localhost').pathname
  } catch {
    return { ok: false, reason: 'bad_url' }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { ok: false, reason: 'bad_encoding' }
  }
  // NUL and other control characters never name a file of the UI.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { ok: false, reason: 'bad_path' }
  return { ok: true, pathname, decoded }
}
