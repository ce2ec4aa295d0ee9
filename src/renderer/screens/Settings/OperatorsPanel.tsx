import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { OPERATOR_ROLES, type OperatorRecord, type OperatorRole } from '../../../shared/model/station'
import type { AppError } from '../../../shared/result'
import { ErrorLine } from '../../components/ErrorLine'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { useMessageText } from '../../i18n/use-message'

interface Draft {
  name: string
  role: OperatorRole
  badge: string
  pin: string
}

const EMPTY: Draft = { name: '', role: 'operator', badge: '', pin: '' }

/** Settings → Operators (administrators): create, edit, deactivate, set badges, reset PINs. */
export function OperatorsPanel() {
  const { t } = useTranslation()
  const { client } = useStation()
  const feedback = useFeedback()
  const messageText = useMessageText()
  const [list, setList] = useState<OperatorRecord[]>([])
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [editing, setEditing] = useState<number | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    void client.call('operators.all', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)))
    return client.on('operators.changed', setList)
  }, [client])

  const done = <T,>(result: { ok: true; value: T } | { ok: false; error: AppError }, good: string): result is { ok: true; value: T } => {
    if (result.ok) {
      setError(null)
      feedback('good', good)
      return true
    }
    setError(result.error)
    feedback('bad', messageText(result.error))
    return false
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const badge = draft.badge.trim()
    if (editing === null) {
      const result = await client.call('operators.create', { name: draft.name, role: draft.role, ...(badge ? { badge } : {}), ...(draft.pin ? { pin: draft.pin } : {}) })
      if (done(result, messageText({ code: 'operators.created', params: { name: draft.name } }))) setDraft(EMPTY)
    } else {
      const result = await client.call('operators.update', { id: editing, name: draft.name, role: draft.role, badge: badge || null })
      if (done(result, messageText({ code: 'operators.saved', params: { name: draft.name } }))) {
        setEditing(null)
        setDraft(EMPTY)
      }
    }
  }

  const edit = (o: OperatorRecord) => {
    setEditing(o.id)
    setDraft({ name: o.name, role: o.role, badge: o.badge ?? '', pin: '' })
  }

  const setActive = async (o: OperatorRecord, active: boolean) => {
    done(await client.call('operators.update', { id: o.id, active }), messageText({ code: 'operators.saved', params: { name: o.name } }))
  }

  const resetPin = async (o: OperatorRecord) => {
    done(await client.call('operators.resetPin', { id: o.id }), messageText({ code: 'operators.pin_reset', params: { name: o.name } }))
  }

  return (
    <div className="operators-panel" data-testid="operators-panel">
      <form className="settings-form operator-form" onSubmit={submit} data-testid="operator-form">
        <label>
          {t('operators.name')}
          <input value={draft.name} maxLength={80} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="operator-name" />
        </label>
        <label>
          {t('operators.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as OperatorRole })} data-testid="operator-role">
            {OPERATOR_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('operators.badge')}
          <input value={draft.badge} maxLength={128} autoComplete="off" onChange={(e) => setDraft({ ...draft, badge: e.target.value })} data-testid="operator-badge" />
        </label>
        {editing === null && (
          <label>
            {t('operators.pin')}
            <input value={draft.pin} inputMode="numeric" pattern="\d{4,12}" type="password" autoComplete="new-password" onChange={(e) => setDraft({ ...draft, pin: e.target.value })} data-testid="operator-pin" />
          </label>
        )}
        <div className="actions">
          <button type="submit" className="big-button primary" data-testid="operator-save">
            {editing === null ? t('operators.create') : t('operators.save')}
          </button>
          {editing !== null && (
            <button type="button" className="big-button" onClick={() => (setEditing(null), setDraft(EMPTY))}>
              {t('operators.cancel')}
            </button>
          )}
        </div>
      </form>
      <ErrorLine error={error} />
      <table className="operators-table" data-testid="operators-table">
        <thead>
          <tr>
            <th>{t('operators.name')}</th>
            <th>{t('operators.role')}</th>
            <th>{t('operators.badge')}</th>
            <th>{t('operators.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((o) => (
            <tr key={o.id} data-testid={`operator-row-${o.id}`} data-active={o.active}>
              <td>{o.name}</td>
              <td>{t(`roles.${o.role}`)}</td>
              <td>{o.badge ?? '—'}</td>
              <td>{o.active ? (o.hasPin ? t('operators.active') : t('operators.noPin')) : t('operators.inactive')}</td>
              <td className="row-actions">
                <button type="button" onClick={() => edit(o)} data-testid={`operator-edit-${o.id}`}>
                  {t('operators.edit')}
                </button>
                <button type="button" onClick={() => void setActive(o, !o.active)} data-testid={`operator-active-${o.id}`}>
                  {o.active ? t('operators.deactivate') : t('operators.activate')}
                </button>
                <button type="button" onClick={() => void resetPin(o)} data-testid={`operator-reset-pin-${o.id}`}>
                  {t('operators.resetPin')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
