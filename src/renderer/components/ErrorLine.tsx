import type { AppError } from '../../shared/result'
import { useMessageText } from '../i18n/use-message'

/** A refused call, worded in the operator's language from its code and parameters. */
export function ErrorLine({ error }: { error: AppError | null }) {
  const text = useMessageText()
  if (!error) return null
  return (
    <p className="error-line" role="alert" data-testid="error-line" data-code={error.code}>
      {text(error)}
    </p>
  )
}
