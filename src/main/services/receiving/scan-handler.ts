import type { ReceiveOutcome } from '../../../shared/contract-areas/receiving'
import type { ScanHandler, ScanVerdict } from '../scan-pipeline'
import type { ReceivingService } from './service'

export const toVerdict = (o: Pick<ReceiveOutcome, 'outcome' | 'code' | 'message' | 'tone' | 'eventId'>): ScanVerdict => ({
  outcome: o.outcome,
  code: o.code,
  message: o.message,
  tone: o.tone,
  eventId: o.eventId
})

/**
 * The `receiving` scan workflow: the pipeline calls it inside the scan's transaction, so the unit,
 * its events and the scan_journal row commit together; a refusal writes nothing but the journal row.
 * Register with `router.register('receiving', createReceivingScanHandler(service))`.
 */
export function createReceivingScanHandler(service: ReceivingService): ScanHandler {
  return (scan) => toVerdict(service.handleScan(scan.classification, scan.text))
}
