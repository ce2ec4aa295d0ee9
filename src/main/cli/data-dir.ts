import { resolve } from 'node:path'
import { defaultDataDir } from '../paths'

export const resolveDataDir = (flag: string | undefined): string => resolve(flag ?? defaultDataDir())
