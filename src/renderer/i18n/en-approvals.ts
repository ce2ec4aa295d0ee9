/** UI words: supervisor-approved steps — receive anyway, release a hold (ADR 0019). */
export const enApprovals = {
  force: {
    option: 'A supervisor may receive this unit anyway (recorded with their name and the reason).',
    reason: 'Reason',
    defaultReason: 'Approved at the dock by a supervisor',
    button: 'Supervisor: receive anyway'
  },
  holds: {
    title: 'On hold',
    reason: 'Why it can be released',
    release: 'Release hold',
    released: '{{serial}} released from hold.'
  }
}

export type ApprovalsDictionary = typeof enApprovals
