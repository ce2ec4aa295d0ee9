import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { StationClient } from '../shared/contract'
import type { PreloadBridge } from '../shared/contract-channels'
import { createIpcClient } from './api/ipc-client'
import { scopeToTerminal } from './api/terminal-scope'
import { createWsClient, takeTerminalId, takeToken, type ConnectionState } from './api/ws-client'
import { App } from './app/App'
import { bootDisplay } from './display/boot-display'
import { FeedbackProvider } from './app/FeedbackProvider'
import { StationProvider } from './app/StationProvider'
import i18next from 'i18next'
import { initI18n, setLanguage } from './i18n'
import { messageText } from './i18n/use-message'
import './styles/app.css'

declare global {
  interface Window {
    dockside?: PreloadBridge
  }
}

const root = createRoot(document.getElementById('root')!)

function fatal(messageKey: 'fatal.noToken' | 'fatal.noAnswer', detail?: string) {
  const message = detail ?? i18next.t(messageKey)
  root.render(
    <main className="content centered">
      <section className="screen fatal" data-testid="fatal">
        <h1>{i18next.t('app.name')}</h1>
        <p>{message}</p>
      </section>
    </main>
  )
}

async function waitOpen(client: ReturnType<typeof createWsClient>): Promise<void> {
  if (client.state() === 'open') return
  await new Promise<void>((resolve) => {
    const off = client.onState((s) => {
      if (s === 'open') {
        off()
        resolve()
      }
    })
  })
}

async function boot() {
  await initI18n(navigator.language.startsWith('es') ? 'es' : 'en')
  let client: StationClient
  let connection: { current: ConnectionState; subscribe?: (l: (s: ConnectionState) => void) => () => void }
  let terminalId: string
  if (window.dockside) {
    client = createIpcClient(window.dockside)
    connection = { current: 'open' }
    terminalId = 'desktop'
  } else {
    // The terminal first: taking the token clears the hash, and a wall display names itself there
    // (`#token=…&terminal=door-1`).
    terminalId = takeTerminalId(window)
    const token = takeToken(window)
    // Without the launch token, a browser on the TLS address is a (would-be) remote display (ADR 0018).
    if (!token && window.location.protocol === 'https:') return bootDisplay(root, terminalId)
    if (!token) {
      fatal('fatal.noToken')
      return
    }
    const ws = createWsClient(window.location, token, terminalId)
    await waitOpen(ws)
    client = ws
    connection = { current: 'open', subscribe: ws.onState }
  }
  const [info, session, devices, sync] = await Promise.all([
    client.call('station.info', {}),
    client.call('session.current', {}),
    client.call('devices.list', {}),
    client.call('sync.status', {})
  ])
  if (!info.ok || !session.ok || !devices.ok || !sync.ok) {
    const failed = [info, session, devices, sync].find((r) => !r.ok)
    fatal('fatal.noAnswer', failed && !failed.ok ? messageText(i18next.language, failed.error) : undefined)
    return
  }
  setLanguage(info.value.settings.language)
  root.render(
    <StrictMode>
      <StationProvider client={scopeToTerminal(client, terminalId)} terminalId={terminalId} connection={connection} initial={{ info: info.value, session: session.value, devices: devices.value, sync: sync.value }}>
        <FeedbackProvider>
          <App />
        </FeedbackProvider>
      </StationProvider>
    </StrictMode>
  )
}

void boot()
