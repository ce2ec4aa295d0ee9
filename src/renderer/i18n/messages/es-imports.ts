import type { importsEn } from '../../../shared/messages/en/imports'

/** Spanish for the imports codes: one entry per English code, the same placeholders (checked by a test). */
export const importsEs = {
  'imports.busy': 'Se está importando {file}; espere a que termine.',
  'imports.failed': 'No se pudo ejecutar la importación de {file}: {detail}'
} satisfies Record<keyof typeof importsEn, string>
