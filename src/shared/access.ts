import type { EventName, MethodName } from './contract'
import type { OperatorRole } from './model/station'

/**
 * Who may call a method from a screen (ADR 0015). `public` needs nobody signed in; the roles are
 * ranked, so a supervisor may do what an operator may. Enforced by the dispatcher for every IPC and
 * WebSocket call; the buttons a screen hides are a convenience, never the check.
 */
export type Access = 'public' | OperatorRole

const RANK: Record<OperatorRole, number> = { operator: 1, supervisor: 2, administrator: 3 }

/**
 * Every method not listed here needs a signed-in operator: a new method is closed until someone
 * decides otherwise, never open by default.
 */
export const METHOD_ACCESS: Partial<Record<MethodName, Access>> = {
  // Before sign-in: the station's face, the names to choose from, signing in and out.
  'station.info': 'public',
  'settings.get': 'public',
  'operators.list': 'public',
  'session.current': 'public',
  'session.signIn': 'public',
  'session.signOut': 'public',
  'devices.list': 'public',
  'sync.status': 'public',
  'scans.setWorkflow': 'public',
  'setup.state': 'public',
  'setup.createAdministrator': 'public',
  // Supervisors: decisions about other people's work.
  // Forced receipts and hold releases stay open to operators on purpose: the core asks for a
  // supervisor's approval (badge or PIN on the operator's screen) unless one is signed in (ADR 0019).
  'receiving.force': 'operator',
  'holds.release': 'operator',
  'sync.resolveConflict': 'supervisor',
  // Administrators: settings, devices, imports, SSCC ranges, operators, the store.
  'settings.update': 'administrator',
  'scanners.setEnabled': 'administrator',
  'scanners.assign': 'administrator',
  'scanners.discover': 'administrator',
  'scanners.registered': 'administrator',
  'scanners.ports': 'administrator',
  'scanners.add': 'administrator',
  'scanners.update': 'administrator',
  'scanners.remove': 'administrator',
  'imports.preview': 'administrator',
  'imports.run': 'administrator',
  'imports.cancel': 'administrator',
  'imports.chooseFile': 'administrator',
  'print.addPrinter': 'administrator',
  'print.usbPrinters': 'administrator',
  'print.removePrinter': 'administrator',
  'print.testPrinter': 'administrator',
  'diagnostics.export': 'administrator',
  'diagnostics.integrityCheck': 'administrator',
  'diagnostics.backup': 'administrator',
  'operators.all': 'administrator',
  'operators.create': 'administrator',
  'operators.update': 'administrator',
  'operators.resetPin': 'administrator',
  'audit.list': 'administrator',
  'audit.verify': 'administrator',
  'setup.ssccRange': 'administrator',
  'displays.self': 'public',
  'displays.list': 'administrator',
  'displays.createCode': 'administrator',
  'displays.revoke': 'administrator'
}

export function accessOf(method: MethodName): Access {
  return METHOD_ACCESS[method] ?? 'operator'
}

/** Whether someone with `role` (null: nobody signed in) may call a method that needs `access`. */
export function roleAllows(role: OperatorRole | null, access: Access): boolean {
  if (access === 'public') return true
  return role !== null && RANK[role] >= RANK[access]
}

/**
 * What a paired remote display may call (ADR 0018). A display never signs in and never changes
 * anything: `read` methods only look (the Gate screen's verdict, an order's progress, the station's
 * face); every other method is refused by the dispatcher with `displays.read_only`, whatever the
 * session of the terminal the display watches. Every method is classified here (the type makes a new
 * method a compile error until someone decides), and nothing is readable by default.
 */
export type DisplayAccess = 'read' | 'refused'

export const DISPLAY_ACCESS: Record<MethodName, DisplayAccess> = {
  'station.info': 'read',
  'settings.get': 'read',
  'settings.update': 'refused',
  'operators.list': 'refused',
  'session.current': 'read',
  'session.signIn': 'refused',
  'session.signOut': 'refused',
  'devices.list': 'read',
  'sync.status': 'read',
  'diagnostics.export': 'refused',
  'diagnostics.integrityCheck': 'refused',
  'diagnostics.backup': 'refused',
  'scans.submit': 'refused',
  'scans.parse': 'refused',
  'scans.journal': 'refused',
  'scanners.summary': 'refused',
  'scanners.setEnabled': 'refused',
  'scanners.simulate': 'refused',
  'scanners.discover': 'refused',
  'scanners.registered': 'refused',
  'scanners.ports': 'refused',
  'scanners.add': 'refused',
  'scanners.update': 'refused',
  'scanners.remove': 'refused',
  'receiving.force': 'refused',
  'holds.release': 'refused',
  'print.usbPrinters': 'refused',
  'print.reprintLast': 'refused',
  'scans.setWorkflow': 'refused',
  'scanners.assign': 'refused',
  'terminals.list': 'read',
  'commands.sheet': 'refused',
  'labels.templates': 'refused',
  'labels.preview': 'refused',
  'labels.lookup': 'refused',
  'print.printers': 'refused',
  'print.addPrinter': 'refused',
  'print.removePrinter': 'refused',
  'print.testPrinter': 'refused',
  'print.enqueue': 'refused',
  'print.batch': 'refused',
  'print.reprint': 'refused',
  'print.resolve': 'refused',
  'print.move': 'refused',
  'print.cancelBatch': 'refused',
  'print.batchStatus': 'refused',
  'print.jobs': 'refused',
  'print.poll': 'refused',
  'labels.printUnits': 'refused',
  'receiving.orders': 'read',
  'receiving.open': 'refused',
  'receiving.state': 'read',
  'receiving.leave': 'refused',
  'receiving.submit': 'refused',
  'receiving.receiveTyped': 'refused',
  'receiving.cancelPending': 'refused',
  'receiving.setPlate': 'refused',
  'receiving.newPlate': 'refused',
  'receiving.exception': 'refused',
  'receiving.undo': 'refused',
  'receiving.close': 'refused',
  'receiving.report': 'refused',
  'putaway.submit': 'refused',
  'putaway.state': 'read',
  'putaway.cancel': 'refused',
  'lookup.find': 'refused',
  'imports.preview': 'refused',
  'imports.run': 'refused',
  'imports.cancel': 'refused',
  'imports.chooseFile': 'refused',
  'sync.syncNow': 'refused',
  'sync.conflicts': 'refused',
  'sync.resolveConflict': 'refused',
  'lookup.upstream': 'refused',
  'gate.start': 'refused',
  'gate.state': 'read',
  'gate.end': 'refused',
  'gate.reset': 'refused',
  'gate.confirm': 'refused',
  'gate.hold': 'refused',
  'gate.readers': 'read',
  'gate.sessions': 'read',
  'gate.sessionReads': 'read',
  'shipments.list': 'read',
  'operators.all': 'refused',
  'operators.create': 'refused',
  'operators.update': 'refused',
  'operators.resetPin': 'refused',
  'audit.list': 'refused',
  'audit.verify': 'refused',
  'setup.state': 'read',
  'setup.ssccRange': 'refused',
  'setup.createAdministrator': 'refused',
  'displays.list': 'refused',
  'displays.createCode': 'refused',
  'displays.revoke': 'refused',
  'displays.self': 'read'
}

export const DISPLAY_READABLE: ReadonlySet<MethodName> = new Set((Object.keys(DISPLAY_ACCESS) as MethodName[]).filter((m) => DISPLAY_ACCESS[m] === 'read'))

/** Events pushed to a display: what its screens show live; scans, prints, imports, people and displays stay with the station. */
export const DISPLAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['gate.changed', 'receiving.changed', 'settings.changed', 'station.storage', 'devices.changed', 'sync.changed', 'session.changed'])

export function displayMayCall(method: MethodName): boolean {
  return DISPLAY_ACCESS[method] === 'read'
}
