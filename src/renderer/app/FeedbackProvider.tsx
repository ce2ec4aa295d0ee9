import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { FeedbackTone } from '../../shared/model/feedback'
import { playTone } from './feedback-sound'

interface Flash {
  tone: FeedbackTone
  message: string
  key: number
}

const FeedbackContext = createContext<(tone: FeedbackTone, message: string) => void>(() => {})

export const useFeedback = () => useContext(FeedbackContext)

const FLASH_MS: Record<FeedbackTone, number> = { good: 450, warning: 1200, bad: 2000 }

/** Full-screen flash + sound for every scan result; applied in the same frame as the result arrives. */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<Flash | null>(null)
  // The last signal stays readable after its flash is gone (assistive technology, tests under load).
  const [last, setLast] = useState<Flash | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const counter = useRef(0)

  const signal = useCallback((tone: FeedbackTone, message: string) => {
    playTone(tone)
    if (timer.current) clearTimeout(timer.current)
    const next = { tone, message, key: ++counter.current }
    setFlash(next)
    setLast(next)
    timer.current = setTimeout(() => setFlash(null), FLASH_MS[tone])
  }, [])

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  return (
    <FeedbackContext.Provider value={signal}>
      {children}
      <output hidden data-testid="feedback-last" data-tone={last?.tone ?? ''} data-seq={last?.key ?? 0}>
        {last?.message ?? ''}
      </output>
      {flash && (
        <div key={flash.key} className={`flash flash-${flash.tone}`} role="alert" data-testid="feedback-flash" data-tone={flash.tone}>
          <div className="flash-message">{flash.message}</div>
        </div>
      )}
    </FeedbackContext.Provider>
  )
}
