/** Something to close on shutdown (a device manager, a worker, the store). */
export interface Disposable {
  name: string
  close(): void | Promise<void>
}

export interface Disposables {
  /** Registers `close`; it runs on `closeAll`, after everything registered later. */
  add(name: string, close: () => void | Promise<void>): void
  /** Closes everything in reverse order of creation, awaiting each; a failure is reported and the rest still close. */
  closeAll(): Promise<void>
}

export function createDisposables(onError: (name: string, error: unknown) => void): Disposables {
  const stack: Disposable[] = []
  let closing: Promise<void> | null = null
  return {
    add(name, close) {
      if (closing) throw new Error(`Cannot register ${name}: the station is shutting down.`)
      stack.push({ name, close })
    },
    closeAll() {
      closing ??= (async () => {
        while (stack.length > 0) {
          const next = stack.pop()!
          try {
            await next.close()
          } catch (error) {
            onError(next.name, error)
          }
        }
      })()
      return closing
    }
  }
}
