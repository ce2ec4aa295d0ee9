/** A refusal with a stable code and its parameters; `status` is the HTTP status it maps to. */
export class ServerError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown>,
    message: string,
    readonly status = 500
  ) {
    super(message)
  }
}

export const badRequest = (code: string, params: Record<string, unknown>, message: string) => new ServerError(code, params, message, 400)
export const unauthorized = () => new ServerError('server.unauthorized', {}, 'A valid station token is required (Authorization: Bearer <token>).', 401)
export const forbidden = (code: string, params: Record<string, unknown>, message: string) => new ServerError(code, params, message, 403)
export const notFound = (code: string, params: Record<string, unknown>, message: string) => new ServerError(code, params, message, 404)
