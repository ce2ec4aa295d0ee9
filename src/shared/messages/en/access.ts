/** Roles, operators, approvals, the audit chain and first-run setup (ADR 0015). */
export const accessEn = {
  'access.sign_in_required': 'Sign in first: {method} needs a signed-in operator.',
  'access.supervisor_required': 'Only a supervisor may do this ({method}).',
  'access.administrator_required': 'Only an administrator may do this ({method}).',
  'auth.locked': 'Too many wrong PINs: this operator is locked for {seconds:number} s.',
  'auth.badge_not_allowed': 'A badge alone cannot sign in here: choose your name and enter your PIN.',
  'approval.close_short': 'Closing {order} with {short:number} missing needs a supervisor: a supervisor scans their badge or enters their PIN.',
  'approval.putaway_override': 'Putting a held (recalled, quarantined or expired) unit outside a hold location needs a supervisor: a supervisor scans their badge or enters their PIN.',
  'approval.over_receipt': '{sku}: {over:number} over the {expected:number} expected on {order} line {line}, beyond the item’s tolerance: a supervisor approves (badge or PIN), or set it aside.',
  'approval.reprint': 'A reprint needs a supervisor: a supervisor scans their badge or enters their PIN.',
  'approval.not_supervisor': '{name} is not a supervisor: a supervisor must approve this.',
  'operators.badge_taken': 'The badge {badge} already belongs to {name}.',
  'operators.unknown': 'There is no operator {id}.',
  'operators.last_administrator': '{name} is the last active administrator: make another administrator first.',
  'operators.unknown_role': 'Unknown role "{role}": use operator, supervisor or administrator.',
  'operators.created': 'Operator {name} created.',
  'operators.saved': 'Saved {name}.',
  'operators.pin_reset': 'PIN of {name} reset.',
  'setup.done': 'This station already has an administrator: sign in instead.',
  'setup.overlapping_range': 'The SSCC range {start}–{end} overlaps the range {usedStart}–{usedEnd} this station already used.',
  'audit.verified': 'The event chain holds: {events:number} events.',
  'audit.broken': 'The event chain is broken at event {id}.'
} as const satisfies Record<string, string>
