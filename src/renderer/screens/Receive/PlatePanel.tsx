import { Shortcut } from '../../commands/CommandSheetButton'
import { PrintAgain } from '../../commands/PrintAgain'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlateSummary } from '../../../shared/contract-areas/receiving'
import { CodeEntryForm } from '../../components/CodeEntryForm'

interface Props {
  plate: PlateSummary | null
  disabled: boolean
  printUnits: boolean
  onPrintUnits(on: boolean): void
  onNewPlate(): void
  onSetPlate(code: string): void
  onPrintPlate(): void
  printNote: string
}

/** The plate units go onto: scanned (a plate scan on this screen sets it), typed, or a new SSCC. */
export function PlatePanel({ plate, disabled, printUnits, onPrintUnits, onNewPlate, onSetPlate, onPrintPlate, printNote }: Props) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (code.trim()) onSetPlate(code.trim())
    setCode('')
  }
  return (
    <div className="receive-panel" data-testid="receive-plate-panel">
      <h2>{t('receive.plate')}</h2>
      {plate ? (
        <div className="receive-plate" data-testid="receive-plate" data-code={plate.code}>
          <div className="receive-plate-code">{plate.code}</div>
          <div className="muted">
            {t('receive.plateUnits', { count: plate.units })}
            {plate.children ? ` · ${t('receive.plateChildren', { count: plate.children })}` : ''}
            {plate.location ? ` · ${plate.location}` : ''}
          </div>
        </div>
      ) : (
        <p className="muted" data-testid="receive-no-plate">
          {t('receive.noPlate')}
        </p>
      )}
      {!disabled && (
        <>
          <div className="row">
            <button type="button" className="big-button primary" onClick={onNewPlate} data-testid="receive-new-plate">
              {t('receive.newPlate')} <Shortcut command="new-pallet" />
            </button>
            {plate && (
              <button type="button" onClick={onPrintPlate} data-testid="receive-print-plate">
                {t('receive.printPlate')} <Shortcut command="print-pallet-label" />
              </button>
            )}
            <PrintAgain />
          </div>
          <CodeEntryForm label={t('receive.plateCode')} value={code} onChange={setCode} onSubmit={submit} submitLabel={t('receive.setPlate')} inputTestId="receive-plate-input" submitTestId="receive-set-plate" maxLength={64} />
        </>
      )}
      <label className="receive-check">
        <input type="checkbox" checked={printUnits} onChange={(e) => onPrintUnits(e.target.checked)} data-testid="receive-print-units" />
        {t('receive.printUnits')}
      </label>
      {printNote && (
        <p className="muted" data-testid="receive-print-note">
          {printNote}
        </p>
      )}
    </div>
  )
}
