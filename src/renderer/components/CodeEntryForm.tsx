import type { FormEvent, ReactNode } from 'react'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  onSubmit: (event: FormEvent) => void
  submitLabel: string
  inputTestId: string
  submitTestId: string
  maxLength?: number
  primary?: boolean
  /** Extra controls after the submit button (e.g. Cancel). */
  children?: ReactNode
}

/** The "type or paste a code when the label does not scan" row that every scan-driven screen has. */
export function CodeEntryForm({ label, value, onChange, onSubmit, submitLabel, inputTestId, submitTestId, maxLength = 4096, primary = false, children }: Props) {
  return (
    <form className="row" onSubmit={onSubmit}>
      <label className="grow">
        {label}
        <input value={value} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} data-testid={inputTestId} />
      </label>
      <button type="submit" className={primary ? 'primary' : undefined} data-testid={submitTestId}>
        {submitLabel}
      </button>
      {children}
    </form>
  )
}
