import { useTranslation } from 'react-i18next'
import type { LineCounts } from '../../../shared/contract-areas/receiving'

/** Per line: expected / received / over / short / damaged, big enough to read from a pallet away. */
export function LineTable({ lines }: { lines: LineCounts[] }) {
  const { t } = useTranslation()
  return (
    <table className="table receive-lines" data-testid="receive-lines">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('receive.item')}</th>
          <th className="num">{t('receive.expected')}</th>
          <th className="num">{t('receive.received')}</th>
          <th className="num">{t('receive.over')}</th>
          <th className="num">{t('receive.short')}</th>
          <th className="num">{t('receive.damaged')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const done = l.received >= l.expected && l.over === 0
          return (
            <tr key={l.lineId} data-testid={`receive-line-${l.lineNo}`} data-sku={l.sku} className={done ? 'line-done' : l.over > 0 ? 'line-over' : ''}>
              <td>{l.lineNo}</td>
              <td>
                <div className="line-sku">{l.sku}</div>
                <div className="muted line-desc">
                  {l.description}
                  {l.lot ? ` · ${t('receive.lot')} ${l.lot}` : ''}
                </div>
              </td>
              <td className="num big-num" data-col="expected">
                {l.expected}
              </td>
              <td className="num big-num" data-col="received">
                {l.received}
              </td>
              <td className={`num big-num ${l.over ? 'warn' : ''}`} data-col="over">
                {l.over}
              </td>
              <td className={`num big-num ${l.short ? 'bad' : ''}`} data-col="short">
                {l.short}
              </td>
              <td className={`num big-num ${l.damaged ? 'bad' : ''}`} data-col="damaged">
                {l.damaged}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
