import { useTranslation } from 'react-i18next'
import type { UpstreamLookup } from '../../../shared/model/sync'
import { useMessageText } from '../../i18n/use-message'
import { shortTime } from '../Receive/receive-helpers'

/**
 * Look up's upstream part, clearly apart from this station's own record: where else the unit is or
 * was according to the upstream registry, or why that cannot be said now (upstream not reachable).
 */
export function UpstreamPanel({ upstream }: { upstream: UpstreamLookup | null }) {
  const { t } = useTranslation()
  const text = useMessageText()
  if (!upstream || upstream.state === 'no-unit' || upstream.state === 'not-configured') return null
  return (
    <div className="receive-panel lookup-upstream" data-testid="lookup-upstream" data-state={upstream.state}>
      <h2>{t('lookup.upstreamTitle')}</h2>
      {upstream.state === 'unavailable' && (
        <p className="error-line" data-testid="lookup-upstream-error" data-code={upstream.code}>
          {text({ code: upstream.code, params: upstream.params })}
        </p>
      )}
      {upstream.state === 'not-found' && <p className="muted">{t('lookup.upstreamNotFound')}</p>}
      {upstream.state === 'found' && (
        <>
          <p data-testid="lookup-upstream-now">{upstream.unit ? t('lookup.upstreamNow', { status: upstream.unit.status, station: upstream.unit.station }) : t('lookup.upstreamElsewhere')}</p>
          <h3>{t('lookup.upstreamHistory', { count: upstream.history.length })}</h3>
          <ol className="timeline" data-testid="lookup-upstream-history">
            {upstream.history.map((e, i) => (
              <li key={`${e.at}-${i}`} className="timeline-item" data-testid="lookup-upstream-event" data-type={e.type} data-station={e.station}>
                <div className="timeline-when">{shortTime(e.at)}</div>
                <div className="timeline-what">
                  <span className="tag">{e.type}</span> {t('lookup.station')} {e.station}
                  {e.location ? ` · ${t('lookup.location')} ${e.location}` : ''}
                  {e.order ? ` · ${t('lookup.order')} ${e.order}` : ''}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  )
}
