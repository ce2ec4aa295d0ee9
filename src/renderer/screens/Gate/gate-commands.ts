import type { Command } from '../../../shared/codes/commands'

/** The standard hold reasons an operator gives by scan (the typed reason goes with `gate-hold`). */
export const HOLD_REASON_COMMANDS = { 'gate-hold-missing': 'missing', 'gate-hold-unexpected': 'unexpected', 'gate-hold-damaged': 'damaged' } as const
export type HoldReasonCommand = keyof typeof HOLD_REASON_COMMANDS

/** The commands the Gate screen takes (its command sheet). */
export const GATE_COMMANDS: readonly Command[] = [
  'gate-start',
  'gate-free-read',
  'gate-end',
  'confirm',
  'gate-hold',
  'gate-hold-missing',
  'gate-hold-unexpected',
  'gate-hold-damaged',
  'gate-reset',
  'go-receive',
  'go-lookup',
  'sign-out'
]
