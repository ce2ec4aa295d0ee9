import { useEffect } from 'react'

/** Sounds a two-tone alarm (Web Audio) while `on` holds; silent where audio is not allowed. */
export function useAlarm(on: boolean): void {
  useEffect(() => {
    if (!on || typeof AudioContext === 'undefined') return
    let ctx: AudioContext | null = null
    try {
      ctx = new AudioContext()
    } catch {
      return
    }
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    gain.gain.value = 0.2
    osc.type = 'square'
    osc.connect(gain).connect(ctx.destination)
    let high = false
    const timer = setInterval(() => {
      high = !high
      osc.frequency.value = high ? 1200 : 800
    }, 250)
    osc.start()
    return () => {
      clearInterval(timer)
      osc.stop()
      void ctx?.close()
    }
  }, [on])
}
