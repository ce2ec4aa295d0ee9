import type { WorkflowModule } from '../workflows/module'
import { renderCommandSheet } from './sheet-pdf'

/** Command barcodes (ADR 0016): the printable sheet. Scanned commands are recognised by the scan pipeline. */
export function createCommandsModule(): WorkflowModule<'commands.sheet'> {
  return {
    name: 'commands',
    handlers: {
      'commands.sheet': async ({ title, entries }) => {
        const pdf = await renderCommandSheet(title, entries)
        return { pdfBase64: Buffer.from(pdf).toString('base64'), pages: Math.ceil(entries.length / 8), bytes: pdf.length }
      }
    }
  }
}
