import { EN, type MessageCode } from '../../../shared/messages/catalog'
import type { Language } from '../../../shared/model/station'
import { accessEs } from './es-access'
import { codesEs } from './es-codes'
import { gateEs } from './es-gate'
import { importsEs } from './es-imports'
import { lookupEs } from './es-lookup'
import { printingEs } from './es-printing'
import { putawayEs } from './es-putaway'
import { receivingEs } from './es-receiving'
import { scansEs } from './es-scans'
import { scannersEs } from './es-scanners'
import { stationEs } from './es-station'
import { syncEs } from './es-sync'

/** Spanish for every message code; the type makes a missing code a compile error. */
export const ES: Record<MessageCode, string> = {
  ...stationEs,
  ...scansEs,
  ...codesEs,
  ...receivingEs,
  ...putawayEs,
  ...lookupEs,
  ...importsEs,
  ...printingEs,
  ...syncEs,
  ...gateEs,
  ...accessEs,
  ...scannersEs
}

export const MESSAGE_TABLES: Record<Language, Readonly<Record<string, string>>> = { en: EN, es: ES }
