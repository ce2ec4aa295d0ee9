import { decodeEpc } from '../../../shared/codes/epc/index'

/** The identity an EPC carries, as the CLI and the gate report it. */
export type TagIdentity =
  | { scheme: string; tagUri: string; gtin?: string; serial?: string; sscc?: string; gln?: string; grai?: string }
  | { scheme: null; tagUri: null; error: { code: string; params: Record<string, unknown> } }

/** Decodes an EPC (hex, from the header on) with the station's codec; a malformed or non-GS1 EPC gives its code. */
export function tagIdentity(epcHex: string): TagIdentity {
  const r = decodeEpc(epcHex)
  if (!r.ok) return { scheme: null, tagUri: null, error: { code: r.error.code, params: r.error.details ?? {} } }
  const e = r.value
  switch (e.scheme) {
    case 'sgtin-96':
    case 'sgtin-198':
      return { scheme: e.scheme, tagUri: e.tagUri, gtin: e.gtin, serial: e.serial }
    case 'sscc-96':
      return { scheme: e.scheme, tagUri: e.tagUri, sscc: e.sscc }
    case 'sgln-96':
      return { scheme: e.scheme, tagUri: e.tagUri, gln: e.gln }
    case 'grai-96':
      return { scheme: e.scheme, tagUri: e.tagUri, grai: e.grai }
  }
}
