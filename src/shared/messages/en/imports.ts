/** imports: outcome codes and their English text (see ../catalog.ts). */
export const importsEn = {
  'imports.busy': 'An import of {file} is running; wait for it to finish.',
  'imports.failed': 'The import of {file} could not run: {detail}'
} as const satisfies Record<string, string>
