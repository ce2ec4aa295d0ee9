import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScanWorkflowName } from '../../shared/contract-areas/scans'
import { DevicesScreen } from '../screens/Devices/DevicesScreen'
import { GateScreen } from '../screens/Gate/GateScreen'
import { LabelScreen } from '../screens/Label/LabelScreen'
import { LookUpScreen } from '../screens/LookUp/LookUpScreen'
import { PutAwayScreen } from '../screens/PutAway/PutAwayScreen'
import { ReceiveScreen } from '../screens/Receive/ReceiveScreen'
import { SettingsScreen } from '../screens/Settings/SettingsScreen'
import { SetupScreen } from '../screens/Setup/SetupScreen'
import { SignInScreen } from '../screens/SignIn/SignInScreen'
import { SyncScreen } from '../screens/Sync/SyncScreen'
import { MODES, type Mode } from './modes'
import { StatusBar } from './StatusBar'
import { useStation } from './StationProvider'
import { WedgeCapture } from '../scan/WedgeCapture'
import { CommandCapture } from '../commands/CommandCapture'
import { useCommandHandlers } from '../commands/registry'
import { Shortcut } from '../commands/CommandSheetButton'

function Screen({ mode }: { mode: Mode }) {
  switch (mode) {
    case 'receive':
      return <ReceiveScreen />
    case 'putaway':
      return <PutAwayScreen />
    case 'lookup':
      return <LookUpScreen />
    case 'gate':
      return <GateScreen />
    case 'label':
      return <LabelScreen />
    case 'devices':
      return <DevicesScreen />
    case 'sync':
      return <SyncScreen />
    case 'settings':
      return <SettingsScreen />
    default:
      return null
  }
}

/** Which scan workflow gets the station's scans while a mode is on screen. */
const WORKFLOW_OF: Record<Mode, ScanWorkflowName> = { receive: 'receiving', putaway: 'putaway', lookup: 'lookup', gate: 'gate', label: 'default', devices: 'idle', sync: 'idle', settings: 'idle' }

export function App() {
  const { t } = useTranslation()
  const { info, session, client, connection } = useStation()
  const [mode, setMode] = useState<Mode>('receive')
  const signedIn = session.operator !== null
  // First-run setup (issue #10.1): until an administrator exists the station offers only setup.
  const [setup, setSetup] = useState(false)
  useEffect(() => {
    if (connection !== 'open') return
    void client.call('setup.state', {}).then((r) => r.ok && r.value.needsAdministrator && setSetup(true))
  }, [client, connection])

  useCommandHandlers({
    'sign-out': () => void client.call('session.signOut', {}),
    'go-receive': () => setMode('receive'),
    'go-putaway': () => setMode('putaway'),
    'go-lookup': () => setMode('lookup'),
    'go-label': () => setMode('label'),
    'go-gate': () => setMode('gate')
  })

  // Scans on the Receive screen go to receiving, on Put away to put-away, on Look up to look-up; the
  // other screens take none (amber "go to …"); a signed-out station gets the default workflow. Sent
  // again after a reconnect.
  useEffect(() => {
    if (connection !== 'open') return
    const workflow = signedIn ? WORKFLOW_OF[mode] : 'default'
    void client.call('scans.setWorkflow', { workflow })
  }, [client, mode, signedIn, connection])

  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        {info.demo && (
          <span className="demo-badge" title={t('app.demoHint')} data-testid="demo-badge">
            {t('app.demo')}
          </span>
        )}
        <span className="station-name" data-testid="station-name">
          {info.settings.stationName}
          {info.settings.dock ? ` · ${info.settings.dock}` : ''}
        </span>
        {session.operator && (
          <button type="button" className="sign-out" onClick={() => void client.call('session.signOut', {})} data-testid="sign-out">
            {t('signIn.signOut')} <Shortcut command="sign-out" />
          </button>
        )}
      </header>
      {session.operator && !setup && <WedgeCapture />}
      {session.operator && !setup && <CommandCapture />}
      {setup ? (
        <main className="content centered">
          <SetupScreen onDone={() => setSetup(false)} />
        </main>
      ) : session.operator ? (
        <div className="workspace">
          <nav className="mode-nav" aria-label={t('navLabel')}>
            {MODES.map((m) => (
              <button
                key={m}
                type="button"
                className={`nav-button ${m === mode ? 'active' : ''}`}
                aria-current={m === mode ? 'page' : undefined}
                onClick={() => setMode(m)}
                data-testid={`nav-${m}`}
              >
                {t(`nav.${m}`)}
              </button>
            ))}
          </nav>
          <main className="content">
            <Screen mode={mode} />
          </main>
        </div>
      ) : (
        <main className="content centered">
          <SignInScreen />
        </main>
      )}
      <StatusBar />
    </div>
  )
}
