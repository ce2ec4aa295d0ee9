import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LookupResult, TimelineEntry, UnitDetail } from '../../../shared/contract-areas/receiving'
import type { ScanResult } from '../../../shared/contract-areas/scans'
import type { UpstreamLookup } from '../../../shared/model/sync'
import type { AppError } from '../../../shared/result'
import { useStation, useTerminalId } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useMessageText } from '../../i18n/use-message'
import '../../styles/receiving.css'
import { shortTime, visibleScan } from '../Receive/receive-helpers'
import { CodeEntryForm } from '../../components/CodeEntryForm'
import { ReleaseHold } from './ReleaseHold'
import { UpstreamPanel } from './UpstreamPanel'
import type { Command } from '../../../shared/codes/commands'
import { useCommandHandlers, type CommandHandlers } from '../../commands/registry'
import { CommandSheetButton, Shortcut } from '../../commands/CommandSheetButton'

/** The commands the Look up screen takes (its command sheet); looking up is a scan of the code itself. */
const LOOKUP_COMMANDS: readonly Command[] = ['lookup-order', 'cancel', 'go-receive', 'go-putaway', 'go-label', 'sign-out']

const gtin14 = (g: string) => g.padStart(14, '0')

/**
 * Look up (DOMAIN flow 6): scan or type anything — serial, GS1 code, SSCC, EPC hex, bin — and see the
 * unit's, plate's or location's facts and its whole history as a timeline.
 */
export function LookUpScreen() {
  const { t } = useTranslation()
  const { client } = useStation()
  const terminalId = useTerminalId()
  const [code, setCode] = useState('')
  const [result, setResult] = useState<LookupResult | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [newestFirst, setNewestFirst] = useState(true)
  const [upstream, setUpstream] = useState<UpstreamLookup | null>(null)

  const find = useCallback(
    async (text: string) => {
      setError(null)
      setUpstream(null)
      // The upstream registry is asked beside the local record; offline it says so and the local stays.
      const asked = client.call('lookup.upstream', { code: text })
      const r = await client.call('lookup.find', { code: text })
      if (!r.ok) {
        setResult(null)
        setError(r.error)
      } else setResult(r.value)
      const u = await asked
      setUpstream(u.ok ? u.value : null)
    },
    [client]
  )

  // A scan on this screen looks the code up (the `lookup` workflow has already flashed found / unknown).
  useEffect(
    () =>
      client.on('scans.result', (r: ScanResult) => {
        if (r.workflow !== 'lookup' || r.terminalId !== terminalId || !r.text) return
        setCode('')
        void find(r.text)
      }),
    [client, find, terminalId]
  )

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (code.trim()) void find(code.trim())
  }

  const choose = (u: UnitDetail) => {
    // Unambiguous: the unit's GTIN + serial as GS1 DataMatrix data.
    if (u.gtin) void find(`]d201${gtin14(u.gtin)}21${u.serial}`)
  }

  const timeline = result && result.kind !== 'choices' ? result.timeline : []
  const ordered = newestFirst ? [...timeline].reverse() : timeline

  const handlers: CommandHandlers = {}
  if (result && result.kind !== 'choices') handlers['lookup-order'] = () => setNewestFirst((v) => !v)
  if (result || error || upstream) {
    // Cancel clears the answer for the next look-up.
    handlers.cancel = () => {
      setResult(null)
      setError(null)
      setUpstream(null)
      setCode('')
    }
  }
  useCommandHandlers(handlers)

  return (
    <section className="screen lookup-screen" data-testid="screen-lookup">
      <div className="row">
        <h1 className="grow">{t('lookup.title')}</h1>
        <CommandSheetButton screen="lookup" commands={LOOKUP_COMMANDS} />
      </div>
      <CodeEntryForm label={t('lookup.hint')} value={code} onChange={setCode} onSubmit={submit} submitLabel={t('lookup.find')} inputTestId="lookup-code" submitTestId="lookup-find" primary />
      <ErrorLine error={error} />
      {!result && <UpstreamPanel upstream={upstream} />}

      {result && (
        <div className="lookup-result" data-testid="lookup-result" data-kind={result.kind}>
          <p className="muted">{t('lookup.for', { code: visibleScan(result.code) })}</p>
          <div className={result.kind === 'choices' ? '' : 'lookup-body'}>
            <div>
              {result.kind === 'unit' && <UnitFacts unit={result.unit} />}
              {result.kind === 'unit' && <ReleaseHold key={result.unit.id} unit={result.unit} onReleased={() => void find(result.code)} />}
              {result.kind === 'unit' && <UpstreamPanel upstream={upstream} />}
              {result.kind === 'plate' && (
                <div className="receive-panel" data-testid="lookup-plate">
                  <h2>
                    {t('lookup.plate')} <span className="receive-plate-code">{result.plate.code}</span>
                  </h2>
                  <dl className="facts">
                    <dt>{t('lookup.kind')}</dt>
                    <dd>{result.plate.kind.toUpperCase()}</dd>
                    <dt>{t('lookup.status')}</dt>
                    <dd data-testid="lookup-plate-status">{result.plate.status}</dd>
                    <dt>{t('lookup.location')}</dt>
                    <dd data-testid="lookup-location">{result.plate.locationPath.join(' › ') || result.plate.location || '—'}</dd>
                    <dt>{t('lookup.parent')}</dt>
                    <dd>{result.plate.parentCode ?? '—'}</dd>
                    <dt>{t('lookup.children')}</dt>
                    <dd>{result.plate.childCodes.join(', ') || '—'}</dd>
                    <dt>{t('lookup.unitsOn')}</dt>
                    <dd data-testid="lookup-plate-units">{result.plate.units}</dd>
                    <dt>{t('lookup.contents')}</dt>
                    <dd data-testid="lookup-plate-contents">{result.plate.contents.map((c) => `${c.units} × ${c.sku} (${c.description})`).join('; ') || '—'}</dd>
                    <dt>{t('lookup.created')}</dt>
                    <dd>{shortTime(result.plate.createdAt)}</dd>
                  </dl>
                </div>
              )}
              {result.kind === 'location' && (
                <div className="receive-panel" data-testid="lookup-location-detail">
                  <h2>
                    {t('lookup.locationTitle')} <span className="receive-plate-code">{result.location.code}</span>
                  </h2>
                  <dl className="facts">
                    <dt>{t('lookup.name')}</dt>
                    <dd>{result.location.name}</dd>
                    <dt>{t('lookup.kind')}</dt>
                    <dd>{result.location.kind}</dd>
                    <dt>{t('lookup.location')}</dt>
                    <dd data-testid="lookup-location">{result.location.path.join(' › ')}</dd>
                    <dt>{t('lookup.unitsHere')}</dt>
                    <dd data-testid="lookup-location-units">{result.location.units}</dd>
                    <dt>{t('lookup.platesHere')}</dt>
                    <dd>{result.location.plates.join(', ') || '—'}</dd>
                    {!result.location.active && (
                      <>
                        <dt>{t('lookup.status')}</dt>
                        <dd className="error-line">{t('lookup.inactive')}</dd>
                      </>
                    )}
                  </dl>
                </div>
              )}
              {result.kind === 'choices' && (
                <div className="receive-panel" data-testid="lookup-choices">
                  <h2>{t('lookup.choices', { count: result.units.length })}</h2>
                  <ul className="lookup-choices">
                    {result.units.map((u) => (
                      <li key={u.id}>
                        <button type="button" onClick={() => choose(u)} data-testid={`lookup-choice-${u.id}`}>
                          {u.sku} · {u.serial}
                        </button>{' '}
                        <span className="muted">
                          {u.description} · {u.status}
                          {u.location ? ` · ${u.location}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
            {result.kind !== 'choices' && (
              <div>
                <div className="row lookup-timeline-head">
                  <h2 className="grow">{t('lookup.history', { count: timeline.length })}</h2>
                  <button type="button" onClick={() => setNewestFirst((v) => !v)} data-testid="lookup-order" data-newest-first={String(newestFirst)}>
                    {newestFirst ? t('lookup.newestFirst') : t('lookup.oldestFirst')} <Shortcut command="lookup-order" />
                  </button>
                </div>
                {ordered.length === 0 ? (
                  <p className="muted">{t('lookup.noHistory')}</p>
                ) : (
                  <ol className="timeline" data-testid="lookup-timeline">
                    {ordered.map((e) => (
                      <TimelineItem key={e.eventId} entry={e} />
                    ))}
                  </ol>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  )
}

function UnitFacts({ unit: u }: { unit: UnitDetail }) {
  const { t } = useTranslation()
  const made = [u.madeAt, u.productionLine, u.shift ? t('lookup.shift', { shift: u.shift }) : null].filter(Boolean).join(' · ')
  return (
    <div className="receive-panel" data-testid="lookup-unit" data-serial={u.serial}>
      <h2>
        {u.sku} <span className="receive-plate-code">{u.serial}</span>
      </h2>
      <dl className="facts">
        <dt>{t('lookup.item')}</dt>
        <dd>
          {u.description}
          {u.gtin ? ` · GTIN ${u.gtin}` : ''}
        </dd>
        <dt>{t('lookup.serial')}</dt>
        <dd>{u.serial}</dd>
        <dt>{t('lookup.lot')}</dt>
        <dd>
          {u.lot ?? '—'}
          {u.lotStatus && u.lotStatus !== 'released' ? <span className="tag bad"> {u.lotStatus}</span> : null}
        </dd>
        <dt>{t('lookup.expiry')}</dt>
        <dd>{u.expiry ?? '—'}</dd>
        <dt>{t('lookup.made')}</dt>
        <dd>{made || '—'}</dd>
        <dt>{t('lookup.supplier')}</dt>
        <dd>{u.supplier ? `${u.supplier.name} (${u.supplier.code})` : '—'}</dd>
        <dt>{t('lookup.order')}</dt>
        <dd data-testid="lookup-unit-order">{u.order ? u.order.number : '—'}</dd>
        <dt>{t('lookup.status')}</dt>
        <dd data-testid="lookup-unit-status">
          {u.status} · {u.condition}
        </dd>
        <dt>{t('lookup.location')}</dt>
        <dd data-testid="lookup-location">{u.locationPath.join(' › ') || u.location || '—'}</dd>
        <dt>{t('lookup.plate')}</dt>
        <dd data-testid="lookup-unit-plate">{u.plate ?? '—'}</dd>
        {u.customer && (
          <>
            <dt>{t('lookup.customer')}</dt>
            <dd>{u.customer}</dd>
          </>
        )}
        <dt>{t('lookup.received')}</dt>
        <dd>{shortTime(u.receivedAt) || '—'}</dd>
      </dl>
    </div>
  )
}

function TimelineItem({ entry: e }: { entry: TimelineEntry }) {
  const { t } = useTranslation()
  const text = useMessageText()
  const refs = [
    e.order ? `${t('lookup.order')} ${e.order}` : null,
    e.plate ? `${t('lookup.plate')} ${e.plate}` : null,
    e.location ? `${t('lookup.location')} ${e.location}` : null,
    e.reason ? `${t('lookup.reason')} ${e.reason}` : null
  ].filter(Boolean)
  return (
    <li className="timeline-item" data-testid="lookup-event" data-type={e.type}>
      <div className="timeline-when">{shortTime(e.at)}</div>
      <div className="timeline-what">
        <div className="timeline-summary" data-code={e.summary.code}>
          {text(e.summary)}
        </div>
        <div className="muted">
          <span className="tag">{e.type}</span> {e.operator ? e.operator.name : t('lookup.noOperator')} · {t('lookup.station')} {e.stationId.slice(0, 8)}
          {refs.length ? ` · ${refs.join(' · ')}` : ''}
        </div>
      </div>
    </li>
  )
}
