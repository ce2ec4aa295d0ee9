import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMessageText } from '../../i18n/use-message'
import type { OperatorSummary } from '../../../shared/model/station'
import type { AppError } from '../../../shared/result'
import { ErrorLine } from '../../components/ErrorLine'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const

export function SignInScreen() {
  const { t } = useTranslation()
  const { client, info } = useStation()
  const feedback = useFeedback()
  const messageText = useMessageText()
  const [operators, setOperators] = useState<OperatorSummary[]>([])
  const [badge, setBadge] = useState('')
  const [chosen, setChosen] = useState<OperatorSummary | null>(null)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const badgeInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void client.call('operators.list', {}).then((r) => r.ok && setOperators(r.value))
    badgeInput.current?.focus()
  }, [client])

  const finish = (result: Awaited<ReturnType<typeof client.call<'session.signIn'>>>) => {
    if (result.ok) {
      feedback('good', t('signIn.welcome', { name: result.value.operator?.name ?? '' }))
    } else {
      setError(result.error)
      feedback('bad', messageText(result.error))
    }
  }

  const submitBadge = async (event: FormEvent) => {
    event.preventDefault()
    if (!badge.trim()) return
    const result = await client.call('session.signIn', { badge: badge.trim() })
    setBadge('')
    finish(result)
  }

  const submitPin = async () => {
    if (!chosen) return
    const result = await client.call('session.signIn', { operatorId: chosen.id, pin })
    setPin('')
    finish(result)
  }

  const press = (key: (typeof PAD)[number]) => {
    setError(null)
    if (key === 'clear') setPin('')
    else if (key === 'back') setPin((p) => p.slice(0, -1))
    else setPin((p) => (p.length < 12 ? p + key : p))
  }

  return (
    <section className="screen sign-in" data-testid="sign-in">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={submitBadge} className="badge-form">
        <label htmlFor="badge">{t('signIn.scanBadge')}</label>
        <input
          id="badge"
          ref={badgeInput}
          className="big-input"
          value={badge}
          autoComplete="off"
          onChange={(e) => setBadge(e.target.value)}
          data-testid="badge-input"
          maxLength={128}
        />
      </form>
      <p className="muted">{t('signIn.or')}</p>
      <div className="operator-list" role="list">
        {operators
          .filter((o) => o.hasPin)
          .map((o) => (
            <button
              key={o.id}
              type="button"
              role="listitem"
              className={`big-button ${chosen?.id === o.id ? 'selected' : ''}`}
              onClick={() => {
                setChosen(o)
                setPin('')
                setError(null)
              }}
              data-testid={`operator-${o.id}`}
            >
              {o.name}
            </button>
          ))}
      </div>
      {chosen && (
        <div className="pin-entry">
          <div className="pin-display" aria-label={t('signIn.pinLabel')} data-testid="pin-display">
            {'•'.repeat(pin.length) || '\u00a0'}
          </div>
          <div className="pin-pad">
            {PAD.map((key) => (
              <button key={key} type="button" className="pad-button" onClick={() => press(key)} data-testid={`pin-${key}`}>
                {key === 'clear' ? t('signIn.clear') : key === 'back' ? '⌫' : key}
              </button>
            ))}
          </div>
          <button type="button" className="big-button primary" disabled={pin.length < 4} onClick={submitPin} data-testid="pin-submit">
            {t('signIn.submit')}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      {info.demo && <p className="demo-hint">{t('signIn.demoPins')}</p>}
    </section>
  )
}
