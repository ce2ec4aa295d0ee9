import type { Migration } from '../migration'
import { migration0001 } from './0001-domain'
import { migration0002 } from './0002-print-queue'
import { migration0003 } from './0003-receiving'
import { migration0004 } from './0004-terminals'
import { migration0005 } from './0005-sync'
import { migration0006 } from './0006-shipments'
import { migration0010 } from './0010-access-audit'
import type { Migration as M } from '../migration'

// RESERVED for the branches that own 0007–0009 (wip/gate, wip/imports, wip/dock): the lead replaces these
// placeholders with the real migrations when merging, so that versions stay consecutive.
const reserved = (version: number): M => ({ version, name: `reserved-${version}`, up: () => undefined })

/** Every migration in order. Add a file `NNNN-name.ts` and list it here; never edit a released one. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, reserved(7), reserved(8), reserved(9), migration0010]
