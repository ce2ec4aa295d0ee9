import type { ApprovalsDictionary } from './en-approvals'

export const esApprovals: ApprovalsDictionary = {
  force: {
    option: 'Un supervisor puede recibir esta unidad igualmente (queda registrado con su nombre y el motivo).',
    reason: 'Motivo',
    defaultReason: 'Aprobado en el muelle por un supervisor',
    button: 'Supervisor: recibir igualmente'
  },
  holds: {
    title: 'Retenida',
    reason: 'Por qué puede liberarse',
    release: 'Liberar retención',
    released: '{{serial}} liberado de la retención.'
  }
}
