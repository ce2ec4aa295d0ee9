/** gate: outcome codes of the loading-door gate and their English text (see ../catalog.ts, docs/codes/gate.md). */
export const gateEn = {
  'gate.tag.not_on_shipment': 'Ours, but not on shipment {shipment}.',
  'gate.tag.on_hold': 'On hold ({status}): must not leave.',
  'gate.tag.recalled': 'Lot recalled: must not leave.',
  'gate.tag.already_shipped': 'Already shipped.',
  'gate.tag.bad_epc': 'Unreadable EPC: {reason}',
  'gate.end.silence': 'Ended after {ms:number} ms without a read.',
  'gate.end.button': 'Ended by the operator.',
  'gate.end.scan': 'Ended by a scan.',
  'gate.end.reset': 'Ended: the session was reset or replaced.',
  'gate.end.restart': 'Ended: the station stopped while it was reading.',
  'gate.unknown_session': 'Gate session {sessionId:number} does not exist.',
  'gate.no_session': 'No gate session on this terminal: choose a shipment and start.',
  'gate.session_closed': 'This gate session is already {state}.',
  'gate.unknown_shipment': 'Shipment {shipment} does not exist: import it first.',
  'gate.shipment_closed': 'Shipment {shipment} is {status}: it cannot be loaded again.',
  'gate.unknown_door': 'Door {door} is not a door or dock location of this station.',
  'gate.free_read_confirm': 'A free read has no shipment to confirm.',
  'gate.unexpected_present': '{n:number} unexpected {n:plural:tag:tags} at the door: remove them (or hold the load) before confirming.',
  'gate.reason_required': 'Only {loaded:number} of {expected:number} units were read: give a reason to confirm a partial load.',
  'gate.nothing_to_ship': 'No expected unit was read: nothing to confirm.',
  'gate.confirmed': 'Shipment {shipment} loaded: {shipped:number} {shipped:plural:unit:units} shipped.'
} as const
