import { join } from 'node:path'
import { projectRoot } from '../paths'

/** Built-in templates shipped with Dockside (`resources/labels`). */
export const builtinTemplatesDir = (): string => join(projectRoot(), 'resources', 'labels')

/** The user's own templates: `<data dir>/labels/*.json`. */
export const userTemplatesDir = (dataDir: string): string => join(dataDir, 'labels')
