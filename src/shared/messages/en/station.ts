/** Station-wide outcomes: the call boundary, sessions, settings, devices, the store. */
export const stationEn = {
  'unknown_method': 'There is no station method called {method}.',
  'payload_too_large': 'The call to {method} is {bytes:number} bytes; the limit is {limit:number}.',
  'invalid_input': 'Invalid input for {method} (field "{path}"): {problem}.',
  'internal': 'The station could not complete {method}: {detail}',
  'transport': 'The station could not be reached: {detail}',
  'forbidden': 'Station calls are accepted only from the Dockside window.',
  'disconnected': 'Not connected to the station.',
  'connection_lost': 'The connection to the station was lost.',
  'bad_message': 'A station message must be JSON text with a numeric id, a method name and an input.',
  'not_found': 'Nothing found for {what}.',
  'busy': '{what} is busy: try again in a moment.',
  'device_unavailable': 'The device is not available: {detail}',
  'auth.unknown_badge': 'This badge is not registered to an active operator.',
  'auth.wrong_pin': 'Wrong operator or PIN.',
  'session.operator_required': 'Choose your name and enter your PIN, or scan your badge.',
  'session.signed_in': 'Welcome, {name}.',
  'session.signed_out': 'Signed out.',
  'scanners.no_simulator': 'There is no simulated scanner {device} (start the station with --demo).',
  'terminal.bad_id': 'A terminal id is 1–64 letters, digits, dots, dashes or underscores; "{id}" is not.',
  'terminal.unknown_workflow': 'There is no scan workflow "{workflow}" on this station.'
} as const satisfies Record<string, string>
