/** imports: outcome codes and their English text (see ../catalog.ts). */
export const importsEn = {
  'imports.busy': 'An import of {file} is running; wait for it or cancel it.',
  'imports.failed': 'The import of {file} could not run: {detail}',
  'imports.path_not_allowed': 'This station only imports uploaded files here: choose the file with the file picker.',
  'imports.upload_unknown': 'That upload is unknown or was already imported: upload the file again.',
  'imports.dialog_unavailable': 'There is no file dialog here: drop the file on the import panel or use its file picker.',
  'imports.cancelled': 'The import was cancelled; nothing was written.'
} as const satisfies Record<string, string>
