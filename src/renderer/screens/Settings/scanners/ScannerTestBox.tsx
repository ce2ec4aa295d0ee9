import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScanResult } from '../../../../shared/contract-areas/scans'
import { useStation } from '../../../app/StationProvider'
import { useMessageText } from '../../../i18n/use-message'

const showGs = (text: string) => text.replaceAll('\u001d', '⟨GS⟩')

interface Last {
  text: string | null
  outcome: string
  code: string
  params: ScanResult['params']
  classification: ScanResult['classification']
}

/**
 * The last scan one scanner delivered: its raw text and what the station made of it (the parse, or why
 * it was rejected), so site IT sees the wiring works. Fed by `scans.result`; the journal fills it on open.
 */
export function ScannerTestBox({ deviceId, testId }: { deviceId: string; testId: string }) {
  const { t } = useTranslation()
  const say = useMessageText()
  const { client } = useStation()
  const [last, setLast] = useState<Last | null>(null)

  useEffect(() => {
    let live = false
    void client.call('scans.journal', { deviceId, limit: 1 }).then((r) => {
      const row = r.ok ? r.value[0] : undefined
      if (!live && row) setLast({ text: row.text, outcome: row.outcome, code: row.code ?? 'scan.plain', params: row.params ?? {}, classification: null })
    })
    return client.on('scans.result', (result) => {
      if (result.deviceId !== deviceId) return
      live = true
      setLast({ text: result.text, outcome: result.outcome, code: result.code, params: result.params, classification: result.classification })
    })
  }, [client, deviceId])

  if (!last) {
    return (
      <div className="scanner-test muted" data-testid={testId} data-empty="true">
        {t('scannerSetup.testEmpty')}
      </div>
    )
  }
  return (
    <div className="scanner-test" data-testid={testId} data-outcome={last.outcome}>
      <p>
        {t('scannerSetup.testGot')}: <code data-testid={`${testId}-text`}>{showGs(last.text ?? '')}</code>
      </p>
      {last.classification && last.classification.kind !== 'invalid' ? (
        <p data-testid={`${testId}-parse`} data-kind={last.classification.kind}>
          {last.classification.kind === 'gs1' ? (
            <code>{last.classification.elements.map((e) => `(${e.ai})${e.value}`).join(' ')}</code>
          ) : (
            <>
              {t('scanners.plainText')}: <code>{showGs(last.classification.text)}</code>
            </>
          )}
          {last.classification.symbology && <span className="tag">{last.classification.symbology}</span>}
        </p>
      ) : last.classification ? (
        <p className="error-line" data-testid={`${testId}-parse`} data-kind="invalid">
          {say(last.classification.error)}
        </p>
      ) : (
        <p className={last.outcome === 'rejected' ? 'error-line' : ''} data-testid={`${testId}-message`}>
          {say({ code: last.code, params: last.params })}
        </p>
      )}
    </div>
  )
}
