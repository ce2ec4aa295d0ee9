import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { ScanResult } from '../../shared/contract-areas/scans'
import { useFeedback } from '../app/FeedbackProvider'
import { useStation } from '../app/StationProvider'
import { attachWedge } from './wedge-dom'
import { CALIBRATION_EVENT, loadCalibration } from './wedge-calibration'
import type { WedgeConfig } from './wedge-detector'
import { messageText } from '../i18n/use-message'
import { scanFeedbackMessage } from './scan-messages'

export const WEDGE_DEVICE_ID = 'wedge'

/**
 * Mounted once while an operator is signed in: keyboard-wedge scans, whatever has focus, go to the
 * station's scan pipeline (`scans.submit`), and every scan result (any scanner) plays its tone and
 * flash. Scans are sent in the order they were read; the WebSocket and IPC keep that order.
 */
export function WedgeCapture() {
  const { client, info } = useStation()
  const feedback = useFeedback()
  const { i18n, t } = useTranslation()
  const settings = info.settings
  const config = useRef<WedgeConfig>({ interKeyMs: 40, endTimeoutMs: 200, prefix: '', suffix: 'Enter', minLength: 4 })
  const enabled = useRef(true)
  const language = useRef(i18n.language)
  const [calibration, setCalibration] = useState(() => loadCalibration())
  useEffect(() => {
    const update = () => setCalibration(loadCalibration())
    window.addEventListener(CALIBRATION_EVENT, update)
    return () => window.removeEventListener(CALIBRATION_EVENT, update)
  }, [])
  useEffect(() => {
    // A timing learned on this terminal (Devices → calibrate) widens the station's limits here only.
    config.current = {
      interKeyMs: Math.max(settings.wedgeInterKeyMs, calibration?.interKeyMs ?? 0),
      endTimeoutMs: Math.max(settings.wedgeEndTimeoutMs, calibration?.endTimeoutMs ?? 0),
      prefix: settings.wedgePrefix,
      suffix: settings.wedgeSuffix,
      minLength: settings.wedgeMinLength
    }
    enabled.current = !settings.disabledScannerIds.includes(WEDGE_DEVICE_ID)
    language.current = i18n.language
  }, [settings, i18n.language, calibration])
  const tooSlow = useRef('')
  useEffect(() => {
    tooSlow.current = t('wedge.tooSlow')
  }, [t, i18n.language])

  useEffect(
    () =>
      attachWedge(window, {
        config: () => config.current,
        enabled: () => enabled.current,
        // Never silent: a steady burst too slow to be a scan says how to fix it.
        onSlow: () => feedback('warning', tooSlow.current),
        onScan: (text) => {
          void client.call('scans.submit', { text, source: 'wedge' }).then((r) => {
            if (!r.ok) feedback('bad', messageText(language.current, r.error))
          })
        }
      }),
    [client, feedback]
  )

  useEffect(
    () =>
      client.on('scans.result', (result: ScanResult) => {
        const tone = result.tone
        // Rendered synchronously: the flash is on screen in the frame the result arrived in.
        if (tone) flushSync(() => feedback(tone, scanFeedbackMessage(result, language.current)))
      }),
    [client, feedback]
  )

  return null
}
