import { createHash, randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import fc from 'fast-check'

/** One fuzz input: the raw bytes a client writes, in one or more chunks, to the host's TCP port. */
export type RawInput = Buffer[]

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'PATCH', 'get', 'G\u00e9T', '']
const NASTY_TARGETS = ['/%ff', '/%', '/%E0%A4%A', 'http://[', '/%00', '/..%2f..%2fetc/passwd', '/ws?%', '/ws', '*', '//', '/%c0%ae%c0%ae/', 'http://127.0.0.1/', '/upload', '/index.html', '/\u00ff', '/%uD800']

/** A frame in WebSocket syntax, masked as a client must: random opcode, flags and payload. */
function wsFrame(opcode: number, payload: Buffer, fin: boolean, rsv: number, mask: boolean, lie: number): Buffer {
  const len = payload.length
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)]
  const m = mask ? 0x80 : 0
  if (lie === 1) head.push(m | 127, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1) // an absurd 64-bit length
  else if (len < 126) head.push(m | len)
  else head.push(m | 126, (len >> 8) & 0xff, len & 0xff)
  const key = mask ? randomBytes(4) : Buffer.alloc(0)
  const body = Buffer.from(payload)
  if (mask) for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!
  return Buffer.concat([Buffer.from(head), key, body])
}

const text = fc.string({ unit: 'binary', maxLength: 40 })
const target = fc.oneof(
  fc.constantFrom(...NASTY_TARGETS),
  fc.tuple(fc.constantFrom('/', '/ws', '/upload', ''), text).map(([a, b]) => a + b),
  fc.array(fc.oneof(fc.constantFrom('%', '%f', '%ff', '%E0', '%A4', '..', '/', '?', '#', '[', ']', '@', ':'), fc.string({ maxLength: 4 })), { maxLength: 10 }).map((parts) => '/' + parts.join(''))
)

export function fuzzInputs(port: number, token: string): fc.Arbitrary<RawInput> {
  const host = fc.oneof(fc.constant(`127.0.0.1:${port}`), fc.constant(`localhost:${port}`), text)
  const origin = fc.oneof(fc.constant(`http://127.0.0.1:${port}`), fc.constant(''), text)
  const protocol = fc.oneof(fc.constant(`dockside.v1, token.${token}`), fc.constant('dockside.v1'), text)
  const extra = fc.array(fc.tuple(text, text), { maxLength: 4 })
  const frames = fc.array(
    fc.record({
      opcode: fc.constantFrom(0, 1, 2, 8, 9, 10, 3, 15),
      payload: fc.oneof(
        fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        fc.constantFrom('{"id":1,"method":"station.info","input":{}}', '{"id":1e400,"method":"station.info"}', '{"id":2,"method":"imports.preview","input":{"path":"/etc/shadow"}}', '[', '{"id":3,"method":"nope"}', 'null').map((s) => Buffer.from(s)),
        fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s))
      ),
      fin: fc.boolean(),
      rsv: fc.nat(7),
      mask: fc.boolean(),
      lie: fc.nat(20)
    }),
    { maxLength: 4 }
  )
  const upgrade = fc.record({ host, origin, protocol, frames, version: fc.constantFrom('13', '8', 'x') }).map(({ host: h, origin: o, protocol: p, frames: f, version }) => {
    const key = randomBytes(16).toString('base64')
    const head = `GET /ws HTTP/1.1\r\nHost: ${h}\r\nOrigin: ${o}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: ${version}\r\nSec-WebSocket-Protocol: ${p}\r\n\r\n`
    return [Buffer.from(head, 'latin1'), ...f.map((x) => wsFrame(x.opcode, x.payload, x.fin, x.rsv, x.mask, x.lie))]
  })
  const plain = fc
    .record({ method: fc.oneof(fc.constantFrom(...METHODS), text), target, version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 extra', ''), host, origin, extra, body: fc.uint8Array({ maxLength: 300 }), upgradeHeaders: fc.boolean() })
    .map((r) => {
      const lines = [`${r.method} ${r.target} ${r.version}`, `Host: ${r.host}`, `Origin: ${r.origin}`, `X-Dockside-Token: ${token}`, ...r.extra.map(([k, v]) => `${k}: ${v}`)]
      if (r.upgradeHeaders) lines.push('Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', `Sec-WebSocket-Protocol: dockside.v1, token.${token}`)
      lines.push(`Content-Length: ${r.body.length}`)
      return [Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.from(r.body)]
    })
  const garbage = fc.array(fc.uint8Array({ minLength: 1, maxLength: 200 }).map((a) => Buffer.from(a)), { minLength: 1, maxLength: 3 })
  return fc.oneof({ weight: 3, arbitrary: plain }, { weight: 3, arbitrary: upgrade }, { weight: 1, arbitrary: garbage })
}

/**
 * Writes one input to a fresh connection and collects the answer: once bytes arrive, a short quiet
 * spell ends it; with no answer at all the client half-closes after `endAfterMs` (an incomplete
 * request) and the whole exchange is cut at `boundMs`.
 */
export function sendRaw(port: number, input: RawInput, options: { endAfterMs?: number; boundMs?: number; quietMs?: number } = {}): Promise<Buffer> {
  const { endAfterMs = 200, boundMs = 10_000, quietMs = 40 } = options
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const got: Buffer[] = []
    let quiet: NodeJS.Timeout | undefined
    const bound = setTimeout(() => socket.destroy(), boundMs)
    const ender = setTimeout(() => socket.end(), endAfterMs)
    socket.on('data', (d: Buffer) => {
      got.push(d)
      clearTimeout(ender)
      clearTimeout(quiet)
      quiet = setTimeout(() => socket.destroy(), quietMs)
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearTimeout(bound)
      clearTimeout(ender)
      clearTimeout(quiet)
      resolve(Buffer.concat(got))
    })
    socket.on('connect', () => {
      for (const chunk of input) socket.write(chunk)
    })
  })
}

/** The status code of a raw HTTP answer (0 when there was none). */
export const statusOf = (answer: Buffer): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer.toString('latin1'))?.[1] ?? 0)

export const wsAccept = (key: string) => createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC11B85').digest('base64')
