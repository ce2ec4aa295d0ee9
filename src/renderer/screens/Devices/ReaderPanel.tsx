import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReaderLiveView } from '../../../shared/contract-areas/gate'
import type { ReaderOutputs, RfidProtocolName, RfidReaderSetting } from '../../../shared/model/station'
import type { AppError } from '../../../shared/result'
import { useStation } from '../../app/StationProvider'
import { ErrorLine } from '../../components/ErrorLine'

const idOf = (r: RfidReaderSetting) => r.id ?? `rfid:${r.path}`

/** RFID reader settings (port, protocol, baud, region, power, antennas, terminal, stack-light/buzzer outputs) and a live read-rate / RSSI view for aiming antennas. */
export function ReaderPanel() {
  const { t } = useTranslation()
  const { client, info } = useStation()
  const [live, setLive] = useState<ReaderLiveView[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const [form, setForm] = useState({ path: '', protocol: 'thingmagic' as RfidProtocolName, baud: '', region: '', power: '', antennas: '1', terminal: 'door-1', green: '', red: '', buzzer: '' })
  const readers = info.settings.rfidReaders

  useEffect(() => {
    const poll = async () => {
      const r = await client.call('gate.readers', {})
      if (r.ok) setLive(r.value)
    }
    void poll()
    const timer = setInterval(() => void poll(), 1000)
    return () => clearInterval(timer)
  }, [client])

  const save = async (next: RfidReaderSetting[], terminals: Record<string, string>) => {
    setError(null)
    const r = await client.call('settings.update', { rfidReaders: next, rfidTerminals: terminals })
    if (!r.ok) setError(r.error)
  }
  const add = (e: FormEvent) => {
    e.preventDefault()
    const reader: RfidReaderSetting = {
      path: form.path.trim(),
      protocol: form.protocol,
      ...(form.baud ? { baudRate: Number(form.baud) } : {}),
      ...(form.region ? { region: form.region.trim() } : {}),
      ...(form.power ? { powerDbm: Number(form.power) } : {}),
      antennas: form.antennas.split(',').map((a) => Number(a.trim())).filter((a) => Number.isInteger(a) && a > 0)
    }
    const pins: ReaderOutputs = {
      ...(form.green.trim() ? { green: Number(form.green) } : {}),
      ...(form.red.trim() ? { red: Number(form.red) } : {}),
      ...(form.buzzer.trim() ? { buzzer: Number(form.buzzer) } : {})
    }
    if (Object.keys(pins).length > 0) reader.outputs = pins
    void save([...readers.filter((r) => idOf(r) !== idOf(reader)), reader], { ...info.settings.rfidTerminals, [idOf(reader)]: form.terminal.trim() })
  }
  const remove = (id: string) => {
    const terminals = { ...info.settings.rfidTerminals }
    delete terminals[id]
    void save(readers.filter((r) => idOf(r) !== id), terminals)
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))

  return (
    <section data-testid="reader-panel">
      <h2>{t('gate.readers')}</h2>
      {readers.length === 0 && <p className="muted">{t('gate.noReaders')}</p>}
      <ul>
        {readers.map((r) => {
          const l = live.find((x) => x.deviceId === idOf(r))
          return (
            <li key={idOf(r)} data-testid={`reader-${idOf(r)}`}>
              <strong>{idOf(r)}</strong> · {r.protocol} · {r.path} · {t('gate.readerTerminal', { terminal: info.settings.rfidTerminals[idOf(r)] ?? '—' })} ·{' '}
              {r.outputs && (
                <span data-testid="reader-outputs">
                  {t('gate.readerOutputs', { green: r.outputs.green ?? '—', red: r.outputs.red ?? '—', buzzer: r.outputs.buzzer ?? '—' })} ·{' '}
                </span>
              )}
              <span data-testid="reader-rate">{t('gate.readRate', { rate: l?.readsPerSecond ?? 0 })}</span>{' '}
              {Object.entries(l?.rssiByAntenna ?? {}).map(([a, rssi]) => (
                <span key={a} className="tag">{t('gate.rssi', { antenna: a, rssi })}</span>
              ))}{' '}
              <button onClick={() => remove(idOf(r))}>{t('gate.readerRemove')}</button>
            </li>
          )
        })}
      </ul>
      <form onSubmit={add} className="reader-form">
        <input value={form.path} onChange={set('path')} placeholder={t('gate.readerPath')} required />
        <select value={form.protocol} onChange={set('protocol')}>
          <option value="thingmagic">ThingMagic</option>
          <option value="r2000">R2000</option>
          <option value="ascii">ASCII</option>
        </select>
        <input value={form.baud} onChange={set('baud')} placeholder={t('gate.readerBaud')} inputMode="numeric" />
        <input value={form.region} onChange={set('region')} placeholder={t('gate.readerRegion')} />
        <input value={form.power} onChange={set('power')} placeholder={t('gate.readerPower')} inputMode="decimal" />
        <input value={form.antennas} onChange={set('antennas')} placeholder={t('gate.readerAntennas')} />
        <input value={form.terminal} onChange={set('terminal')} placeholder={t('gate.readerTerminalHint')} />
        {form.protocol !== 'ascii' && (
          <>
            <input value={form.green} onChange={set('green')} placeholder={t('gate.readerGreen')} inputMode="numeric" data-testid="reader-green" />
            <input value={form.red} onChange={set('red')} placeholder={t('gate.readerRed')} inputMode="numeric" data-testid="reader-red" />
            <input value={form.buzzer} onChange={set('buzzer')} placeholder={t('gate.readerBuzzer')} inputMode="numeric" data-testid="reader-buzzer" />
          </>
        )}
        <button type="submit">{t('gate.readerSave')}</button>
      </form>
      <ErrorLine error={error} />
    </section>
  )
}
