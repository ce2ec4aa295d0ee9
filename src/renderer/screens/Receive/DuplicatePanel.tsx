import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuplicateInfo } from '../../../shared/contract-areas/receiving'
import { useStation } from '../../app/StationProvider'
import { pickUnit, shortTime, visibleScan } from './receive-helpers'

export interface ShownDuplicate {
  code: string
  info: DuplicateInfo
}

/**
 * A refused double or duplicate scan, with where and when the unit already is: from the refusal itself,
 * or looked up by the scanned code (a scanner's result carries only the code).
 */
export function useDuplicate(orderNumber: string | null) {
  const { client } = useStation()
  const [duplicate, setDuplicate] = useState<ShownDuplicate | null>(null)
  const showDuplicate = useCallback(
    async (code: string, dup: DuplicateInfo | null) => {
      if (dup) return setDuplicate({ code, info: dup })
      const found = await client.call('lookup.find', { code })
      const u = found.ok ? pickUnit(found.value) : null
      if (!u) return setDuplicate(null)
      setDuplicate({
        code,
        info: { unitId: u.id, status: u.status, receivedAt: u.receivedAt, order: u.order?.number ?? null, location: u.location, plate: u.plate, sameOrder: u.order?.number === orderNumber }
      })
    },
    [client, orderNumber]
  )
  return { duplicate, setDuplicate, showDuplicate }
}

export function DuplicatePanel({ duplicate }: { duplicate: ShownDuplicate }) {
  const { t } = useTranslation()
  return (
    <div className="receive-duplicate" data-testid="receive-duplicate">
      <h2>{t(duplicate.info.sameOrder ? 'receive.dupSameOrder' : 'receive.dupElsewhere')}</h2>
      <dl className="facts">
        <dt>{t('receive.scanned')}</dt>
        <dd>{visibleScan(duplicate.code)}</dd>
        <dt>{t('receive.receivedAt')}</dt>
        <dd data-testid="receive-duplicate-when">{shortTime(duplicate.info.receivedAt) || '—'}</dd>
        <dt>{t('receive.order')}</dt>
        <dd data-testid="receive-duplicate-order">{duplicate.info.order ?? '—'}</dd>
        <dt>{t('receive.where')}</dt>
        <dd data-testid="receive-duplicate-where">{[duplicate.info.location, duplicate.info.plate].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('receive.unitStatus')}</dt>
        <dd>{duplicate.info.status}</dd>
      </dl>
    </div>
  )
}
