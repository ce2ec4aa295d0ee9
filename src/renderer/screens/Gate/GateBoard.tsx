import { useTranslation } from 'react-i18next'
import type { GateTag, GateView } from '../../../shared/contract-areas/gate'
import { useMessageText } from '../../i18n/use-message'

/** The gate's live verdict: state, the big counts and the small ones (the Gate screen and a wall display). */
export function GateBoard({ view }: { view: GateView }) {
  const { t } = useTranslation()
  const text = useMessageText()
  const c = view.counts
  return (
    <>
      <p className="gate-status" data-testid="gate-status">
        {view.shipment ? t('gate.sessionFor', { shipment: view.shipment, customer: view.customer ?? '', door: view.door ?? '—' }) : t('gate.freeSession', { door: view.door ?? '—' })} · {t(`gate.state.${view.state}`)}
        {view.endReason ? ` · ${text({ code: view.endReason, params: { ms: 0 } })}` : ''}
      </p>
      <div className="gate-counts">
        <Count label={t('gate.expected')} value={c.expected} id="expected" />
        <Count label={t('gate.read')} value={c.matched} id="read" />
        <Count label={t('gate.missing')} value={c.missing} id="missing" tone={c.missing > 0 ? 'warn' : undefined} />
        <Count label={t('gate.unexpected')} value={c.unexpected} id="unexpected" tone={c.unexpected > 0 ? 'bad' : undefined} />
      </div>
      <p className="gate-small">{t('gate.smallCounts', { tags: c.read, reads: c.reads, unknown: c.unknown, foreign: c.foreign, unreadable: c.unreadable })}</p>
    </>
  )
}

/** The unexpected, missing and other tags of a gate session. */
export function GateLists({ view }: { view: GateView }) {
  const { t } = useTranslation()
  return (
    <div className="gate-lists">
      <TagList title={t('gate.unexpectedList')} tags={view.tags.filter((x) => x.cls === 'unexpected')} testId="gate-unexpected-list" />
      <div>
        <h3>{t('gate.missingList')}</h3>
        <ul data-testid="gate-missing-list">
          {view.missing.map((m) => (
            <li key={`${m.sku}:${m.serial}`}>{t('gate.unitLine', { sku: m.sku, serial: m.serial, plate: m.plate ?? '—' })}</li>
          ))}
        </ul>
      </div>
      <TagList title={t('gate.otherList')} tags={view.tags.filter((x) => x.cls !== 'unexpected')} testId="gate-tag-list" />
    </div>
  )
}

function Count({ label, value, id, tone }: { label: string; value: number; id: string; tone?: 'warn' | 'bad' | undefined }) {
  return (
    <div className={`gate-count ${tone ?? ''}`}>
      <span className="gate-count-value" data-testid={`gate-count-${id}`}>{value}</span>
      <span className="gate-count-label">{label}</span>
    </div>
  )
}

function TagList({ title, tags, testId }: { title: string; tags: GateTag[]; testId: string }) {
  const { t } = useTranslation()
  const text = useMessageText()
  return (
    <div>
      <h3>{title}</h3>
      <ul data-testid={testId}>
        {tags.map((tag) => (
          <li key={tag.epc} className={`gate-tag ${tag.cls}`}>
            <strong>{t(`gate.cls.${tag.cls}`)}</strong>{' '}
            {tag.sku || tag.serial ? t('gate.unitLine', { sku: tag.sku ?? '—', serial: tag.serial ?? '—', plate: tag.plate ?? '—' }) : tag.plate ? t('gate.plateLine', { plate: tag.plate, units: tag.units }) : tag.epc}
            {tag.reason ? ` — ${text({ code: tag.reason, params: { shipment: '', status: '', reason: '' } })}` : ''}
            <span className="gate-tag-meta">{t('gate.tagMeta', { count: tag.count, rssi: tag.peakRssi ?? '—', antennas: tag.antennas.join(',') })}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
