export declare const CLI_OUT_DIR: string
export declare const CLI_ENTRY: string
export declare const CLI_STAMP: string
export declare const STAMP_FORMAT: number

/** What `out/cli/build-stamp.json` holds. */
export interface CliBuildStamp {
  format: number
  /** Date.now() when the build started reading sources: a source modified later makes the build stale. */
  startedAtMs: number
  /** Every file the build read, relative to the project root, with forward slashes. */
  inputs: string[]
}

export type CliBuildState = { fresh: true; entry: string } | { fresh: false; reason: string }

export declare function cliBuildState(root: string): CliBuildState
