import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Command } from '../../shared/codes/commands'
import type { AppError } from '../../shared/result'
import { useStation } from '../app/StationProvider'
import { ErrorLine } from '../components/ErrorLine'
import { SHORTCUTS } from './shortcuts'

/** Offers a screen's command sheet as a PDF download, in the operator's language (the core draws the barcodes). */
export function CommandSheetButton({ screen, commands }: { screen: string; commands: readonly Command[] }) {
  const { t, i18n } = useTranslation()
  const { client } = useStation()
  const [error, setError] = useState<AppError | null>(null)
  const download = async () => {
    setError(null)
    const title = t('commands.sheetTitle', { screen: t(`nav.${screen}`) })
    const entries = commands.map((command) => ({ command, label: t(`commands.${command}`), shortcut: SHORTCUTS[command].label }))
    const r = await client.call('commands.sheet', { title, entries })
    if (!r.ok) return setError(r.error)
    const bytes = Uint8Array.from(atob(r.value.pdfBase64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `dockside-commands-${screen}-${i18n.language.slice(0, 2)}.pdf`
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }
  return (
    <>
      <button type="button" onClick={() => void download()} data-testid="command-sheet-download">
        {t('commands.sheet')}
      </button>
      <ErrorLine error={error} />
    </>
  )
}

/** The shortcut shown on a button. */
export function Shortcut({ command }: { command: Command }) {
  return <kbd className="shortcut">{SHORTCUTS[command].label}</kbd>
}
