/** What the operator hears and sees after a scan or an action. */
export type FeedbackTone = 'good' | 'bad' | 'warning'

/** How an outcome sounds and flashes: the one table every flow uses. */
export const TONE_OF_OUTCOME = { accepted: 'good', warning: 'warning', rejected: 'bad', ignored: null } as const satisfies Record<string, FeedbackTone | null>
