import { useEffect, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CALIBRATION_EVENT, learnTiming, loadCalibration, saveCalibration, type WedgeCalibration } from './wedge-calibration'

/**
 * Devices screen: learn this terminal's wedge scanner timing from one test scan into a field outside
 * the wedge (`data-wedge="off"`), where every key's time stamp is measured.
 */
export function WedgeCalibrationPanel() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState<WedgeCalibration | null>(() => loadCalibration())
  const [active, setActive] = useState(false)
  const [value, setValue] = useState('')
  const [times, setTimes] = useState<number[]>([])
  const [tooShort, setTooShort] = useState(false)

  useEffect(() => {
    const update = () => setCurrent(loadCalibration())
    globalThis.addEventListener(CALIBRATION_EVENT, update)
    return () => globalThis.removeEventListener(CALIBRATION_EVENT, update)
  }, [])

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      const learned = learnTiming(times)
      setTimes([])
      setValue('')
      if (!learned) return setTooShort(true)
      setTooShort(false)
      saveCalibration(learned)
      setActive(false)
      return
    }
    const stamp = e.timeStamp
    if ([...e.key].length === 1 || (e.ctrlKey && e.code === 'BracketRight')) setTimes((prev) => [...prev, stamp])
  }

  return (
    <div className="panel wedge-calibration" data-testid="wedge-calibration">
      <h2>{t('wedgeCal.title')}</h2>
      <p data-testid="wedge-calibration-current" data-inter-key-ms={current?.interKeyMs ?? ''}>
        {current ? t('wedgeCal.learned', { interKeyMs: current.interKeyMs, measuredMs: current.measuredMs }) : t('wedgeCal.none')}
      </p>
      {active ? (
        <label data-wedge="off">
          {t('wedgeCal.scanNow')}
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={onKeyDown} data-testid="wedge-calibration-input" />
        </label>
      ) : (
        <div className="row">
          <button type="button" onClick={() => setActive(true)} data-testid="wedge-calibrate">
            {t('wedgeCal.start')}
          </button>
          {current && (
            <button type="button" onClick={() => saveCalibration(null)} data-testid="wedge-calibration-forget">
              {t('wedgeCal.forget')}
            </button>
          )}
        </div>
      )}
      {tooShort && <p className="error-line">{t('wedgeCal.tooShort')}</p>}
    </div>
  )
}
