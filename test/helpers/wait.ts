/**
 * The one way tests wait: poll an observable condition until it holds, with a generous bound (a
 * loaded 2-core machine is slow, a correct program still gets there). Never sleep for a fixed time:
 * to show that something did NOT happen, make something later happen (a marker scan, a second
 * request) and wait for that instead — everything before it has then been handled.
 */
export interface UntilOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number
  /** What is awaited, for the error: "both scanners connected". */
  what?: string
  /** Poll interval (default 5 ms). */
  intervalMs?: number
}

export const DEFAULT_WAIT_MS = 10_000

/**
 * Resolves once `predicate` returns true (a throwing predicate counts as false; its last error is
 * reported on time-out), or rejects naming what was awaited and for how long.
 */
export async function until(predicate: () => boolean | Promise<boolean>, options: UntilOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS
  const interval = options.intervalMs ?? 5
  const deadline = Date.now() + timeoutMs
  let lastError: unknown = undefined
  for (;;) {
    try {
      if (await predicate()) return
      lastError = undefined
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const cause = lastError === undefined ? '' : ` (last check threw: ${lastError instanceof Error ? lastError.message : String(lastError)})`
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}

/** Resolves with the first value `probe` returns that is not undefined (same bounds as `until`). */
export async function untilValue<T>(probe: () => T | undefined | Promise<T | undefined>, options: UntilOptions = {}): Promise<T> {
  let value: T | undefined
  await until(async () => (value = await probe()) !== undefined, options)
  return value as T
}
