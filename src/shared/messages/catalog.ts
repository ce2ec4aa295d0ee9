import { accessEn } from './en/access'
import { codesEn } from './en/codes'
import { gateEn } from './en/gate'
import { importsEn } from './en/imports'
import { lookupEn } from './en/lookup'
import { printingEn } from './en/printing'
import { putawayEn } from './en/putaway'
import { receivingEn } from './en/receiving'
import { scansEn } from './en/scans'
import { scannersEn } from './en/scanners'
import { stationEn } from './en/station'
import { syncEn } from './en/sync'
import { formatTemplate, type FormatOptions, type ParamValue, type TemplateParams } from './format'

/**
 * Every outcome, refusal and timeline entry the core produces is one of these codes plus parameters.
 * The English table is the declaration: a code exists when it has English text here, and its
 * parameters are the placeholders of that text (checked by the type checker at every `msg()` call).
 * The renderer renders codes through its language tables (a test requires Spanish for every code);
 * the CLI and the logs print the English.
 */
export const EN = {
  ...stationEn,
  ...scansEn,
  ...codesEn,
  ...receivingEn,
  ...putawayEn,
  ...lookupEn,
  ...importsEn,
  ...printingEn,
  ...syncEn,
  ...gateEn,
  ...accessEn,
  ...scannersEn
} as const

export type MessageCode = keyof typeof EN
export type ParamsOf<C extends MessageCode> = { [K in TemplateParams<(typeof EN)[C]>]: ParamValue }

/** A code with its parameters: what crosses from the core to a person. */
export type Message<C extends MessageCode = MessageCode> = C extends MessageCode ? { code: C; params: ParamsOf<C> } : never

/** The loose shape seen on the wire (a client may meet codes it does not know yet). */
export interface MessageLike {
  code: string
  params?: Readonly<Record<string, ParamValue | undefined>> | undefined
}

export function msg<C extends MessageCode>(code: C, params: ParamsOf<C>): Message<C> {
  return { code, params } as Message<C>
}

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(EN, code)
}

/** The text for a message from a table; an unknown code prints as itself with its parameters. */
export function renderMessage(table: Readonly<Record<string, string>>, message: MessageLike, options: FormatOptions = {}): string {
  const template = Object.prototype.hasOwnProperty.call(table, message.code) ? table[message.code] : undefined
  if (template === undefined) {
    const params = message.params && Object.keys(message.params).length ? ` ${JSON.stringify(message.params)}` : ''
    return `${message.code}${params}`
  }
  return formatTemplate(template, message.params ?? {}, options)
}

/** English text (the CLI, logs, the `message` of an error result). Times in UTC, ISO-like. */
export function english(message: MessageLike): string {
  return renderMessage(EN, message, { locale: 'en', timeZone: 'UTC' })
}
