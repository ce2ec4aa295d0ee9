import { AppFailure } from '../errors'

/** A store that cannot be opened or used safely: the message tells site IT what to do. */
export class StoreError extends AppFailure {}
