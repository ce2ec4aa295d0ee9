import { StrictMode } from 'react'
import type { Root } from 'react-dom/client'
import { scopeToTerminal } from '../api/terminal-scope'
import { createWsClient } from '../api/ws-client'
import { setLanguage } from '../i18n'
import { DisplayApp } from './DisplayApp'
import { DISPLAY_TOKEN_KEY } from './display-token'
import { PairScreen } from './PairScreen'

/**
 * A browser without the launch token, on the TLS address (ADR 0018): a paired display connects with
 * its display token; otherwise — never paired, or revoked — it shows the pairing page.
 */
export async function bootDisplay(root: Root, terminalId: string): Promise<void> {
  const token = window.localStorage.getItem(DISPLAY_TOKEN_KEY)
  const showPairing = (notConnected: boolean) =>
    root.render(
      <StrictMode>
        <PairScreen notConnected={notConnected} />
      </StrictMode>
    )
  if (!token) return showPairing(false)
  let refused = false
  const ws = createWsClient(window.location, { display: token }, terminalId, {
    onRefused: () => {
      refused = true
      showPairing(true)
    }
  })
  await new Promise<void>((resolve) => {
    const off = ws.onState((s) => {
      if (s === 'open' || refused) {
        off()
        resolve()
      }
    })
    if (ws.state() === 'open') resolve()
  })
  if (refused) return
  const [info, self] = await Promise.all([ws.call('station.info', {}), ws.call('displays.self', {})])
  if (!info.ok || !self.ok) return showPairing(true)
  setLanguage(info.value.settings.language)
  root.render(
    <StrictMode>
      <DisplayApp client={scopeToTerminal(ws, terminalId)} terminalId={terminalId} info={info.value} displayName={self.value.display?.name ?? ''} connection={{ current: 'open', subscribe: ws.onState }} />
    </StrictMode>
  )
}
