/** What the operator hears and sees after a scan or an action. */
export type FeedbackTone = 'good' | 'bad' | 'warning'
