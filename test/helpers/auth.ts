import type { Page } from 'playwright-core'
import type { CallContext } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'

/** The demo's people by role (demo-data.ts): id and PIN. */
export const DEMO_PEOPLE = {
  operator: { id: 1, name: 'Ana García', pin: '1234', badge: 'OP-0001' },
  supervisor: { id: 2, name: 'Ben Okafor', pin: '4321', badge: 'OP-0002' },
  administrator: { id: 3, name: 'Carmen Díaz', pin: '2468', badge: 'OP-0003' }
} as const

export type DemoRole = keyof typeof DEMO_PEOPLE

type Dispatching = { dispatch: (method: unknown, input: unknown, ctx?: CallContext) => Promise<Result<unknown>> }
type Calling = { call: (method: string, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }> }

/** Signs a demo person in on a terminal of a station in this process (as a screen would: host ws). */
export async function signInOn(station: Dispatching, role: DemoRole = 'operator', ctx: CallContext = { terminalId: 'station', host: 'internal' }): Promise<void> {
  const who = DEMO_PEOPLE[role]
  const r = await station.dispatch('session.signIn', { operatorId: who.id, pin: who.pin }, ctx)
  if (!r.ok) throw new Error(`sign-in of ${who.name} failed: ${JSON.stringify(r.error)}`)
}

/** Signs a demo person in over a WebSocket client (`connectEvents`) of a served station. */
export async function signInClient(client: Calling, role: DemoRole = 'operator'): Promise<void> {
  const who = DEMO_PEOPLE[role]
  const r = await client.call('session.signIn', { operatorId: who.id, pin: who.pin })
  if (!r.ok) throw new Error(`sign-in of ${who.name} failed: ${JSON.stringify(r.error)}`)
}

/** Signs a demo person in on the sign-in screen with the PIN pad. */
export async function signInAs(page: Page, role: DemoRole = 'operator'): Promise<void> {
  const who = DEMO_PEOPLE[role]
  await page.click(`[data-testid=operator-${who.id}]`)
  for (const digit of who.pin) await page.click(`[data-testid=pin-${digit}]`)
  await page.click('[data-testid=pin-submit]')
  await page.waitForSelector('[data-testid=nav-receive]')
}
