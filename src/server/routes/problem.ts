import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { ServerError } from '../errors'

/** RFC 7807 body: `code` and `params` are the stable machine-readable outcome; `detail` is English. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  params: Record<string, unknown>
}

const EPCIS_TYPE: Record<number, string> = {
  400: 'epcisException:ValidationException',
  401: 'epcisException:SecurityException',
  403: 'epcisException:SecurityException',
  404: 'epcisException:NoSuchResourceException',
  413: 'epcisException:CaptureLimitExceededException',
  415: 'epcisException:ValidationException',
  500: 'epcisException:ImplementationException'
}
const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 413: 'Payload too large', 415: 'Unsupported media type', 500: 'Server error' }

export function problemOf(error: unknown): Problem {
  if (error instanceof ServerError) {
    return { type: EPCIS_TYPE[error.status] ?? 'about:blank', title: TITLES[error.status] ?? 'Error', status: error.status, detail: error.message, code: error.code, params: error.params }
  }
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }))
    const first = issues[0]
    return { type: EPCIS_TYPE[400]!, title: TITLES[400]!, status: 400, detail: `Invalid request at ${first?.path || '(body)'}: ${first?.message ?? 'invalid'}`, code: 'server.invalid_request', params: { issues } }
  }
  const fe = error as FastifyError
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const status = fe.statusCode
    const code = status === 413 ? 'server.body_too_large' : status === 415 ? 'server.unsupported_media_type' : 'server.invalid_request'
    return { type: EPCIS_TYPE[status] ?? 'about:blank', title: TITLES[status] ?? 'Error', status, detail: fe.message, code, params: { reason: fe.code ?? null } }
  }
  return { type: EPCIS_TYPE[500]!, title: TITLES[500]!, status: 500, detail: 'The server failed; see its log.', code: 'server.internal', params: {} }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = problemOf(error)
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed')
  return reply.status(problem.status).type('application/problem+json').send(problem)
}
