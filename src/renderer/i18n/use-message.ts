import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { renderMessage, type MessageLike } from '../../shared/messages/catalog'
import { formatInstant } from '../../shared/messages/format'
import type { Language } from '../../shared/model/station'
import { MESSAGE_TABLES } from './messages'

/** The language tables the renderer words codes with (English from shared, Spanish here). */
export function messageText(language: string, message: MessageLike): string {
  const lang: Language = language.startsWith('es') ? 'es' : 'en'
  return renderMessage(MESSAGE_TABLES[lang], message, { locale: lang })
}

/** `(message) => text` in the operator's language: every outcome the core reports is a code with parameters. */
export function useMessageText(): (message: MessageLike) => string {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useCallback((message: MessageLike) => messageText(language, message), [language])
}

/** `(instant, kind?) => text`: an ISO instant as local 24-hour time in the operator's language. */
export function useFormatInstant(): (instant: string | number, kind?: 'time' | 'datetime') => string {
  const { i18n } = useTranslation()
  const locale = i18n.language.startsWith('es') ? 'es' : 'en'
  return useCallback((instant: string | number, kind: 'time' | 'datetime' = 'time') => formatInstant(instant, kind, { locale }), [locale])
}
