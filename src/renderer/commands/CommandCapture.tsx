import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMANDS, type Command } from '../../shared/codes/commands'
import type { ScanResult } from '../../shared/contract-areas/scans'
import { useFeedback } from '../app/FeedbackProvider'
import { useStation, useTerminalId } from '../app/StationProvider'
import { runCommand } from './registry'
import { commandOfKey } from './shortcuts'

const isCommand = (c: unknown): c is Command => typeof c === 'string' && (COMMANDS as readonly string[]).includes(c)

/**
 * Mounted with the wedge while an operator is signed in: a command barcode scanned on any input
 * (announced by the pipeline as `scan.command` for this terminal) or its Alt shortcut runs the action
 * of the screen on show. A command no part of the screen takes gets the amber "not here".
 */
export function CommandCapture() {
  const { client } = useStation()
  const terminalId = useTerminalId()
  const feedback = useFeedback()
  const { t } = useTranslation()
  const tRef = useRef(t)
  useEffect(() => {
    tRef.current = t
  }, [t])

  useEffect(() => {
    const run = (command: Command) => {
      const label = tRef.current(`commands.${command}`)
      if (runCommand(command)) feedback('good', label)
      else feedback('warning', tRef.current('commands.notHere', { command: label }))
    }
    const offScan = client.on('scans.result', (r: ScanResult) => {
      if (r.code !== 'scan.command' || r.terminalId !== terminalId) return
      const command = r.params.command
      if (isCommand(command)) run(command)
    })
    const onKey = (ev: KeyboardEvent) => {
      const command = commandOfKey(ev)
      if (!command) return
      ev.preventDefault()
      run(command)
    }
    window.addEventListener('keydown', onKey)
    return () => {
      offScan()
      window.removeEventListener('keydown', onKey)
    }
  }, [client, feedback, terminalId])

  return null
}
