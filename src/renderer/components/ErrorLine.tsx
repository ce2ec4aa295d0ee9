import type { AppError } from '../../shared/result'

export function ErrorLine({ error }: { error: AppError | null }) {
  if (!error) return null
  return (
    <p className="error-line" role="alert" data-testid="error-line" data-code={error.code}>
      {error.message}
    </p>
  )
}
