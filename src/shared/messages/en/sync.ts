/** sync: the station's sync engine with the upstream server (ADR 0014), with their English text (see ../catalog.ts). */
export const syncEn = {
  'sync.not_configured': 'No upstream server is set: enter its URL and this station\'s token in Settings.',
  'sync.bad_url': 'The server URL "{url}" is not an http:// or https:// URL.',
  'sync.unreachable': 'The upstream server at {url} could not be reached: {detail}.',
  'sync.http_status': 'The upstream server answered {status:number} to {what}: {detail}.',
  'sync.bad_response': 'The upstream server\'s answer to {what} was not understood: {detail}.',
  'sync.unauthorized': 'The upstream server refused this station\'s token (wrong, revoked or missing): create one with "dockside-server token create --station {station}".',
  'sync.event_refused': 'Event {uuid} ({type}) cannot be sent upstream: {problem}.',
  'sync.no_such_conflict': 'There is no open sync conflict {id}.',
  'sync.conflict_raised': 'Serial {serial} (GTIN {gtin}) was received at {stations}: a possible counterfeit, kept at every station for a supervisor.',
  'sync.conflict_resolved': 'Conflict on serial {serial} (GTIN {gtin}) resolved: {note}',
  'sync.master_refused': 'Upstream {kind} data could not be applied here: {problem}.',
  'sync.lot_recalled': 'Lot {lot} of {sku} is recalled upstream: {reason}'
} as const satisfies Record<string, string>
