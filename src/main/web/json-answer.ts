import type { ServerResponse } from 'node:http'

/** A JSON answer that is never cached; a response already started is cut instead. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }).end(JSON.stringify(body))
}
