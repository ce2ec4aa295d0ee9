import type { MethodName } from './contract'
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
  'setup.ssccRange': 'administrator'
}

export function accessOf(method: MethodName): Access {
  return METHOD_ACCESS[method] ?? 'operator'
}

/** Whether someone with `role` (null: nobody signed in) may call a method that needs `access`. */
export function roleAllows(role: OperatorRole | null, access: Access): boolean {
  if (access === 'public') return true
  return role !== null && RANK[role] >= RANK[access]
}
