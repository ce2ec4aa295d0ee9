/** Remote displays over TLS: the listen address, the certificate, pairing and the display role (ADR 0018). */
export const displaysEn = {
  'displays.listen_unavailable': 'Cannot listen on {address} port {port}: {reason}. Choose an address of this machine (or 0.0.0.0) and a free port.',
  'displays.port_in_use': 'Port {port} on {address} is already in use (another station or program): choose another with --port.',
  'displays.certificate_unreadable': 'The station certificate in {path} cannot be read ({reason}): move the tls folder aside to make a new one (paired displays must then trust the new fingerprint).',
  'displays.code_wrong': 'That pairing code is not valid: check it on the station (Settings → Displays) and type it again.',
  'displays.code_expired': 'That pairing code has expired: make a new one on the station (Settings → Displays).',
  'displays.code_used': 'That pairing code was used already: make a new one on the station (Settings → Displays).',
  'displays.too_many_attempts': 'Too many pairing attempts: wait {seconds:number} s and try again.',
  'displays.bad_request': 'A pairing request is a JSON object with a code and a name: {problem}.',
  'displays.read_only': 'This screen is a display: it shows the station but cannot change anything ({method}).',
  'displays.pair_required': 'This screen is not paired with the station: pair it with a code from Settings → Displays.',
  'displays.revoked': 'This display was revoked on the station: pair it again with a new code.',
  'displays.unknown': 'There is no display {id}.',
  'displays.paired': 'Display {name} paired.',
  'displays.revoked_done': 'Display {name} revoked.'
} as const satisfies Record<string, string>
