import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PutawayOutcome, PutawayState } from '../../../shared/contract-areas/receiving'
import type { ScanResult } from '../../../shared/contract-areas/scans'
import type { AppError } from '../../../shared/result'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation, useTerminalId } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useMessageText } from '../../i18n/use-message'
import '../../styles/receiving.css'
import { shortTime, visibleScan, type ResultEntry } from '../Receive/receive-helpers'
import { CommandSheetButton, Shortcut } from '../../commands/CommandSheetButton'
import { useCommandHandlers } from '../../commands/registry'
import type { Command } from '../../../shared/codes/commands'

const PUTAWAY_COMMANDS: readonly Command[] = ['cancel', 'go-receive', 'go-lookup', 'go-label', 'sign-out']
import { CodeEntryForm } from '../../components/CodeEntryForm'
import { ApprovalDialog } from '../../components/ApprovalDialog'
import type { Approval } from '../../../shared/schemas'

const MOVED_CODES = new Set(['putaway.moved', 'putaway.moved_elsewhere', 'putaway.onto_plate'])

/**
 * Put away (DOMAIN flow 2): scan a plate or a unit → what moves and the suggested bin (with why) →
 * scan the bin label → moved. Scanner scans go through the `putaway` workflow; typed codes through
 * `putaway.submit`.
 */
export function PutAwayScreen() {
  const { t } = useTranslation()
  const { client } = useStation()
  const terminalId = useTerminalId()
  const text = useMessageText()
  const feedback = useFeedback()
  const [state, setState] = useState<PutawayState>({ subject: null, suggestion: null })
  const [last, setLast] = useState<ResultEntry | null>(null)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const counter = useRef(0)

  const refresh = useCallback(async () => {
    const r = await client.call('putaway.state', {})
    if (r.ok) setState(r.value)
    else setError(r.error)
  }, [client])

  useEffect(() => {
    void Promise.resolve().then(refresh)
  }, [refresh])

  useEffect(
    () =>
      client.on('scans.result', (r: ScanResult) => {
        if (r.workflow !== 'putaway' || r.terminalId !== terminalId) return
        setError(null)
        setLast({ key: ++counter.current, at: r.at, outcome: r.outcome, code: r.code, message: { code: r.code, params: r.params }, notes: [], tone: r.tone, text: r.text, via: 'scanner', deviceId: r.deviceId })
        void refresh()
      }),
    [client, refresh, terminalId]
  )

  const apply = (o: PutawayOutcome, scanned: string | null) => {
    const message = { code: o.code, params: o.params }
    setLast({ key: ++counter.current, at: new Date().toISOString(), outcome: o.outcome, code: o.code, message, notes: o.notes, tone: o.tone, text: scanned, via: 'typed', deviceId: null })
    setState(o.state)
    if (o.tone) feedback(o.tone, text(message))
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const code = typed.trim()
    if (!code) return
    setError(null)
    const r = await client.call('putaway.submit', { text: code })
    if (!r.ok) {
      setError(r.error)
      feedback('bad', text(r.error))
      return
    }
    setTyped('')
    apply(r.value, code)
  }

  // A held unit refused at a good-stock bin: a supervisor may put it there anyway, with a reason (audited).
  const [overrideReason, setOverrideReason] = useState('')
  const overrideBin = last?.code === 'putaway.hold_only' ? last.text : null
  const [approval, setApproval] = useState<{ reason: AppError; error: AppError | null } | null>(null)
  const submitOverride = async (given?: Approval) => {
    if (!overrideBin || overrideReason.trim().length < 3) return
    setError(null)
    const r = await client.call('putaway.submit', { text: overrideBin, override: { reason: overrideReason.trim() }, ...(given ? { approval: given } : {}) })
    if (!r.ok) {
      // An operator's override needs a supervisor (ADR 0015): approved on this screen, then sent again.
      if (r.error.code.startsWith('approval.')) return setApproval({ reason: r.error, error: given ? r.error : null })
      setApproval(null)
      setError(r.error)
      feedback('bad', text(r.error))
      return
    }
    setApproval(null)
    setOverrideReason('')
    apply(r.value, overrideBin)
  }
  const override = (e: FormEvent) => {
    e.preventDefault()
    void submitOverride()
  }

  const cancel = async () => {
    const r = await client.call('putaway.cancel', {})
    if (r.ok) {
      setState(r.value)
      setLast(null)
    } else setError(r.error)
  }

  useCommandHandlers({ cancel: () => void cancel() })

  const { subject, suggestion } = state
  const step = subject ? 2 : 1
  const moved = last !== null && MOVED_CODES.has(last.code)

  return (
    <section className="screen putaway-screen" data-testid="screen-putaway" data-step={step}>
      <h1>{t('putaway.title')}</h1>
      <ol className="putaway-steps">
        <li className={step === 1 ? 'current' : 'done'}>{t('putaway.step1')}</li>
        <li className={step === 2 ? 'current' : ''}>{t('putaway.step2')}</li>
      </ol>

      <div className={`receive-result tone-${last?.tone ?? 'none'}`} data-testid="putaway-result" data-code={last?.code ?? ''} data-outcome={last?.outcome ?? ''} aria-live="polite">
        <div className="receive-result-message" data-testid="putaway-result-message">
          {last ? text(last.message) : t(step === 1 ? 'putaway.scanSubject' : 'putaway.scanBin')}
        </div>
        {last && (
          <div className="muted receive-result-meta">
            {last.text ? `${visibleScan(last.text)} · ` : ''}
            {shortTime(last.at)}
          </div>
        )}
      </div>

      {subject && (
        <div className="putaway-layout">
          <div className="receive-panel" data-testid="putaway-subject" data-kind={subject.kind} data-code={subject.code}>
            <h2>{t(subject.kind === 'plate' ? 'putaway.plate' : 'putaway.unit')}</h2>
            <div className="receive-plate-code">{subject.code}</div>
            <dl className="facts">
              <dt>{t('putaway.what')}</dt>
              <dd>{text(subject.description)}</dd>
              <dt>{t('putaway.units')}</dt>
              <dd data-testid="putaway-units">{subject.units}</dd>
              <dt>{t('putaway.now')}</dt>
              <dd>{subject.location ?? '—'}</dd>
            </dl>
          </div>
          <div className="receive-panel putaway-suggestion" data-testid="putaway-suggestion" data-bin={suggestion?.code ?? ''}>
            <h2>{t('putaway.suggested')}</h2>
            {suggestion ? (
              <>
                <div className="putaway-bin" data-testid="putaway-suggested-bin">
                  {suggestion.code}
                </div>
                <div>{suggestion.name}</div>
                <p className="muted" data-testid="putaway-why">
                  {t('putaway.why', { why: text(suggestion.why) })}
                </p>
              </>
            ) : (
              <p className="muted">{t('putaway.noSuggestion')}</p>
            )}
          </div>
        </div>
      )}

      {moved && last && (
        <p className="notice putaway-moved" data-testid="putaway-moved">
          {text(last.message)}
        </p>
      )}

      {overrideBin && (
        <form className="receive-panel putaway-override" onSubmit={override} data-testid="putaway-override">
          <label>
            {t('putaway.overrideReason')}
            <input value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} minLength={3} maxLength={500} data-testid="putaway-override-reason" />
          </label>
          <button type="submit" data-testid="putaway-override-submit">
            {t('putaway.overrideSubmit', { bin: visibleScan(overrideBin) })}
          </button>
        </form>
      )}
      {approval && <ApprovalDialog reason={approval.reason} error={approval.error} onApprove={(a) => void submitOverride(a)} onCancel={() => setApproval(null)} />}

      <CodeEntryForm
        label={t('putaway.typeHint')}
        value={typed}
        onChange={setTyped}
        onSubmit={(e) => void submit(e)}
        submitLabel={t('putaway.submit')}
        inputTestId="putaway-typed"
        submitTestId="putaway-typed-submit"
      >
        {subject && (
          <button type="button" className="big-button" onClick={() => void cancel()} data-testid="putaway-cancel">
            {t('putaway.cancel')} <Shortcut command="cancel" />
          </button>
        )}
      </CodeEntryForm>
      <ErrorLine error={error} />
      <CommandSheetButton screen="putaway" commands={PUTAWAY_COMMANDS} />
    </section>
  )
}
