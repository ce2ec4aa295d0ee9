import type { importsEn } from '../../../shared/messages/en/imports'

/** Spanish for the imports codes: one entry per English code, the same placeholders (checked by a test). */
export const importsEs = {
  'imports.busy': 'Se está importando {file}; espere a que termine o cancélelo.',
  'imports.failed': 'No se pudo ejecutar la importación de {file}: {detail}',
  'imports.path_not_allowed': 'Esta estación solo importa aquí archivos subidos: elija el archivo con el selector de archivos.',
  'imports.upload_unknown': 'Esa subida no existe o ya se importó: vuelva a subir el archivo.',
  'imports.dialog_unavailable': 'Aquí no hay diálogo de archivos: suelte el archivo en el panel de importación o use su selector de archivos.',
  'imports.cancelled': 'La importación se canceló; no se escribió nada.'
} satisfies Record<keyof typeof importsEn, string>
