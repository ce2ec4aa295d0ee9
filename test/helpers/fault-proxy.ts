import net from 'node:net'

/** What the proxy does to one connection (one request: the sync client never reuses connections). */
export type Fault = 'pass' | 'drop-before' | 'drop-after-request' | 'cut-body' | 'delay' | 'duplicate' | 'reorder' | 'error-500' | 'forward-then-500'
export const FAULTS: readonly Fault[] = ['pass', 'drop-before', 'drop-after-request', 'cut-body', 'delay', 'duplicate', 'reorder', 'error-500', 'forward-then-500']

/** A small seeded PRNG (mulberry32): the same seed gives the same faults. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface ProxyRequest {
  method: string
  path: string
}

export interface FaultProxy {
  url: string
  /** Faults applied so far, by kind. */
  counts: Record<Fault, number>
  /** Chooses the fault of each new connection (default: pass). */
  setChooser(choose: (request: ProxyRequest) => Fault): void
  /** Called once the upstream answer is complete, before the client gets any of it. */
  onAnswered(hook: ((request: ProxyRequest) => void | Promise<void>) | null): void
  close(): Promise<void>
}

const ERROR_500 = 'HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: 27\r\nconnection: close\r\n\r\n{"error":"injected fault"}\n'

/**
 * A fault-injecting TCP proxy on 127.0.0.1 between a station and the upstream server. Each connection
 * carries one HTTP request; the proxy reads the request line to know what it is, then per the chosen
 * fault drops the connection before or after the server saw the request, cuts the answer short,
 * delays it, sends it twice, sends its halves in the wrong order, or answers 500 (with or without
 * the server having handled the request).
 */
export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let choose: (r: ProxyRequest) => Fault = () => 'pass'
  let answered: ((r: ProxyRequest) => void | Promise<void>) | null = null
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>
  const sockets = new Set<net.Socket>()

  const server = net.createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    let head = Buffer.alloc(0)
    const onFirst = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk])
      const line = head.indexOf('\r\n')
      if (line < 0) return
      client.off('data', onFirst)
      client.pause()
      const [method = '', path = ''] = head.subarray(0, line).toString('latin1').split(' ')
      const request = { method, path }
      const fault = choose(request)
      counts[fault]++
      if (fault === 'drop-before') return void client.destroy()
      if (fault === 'error-500') return void client.end(ERROR_500)
      const upstream = net.connect(target.port, target.host)
      sockets.add(upstream)
      upstream.on('close', () => sockets.delete(upstream))
      upstream.on('error', () => client.destroy())
      const answer: Buffer[] = []
      upstream.on('data', (c: Buffer) => answer.push(c))
      upstream.on('end', () => {
        void (async () => {
          await answered?.(request)
          const body = Buffer.concat(answer)
          const half = Math.floor(body.length / 2)
          switch (fault) {
            case 'drop-after-request':
              return client.destroy()
            case 'cut-body':
              client.write(body.subarray(0, Math.max(1, body.length - 1 - Math.floor(body.length / 3))))
              return setTimeout(() => client.destroy(), 5)
            case 'delay':
              return setTimeout(() => client.end(body), 20 + Math.floor(Math.random() * 150))
            case 'duplicate':
              client.write(body)
              return client.end(body)
            case 'reorder':
              client.write(body.subarray(half))
              return client.end(body.subarray(0, half))
            case 'forward-then-500':
              return client.end(ERROR_500)
            default:
              return client.end(body)
          }
        })()
      })
      upstream.write(head)
      client.pipe(upstream)
      client.resume()
    }
    client.on('data', onFirst)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setChooser: (c) => (choose = c),
    onAnswered: (hook) => (answered = hook),
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
