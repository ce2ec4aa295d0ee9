import type { Migration } from '../migration'
import { migration0001 } from './0001-domain'
import { migration0002 } from './0002-print-queue'
import { migration0003 } from './0003-receiving'
import { migration0004 } from './0004-terminals'
import { migration0005 } from './0005-sync'
import { migration0006 } from './0006-shipments'
import { migration0007 } from './0007-gate-reads'
import { migration0008 } from './0008-location-hold'
import { migration0009 } from './0009-access-audit'
import { migration0010 } from './0010-scanner-registry'

/** Every migration in order. Add a file `NNNN-name.ts` and list it here; never edit a released one. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010]
