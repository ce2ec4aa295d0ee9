import { useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../shared/result'
import { useStation } from '../../app/StationProvider'

/** What the operator chose: a browser File (uploaded) or, in the desktop app, a path on the station. */
export type ChosenSource = { kind: 'upload'; file: File } | { kind: 'path'; path: string; name: string; bytes: number }

export const sourceName = (s: ChosenSource): string => (s.kind === 'upload' ? s.file.name : s.name)
const sourceBytes = (s: ChosenSource): number => (s.kind === 'upload' ? s.file.size : s.bytes)

/**
 * Choosing the import file without typing a path: a drop zone and a "Choose file…" button. In the served
 * UI both give the browser's File (its bytes are uploaded); in the desktop app the button opens the
 * system's file dialog and a dropped file is known by its path.
 */
export function ImportSourcePicker({ uploads, chosen, onChosen, onError }: { uploads: boolean; chosen: ChosenSource | null; onChosen(source: ChosenSource): void; onError(error: AppError): void }) {
  const { t } = useTranslation()
  const { client } = useStation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  const choose = async () => {
    if (uploads) return input.current?.click()
    const r = await client.call('imports.chooseFile', {})
    if (!r.ok) return onError(r.error)
    if (r.value) onChosen({ kind: 'path', ...r.value })
  }

  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault()
    setOver(false)
    const file = e.dataTransfer.files[0]
    if (!file) return
    const path = uploads ? '' : (window.dockside?.pathForFile?.(file) ?? '')
    if (uploads || !path) onChosen({ kind: 'upload', file })
    else onChosen({ kind: 'path', path, name: file.name, bytes: file.size })
  }

  return (
    <div
      className={`import-drop ${over ? 'over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop"
    >
      <span>{t('imports.dropHint')}</span>
      <button type="button" onClick={() => void choose()} data-testid="import-choose">
        {t('imports.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.txt,.xlsx,text/csv"
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) onChosen({ kind: 'upload', file })
          e.target.value = ''
        }}
        data-testid="import-file"
      />
      {chosen && (
        <strong data-testid="import-chosen">{t('imports.chosen', { name: sourceName(chosen), kb: Math.max(1, Math.round(sourceBytes(chosen) / 1024)) })}</strong>
      )}
    </div>
  )
}
