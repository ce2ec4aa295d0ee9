import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'

export type OpenRefusal = 'not_found' | 'not_regular' | 'too_large' | 'unreadable'

export type OpenedFile = { ok: true; fd: number; size: number } | { ok: false; reason: OpenRefusal; size?: number }

/**
 * Opens an import file without ever blocking on it: O_NONBLOCK so a FIFO or a device cannot hang the
 * open, then fstat on the very descriptor we read (no check-then-open race) and anything that is not
 * a regular file is refused before a byte is read. Errors carry a reason code, never file contents.
 */
export function openRegularFile(file: string, maxBytes: number): OpenedFile {
  let fd: number
  try {
    // O_NONBLOCK is 0 on Windows (no FIFOs there); O_NOCTTY keeps a terminal from becoming ours.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'not_found' : 'unreadable' }
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) {
      closeSync(fd)
      return { ok: false, reason: 'not_regular' }
    }
    if (st.size > maxBytes) {
      closeSync(fd)
      return { ok: false, reason: 'too_large', size: st.size }
    }
    return { ok: true, fd, size: st.size }
  } catch {
    closeSync(fd)
    return { ok: false, reason: 'unreadable' }
  }
}

/** Reads an opened regular file whole and closes it. */
export function readOpened(fd: number): Buffer {
  try {
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

export const OPEN_REFUSAL_TEXT: Record<OpenRefusal, string> = {
  not_found: 'The file cannot be found.',
  not_regular: 'This is not a regular file (a folder, pipe or device): choose a CSV or XLSX file.',
  too_large: 'The file is larger than the import limit.',
  unreadable: 'The file cannot be opened.'
}
