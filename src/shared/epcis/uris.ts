import { escapeEpcUriComponent, isCset82 } from '../codes/epc'
import type { LocationRef, UnitRef } from './types'

/** Identifier URIs of EPCIS events: EPC pure identity URIs where the codes allow, else Dockside URNs. */

const isDigits = (s: string, n: number) => s.length === n && /^[0-9]+$/.test(s)
const checkL = (L: number) => {
  if (!Number.isInteger(L) || L < 6 || L > 12) throw new RangeError(`companyPrefixLength must be 6..12, got ${L}`)
}
const urnPart = (s: string) => encodeURIComponent(s)

/** SGTIN pure identity URI (`urn:epc:id:sgtin:CP.IR.serial`); GS1 Digital Link when the serial is not EPC-encodable. */
export function unitEpc(unit: UnitRef, companyPrefixLength: number): string {
  checkL(companyPrefixLength)
  const { gtin, serial } = unit
  if (!isDigits(gtin, 14)) throw new RangeError(`GTIN must be 14 digits, got "${gtin}"`)
  if (serial.length >= 1 && serial.length <= 20 && isCset82(serial)) {
    const cp = gtin.slice(1, 1 + companyPrefixLength)
    const itemRef = gtin.charAt(0) + gtin.slice(1 + companyPrefixLength, 13)
    return `urn:epc:id:sgtin:${cp}.${itemRef}.${escapeEpcUriComponent(serial)}`
  }
  return `https://id.gs1.org/01/${gtin}/21/${urnPart(serial)}`
}

/** EPC class of a counted item: LGTIN with its lot, else the GTIN's SGTIN pattern. */
export function itemClass(gtin: string, lot: string | null | undefined, companyPrefixLength: number): string {
  checkL(companyPrefixLength)
  if (!isDigits(gtin, 14)) throw new RangeError(`GTIN must be 14 digits, got "${gtin}"`)
  const cp = gtin.slice(1, 1 + companyPrefixLength)
  const itemRef = gtin.charAt(0) + gtin.slice(1 + companyPrefixLength, 13)
  if (lot && lot.length <= 20 && isCset82(lot)) return `urn:epc:class:lgtin:${cp}.${itemRef}.${escapeEpcUriComponent(lot)}`
  return `urn:epc:idpat:sgtin:${cp}.${itemRef}.*`
}

/** SSCC pure identity URI for an 18-digit SSCC; a Dockside URN for a station's own license plate code. */
export function plateEpc(plate: { code: string; kind: 'sscc' | 'lpn' }, companyPrefixLength: number): string {
  checkL(companyPrefixLength)
  if (plate.kind === 'sscc' && isDigits(plate.code, 18)) {
    const c = plate.code
    return `urn:epc:id:sscc:${c.slice(1, 1 + companyPrefixLength)}.${c.charAt(0)}${c.slice(1 + companyPrefixLength, 17)}`
  }
  return `urn:dockside:lpn:${urnPart(plate.code)}`
}

/**
 * SGLN of a location: its own GLN (extension 0), else its ancestor's GLN with the location code as the
 * extension; a station/location URN when no GLN is known.
 */
export function locationUri(location: LocationRef, stationId: string, companyPrefixLength: number): string {
  checkL(companyPrefixLength)
  const gln = location.gln
  if (gln && isDigits(gln, 13)) {
    const base = `urn:epc:id:sgln:${gln.slice(0, companyPrefixLength)}.${gln.slice(companyPrefixLength, 12)}`
    if (!location.inherited) return `${base}.0`
    if (location.code.length <= 20 && isCset82(location.code)) return `${base}.${escapeEpcUriComponent(location.code)}`
  }
  return `urn:dockside:loc:${urnPart(stationId)}:${urnPart(location.code)}`
}

/** The station itself as a read point when an event names no location. */
export const stationUri = (stationId: string) => `urn:dockside:station:${urnPart(stationId)}`

/** A business transaction (PO, ASN, shipment): CBV's `urn:epcglobal:cbv:bt:GLN:ID` when the party's GLN is known. */
export function bizTransactionUri(kind: 'po' | 'asn' | 'shipment', number: string, partyGln?: string | null): string {
  if (partyGln && isDigits(partyGln, 13) && number.length > 0) return `urn:epcglobal:cbv:bt:${partyGln}:${urnPart(number)}`
  return `urn:dockside:bt:${kind}:${urnPart(number)}`
}

/** eventID of a station event: its uuid as a URN. */
export const eventIdOf = (uuid: string) => `urn:uuid:${uuid.toLowerCase()}`
