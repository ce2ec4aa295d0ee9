import type { FeedbackTone } from '../../shared/model/feedback'

// Tones are synthesised (no audio files, nothing to load): distinct pitch and rhythm per result,
// so an operator who is not looking at the screen still knows what happened.
const PATTERNS: Record<FeedbackTone, { frequency: number; durationMs: number; repeats: number; type: OscillatorType }> = {
  good: { frequency: 1760, durationMs: 90, repeats: 1, type: 'sine' },
  warning: { frequency: 880, durationMs: 120, repeats: 2, type: 'triangle' },
  bad: { frequency: 220, durationMs: 400, repeats: 1, type: 'square' }
}

let context: AudioContext | null = null

export function playTone(tone: FeedbackTone): void {
  try {
    context ??= new AudioContext()
    const p = PATTERNS[tone]
    const start = context.currentTime
    for (let i = 0; i < p.repeats; i++) {
      const osc = context.createOscillator()
      const gain = context.createGain()
      osc.type = p.type
      osc.frequency.value = p.frequency
      gain.gain.value = 0.2
      osc.connect(gain).connect(context.destination)
      const at = start + (i * p.durationMs * 1.6) / 1000
      osc.start(at)
      osc.stop(at + p.durationMs / 1000)
    }
  } catch {
    // No audio device: the flash still shows the result.
  }
}
