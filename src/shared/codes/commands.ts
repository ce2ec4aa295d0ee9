/**
 * Command barcodes (ADR 0016): every dock action as a Code 128 barcode an operator scans. The payload
 * is `DSCMD-` and the command's name in capitals: it starts with a letter, so no GS1 element string
 * (which starts with a numeric AI, a symbology identifier `]` or an HRI `(`) can ever be taken for one,
 * and it uses only A–Z, 0–9 and `-`, which every wedge keyboard layout types the same.
 */
export const COMMAND_PREFIX = 'DSCMD-'

export const COMMANDS = [
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
  'sign-out',
  'confirm',
  'cancel',
  'go-receive',
  'go-putaway',
  'go-lookup',
  'go-label',
  'go-gate',
  'gate-start',
  'gate-free-read',
  'gate-end',
  'gate-hold',
  'gate-hold-missing',
  'gate-hold-unexpected',
  'gate-hold-damaged',
  'gate-reset',
  'sync-now',
  'lookup-order'
] as const
export type Command = (typeof COMMANDS)[number]

const BY_PAYLOAD = new Map<string, Command>(COMMANDS.map((c) => [c.toUpperCase(), c]))

/** The barcode payload of a command. */
export const commandPayload = (command: Command): string => `${COMMAND_PREFIX}${command.toUpperCase()}`

/**
 * A scan's command: the command, `unknown` for the prefix with a name this version does not know, or
 * null when the text is not a command at all. Case-insensitive (a wedge with Caps Lock on).
 */
export function parseCommand(text: string): Command | 'unknown' | null {
  const t = text.trim().toUpperCase()
  if (!t.startsWith(COMMAND_PREFIX)) return null
  return BY_PAYLOAD.get(t.slice(COMMAND_PREFIX.length)) ?? 'unknown'
}
