import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DisplayRecord, PairingCode, RemoteAccess } from '../../../shared/contract-areas/displays'
import type { AppError } from '../../../shared/result'
import { useFeedback } from '../../app/FeedbackProvider'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'
import { useMessageText } from '../../i18n/use-message'
import '../../styles/display.css'

const time = (iso: string | null, fallback: string) => (iso ? new Date(iso).toLocaleString() : fallback)

/**
 * Settings → Displays (ADR 0018): where remote displays are served and the certificate fingerprint to
 * compare, a one-time pairing code, and the paired displays with Revoke.
 */
export function DisplaysPanel() {
  const { t } = useTranslation()
  const say = useMessageText()
  const feedback = useFeedback()
  const { client } = useStation()
  const [displays, setDisplays] = useState<DisplayRecord[]>([])
  const [remote, setRemote] = useState<RemoteAccess | null>(null)
  const [code, setCode] = useState<PairingCode | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const refresh = useCallback(async () => {
    const [list, self] = await Promise.all([client.call('displays.list', {}), client.call('displays.self', {})])
    if (list.ok) setDisplays(list.value)
    else setError(list.error)
    if (self.ok) setRemote(self.value.remote)
  }, [client])
  useEffect(() => {
    void Promise.resolve().then(refresh)
    return client.on('displays.changed', setDisplays)
  }, [client, refresh])

  const pair = async () => {
    setError(null)
    const r = await client.call('displays.createCode', {})
    if (!r.ok) return setError(r.error)
    setCode(r.value)
  }

  const revoke = async (display: DisplayRecord) => {
    setError(null)
    const r = await client.call('displays.revoke', { id: display.id })
    if (!r.ok) return setError(r.error)
    feedback('good', say({ code: 'displays.revoked_done', params: { name: display.name } }))
    await refresh()
  }

  return (
    <div className="settings-panel" data-testid="displays-panel">
      <h2>{t('displays.settings.title')}</h2>
      {remote ? (
        <>
          <p data-testid="displays-listening">{t('displays.settings.listening', { address: remote.address, port: remote.port })}</p>
          <p>
            {t('displays.settings.fingerprint')}: <code data-testid="displays-fingerprint">{remote.fingerprint}</code>
          </p>
        </>
      ) : (
        <p data-testid="displays-off">{t('displays.settings.off')}</p>
      )}
      <button type="button" onClick={() => void pair()} data-testid="displays-pair">{t('displays.settings.pairButton')}</button>
      {code && (
        <p className="pairing-code">
          {t('displays.settings.codeIs')} <strong data-testid="displays-code">{code.code}</strong> {t('displays.settings.codeExpires', { time: new Date(code.expiresAt).toLocaleTimeString() })}
        </p>
      )}
      <ErrorLine error={error} />
      {displays.length === 0 ? (
        <p>{t('displays.settings.none')}</p>
      ) : (
        <table className="table" data-testid="displays-list">
          <thead>
            <tr>
              <th>{t('displays.settings.name')}</th>
              <th>{t('displays.settings.created')}</th>
              <th>{t('displays.settings.lastSeen')}</th>
              <th>{t('displays.settings.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {displays.map((d) => (
              <tr key={d.id} data-testid={`display-${d.id}`}>
                <td>{d.name}</td>
                <td>{time(d.createdAt, '')}</td>
                <td>{time(d.lastSeenAt, t('displays.settings.never'))}</td>
                <td>{d.revokedAt ? t('displays.settings.revoked', { time: time(d.revokedAt, '') }) : t('displays.settings.active')}</td>
                <td>{!d.revokedAt && <button type="button" onClick={() => void revoke(d)} data-testid={`display-revoke-${d.id}`}>{t('displays.settings.revoke')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** The certificate fingerprint among the station facts (Settings → Station), when remote displays are served. */
export function CertificateFact() {
  const { t } = useTranslation()
  const { client } = useStation()
  const [remote, setRemote] = useState<RemoteAccess | null>(null)
  useEffect(() => {
    void client.call('displays.self', {}).then((r) => r.ok && setRemote(r.value.remote))
  }, [client])
  if (!remote) return null
  return (
    <>
      <dt>{t('displays.settings.fingerprint')}</dt>
      <dd data-testid="settings-fingerprint">{remote.fingerprint}</dd>
    </>
  )
}
