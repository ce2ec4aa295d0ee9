import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../shared/result'
import { PAIR_PATH } from '../../shared/ws-protocol'
import { ErrorLine } from '../components/ErrorLine'
import { DISPLAY_TOKEN_KEY } from './display-token'

/**
 * What a browser reaching the station over the LAN sees first (ADR 0018): it can only pair, with the
 * one-time code an administrator shows in Settings → Displays. The display token it gets is kept in
 * this browser, so the display reconnects after a reload or a power cut.
 */
export function PairScreen({ notConnected }: { notConnected: boolean }) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [name, setName] = useState(() => t('displays.defaultName'))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(PAIR_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) })
      const answer = (await response.json()) as { ok: true; value: { token: string } } | { ok: false; error: AppError }
      if (!answer.ok) return setError(answer.error)
      window.localStorage.setItem(DISPLAY_TOKEN_KEY, answer.value.token)
      window.location.reload()
    } catch {
      setError({ code: 'disconnected', message: 'Not connected to the station.' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="content centered">
      <section className="screen" data-testid="pair-screen">
        <h1>{t('displays.pairTitle')}</h1>
        {notConnected && (
          <p data-testid="pair-not-connected">
            {t('displays.notConnected')}{' '}
            <button type="button" onClick={() => window.location.reload()}>{t('displays.tryAgain')}</button>
          </p>
        )}
        <p>{t('displays.pairHint')}</p>
        <form onSubmit={(e) => void submit(e)}>
          <label>
            {t('displays.code')}
            <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" maxLength={32} data-testid="pair-code" />
          </label>
          <label>
            {t('displays.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} data-testid="pair-name" />
          </label>
          <button type="submit" disabled={busy || code.trim() === '' || name.trim() === ''} data-testid="pair-submit">
            {busy ? t('displays.pairing') : t('displays.pair')}
          </button>
        </form>
        <ErrorLine error={error} />
      </section>
    </main>
  )
}
