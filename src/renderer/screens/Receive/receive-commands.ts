import type { Command } from '../../../shared/codes/commands'

/** The commands the Receive screen takes (its command sheet). */
export const RECEIVE_COMMANDS: readonly Command[] = [
  'undo',
  'close-order',
  'new-pallet',
  'exception-damaged',
  'exception-no-label',
  'exception-wrong-item',
  'exception-unexpected-serial',
  'receive-anyway',
  'print-pallet-label',
  'print-again',
  'confirm',
  'cancel',
  'go-putaway',
  'go-lookup',
  'sign-out'
]
