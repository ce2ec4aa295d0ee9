import { useEffect, useRef } from 'react'
import type { Command } from '../../shared/codes/commands'

export type CommandHandlers = Partial<Record<Command, () => void>>

/** Handler layers, newest last: a screen's handlers win over the app's (go to, sign out). */
const layers: Array<{ current: CommandHandlers }> = []

/** Runs a command with the newest layer that handles it; false when none on screen does. */
export function runCommand(command: Command): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const handler = layers[i]!.current[command]
    if (handler) {
      handler()
      return true
    }
  }
  return false
}

/** Registers a component's command handlers while it is mounted (the latest render's handlers run). */
export function useCommandHandlers(handlers: CommandHandlers): void {
  const ref = useRef(handlers)
  useEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    const layer = ref
    layers.push(layer)
    return () => {
      const i = layers.indexOf(layer)
      if (i >= 0) layers.splice(i, 1)
    }
  }, [])
}
