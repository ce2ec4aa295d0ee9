import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMessageText } from '../../i18n/use-message'
import type { OperatorName } from '../../../shared/model/station'
import type { AppError } from '../../../shared/result'
import { ErrorLine } from '../../components/ErrorLine'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const
const MAX_PIN = 12

export function SignInScreen() {
  const { t } = useTranslation()
  const { client, info } = useStation()
  const feedback = useFeedback()
  const messageText = useMessageText()
  const [operators, setOperators] = useState<OperatorName[]>([])
  const [badge, setBadge] = useState('')
  const [chosen, setChosen] = useState<OperatorName | null>(null)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const badgeInput = useRef<HTMLInputElement>(null)
  const pinEntry = useRef<HTMLDivElement>(null)

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
    if (!chosen || pin.length < 4) return
    const result = await client.call('session.signIn', { operatorId: chosen.id, pin })
    setPin('')
    finish(result)
  }

  const press = (key: (typeof PAD)[number]) => {
    setError(null)
    if (key === 'clear') setPin('')
    else if (key === 'back') setPin((p) => p.slice(0, -1))
    else setPin((p) => (p.length < MAX_PIN ? p + key : p))
  }

  // The PIN may be typed on a keyboard as well as on the pad (#12.9): digits, Backspace, Escape, Enter.
  // Taken anywhere on the screen but the badge field, so the keys typed right after choosing a name
  // count even before the focus has moved to the PIN entry.
  const onPinKey = (event: KeyboardEvent<HTMLElement>) => {
    if (!chosen || event.target === badgeInput.current) return
    if (/^\d$/.test(event.key)) press(event.key as (typeof PAD)[number])
    else if (event.key === 'Backspace') press('back')
    else if (event.key === 'Escape') press('clear')
    else if (event.key === 'Enter') void submitPin()
    else return
    event.preventDefault()
  }

  const choose = (o: OperatorName) => {
    setChosen(o)
    setPin('')
    setError(null)
    // Focus the PIN entry so typed digits go there.
    setTimeout(() => pinEntry.current?.focus(), 0)
  }

  return (
    <section className="screen sign-in" onKeyDown={onPinKey} data-testid="sign-in">
      <div className="sign-in-who">
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
        <div className="operator-list" role="group" aria-label={t('signIn.operators')}>
          {operators.map((o) => (
            <button
              key={o.id}
              type="button"
              aria-pressed={chosen?.id === o.id}
              className={`big-button ${chosen?.id === o.id ? 'selected' : ''}`}
              onClick={() => choose(o)}
              data-testid={`operator-${o.id}`}
            >
              {o.name}
            </button>
          ))}
        </div>
        {info.demo && <p className="demo-hint">{t('signIn.demoPins')}</p>}
      </div>
      {chosen && (
        <div className="pin-entry" ref={pinEntry} tabIndex={-1} data-testid="pin-entry" aria-label={t('signIn.pinFor', { name: chosen.name })}>
          <p className="pin-for" data-testid="pin-for">
            {chosen.hasPin ? t('signIn.pinFor', { name: chosen.name }) : t('signIn.choosePin', { name: chosen.name })}
          </p>
          <div className="pin-display" role="status" aria-label={t('signIn.pinLabel')} data-testid="pin-display">
            {'•'.repeat(pin.length) || '\u00a0'}
          </div>
          <div className="pin-pad">
            {PAD.map((key) => (
              <button key={key} type="button" className="pad-button" onClick={() => press(key)} data-testid={`pin-${key}`} aria-label={key === 'back' ? t('signIn.back') : undefined}>
                {key === 'clear' ? t('signIn.clear') : key === 'back' ? '⌫' : key}
              </button>
            ))}
          </div>
          <button type="button" className="big-button primary" disabled={pin.length < 4} onClick={() => void submitPin()} data-testid="pin-submit">
            {t('signIn.submit')}
          </button>
          <ErrorLine error={error} />
        </div>
      )}
      {!chosen && <ErrorLine error={error} />}
    </section>
  )
}
