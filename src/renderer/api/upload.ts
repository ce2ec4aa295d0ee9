import type { Result } from '../../shared/result'
import { UPLOAD_NAME_HEADER, UPLOAD_PATH, UPLOAD_TOKEN_HEADER, type UploadAnswer } from '../../shared/ws-protocol'

/**
 * The served UI sends an import file's bytes to the station (the station never reads a path a
 * browser names). Same token as the WebSocket; the answer's id goes to imports.preview/run.
 */
export async function uploadFile(file: File, token: string): Promise<Result<UploadAnswer>> {
  try {
    const res = await fetch(UPLOAD_PATH, {
      method: 'POST',
      headers: { [UPLOAD_TOKEN_HEADER]: token, [UPLOAD_NAME_HEADER]: encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
      body: file
    })
    return (await res.json()) as Result<UploadAnswer>
  } catch {
    return { ok: false, error: { code: 'upload.failed', message: 'The file could not be sent to the station.' } }
  }
}

/** The station token this tab holds (set by takeToken at start), or null in the desktop app. */
export const stationToken = (): string | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem('dockside.token'))
