/** What every `dockside` command gets: its arguments and where to write. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
}

export interface CliCommand {
  /** One line for `dockside --help`. */
  summary: string
  /** Runs the command; resolves to the process exit code (0 ok, 1 failure, 2 invalid input or usage). */
  run(argv: string[], io: CliIo): Promise<number>
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_INVALID = 2

/** Thrown for bad arguments; the dispatcher prints the message and exits 2. */
export class UsageError extends Error {}

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h')
}

/**
 * A command made of subcommands (`dockside printers add|list|…`): no subcommand prints the usage and
 * exits 2, `--help` prints it and exits 0, anything else goes to `run`.
 */
export function subcommandGroup(summary: string, usage: string, run: (sub: string, rest: string[], io: CliIo) => number | Promise<number>): CliCommand {
  return {
    summary,
    async run(argv, io) {
      const [sub, ...rest] = argv
      if (sub === undefined || wantsHelp(argv)) {
        io.out(usage)
        return sub === undefined ? EXIT_INVALID : EXIT_OK
      }
      return run(sub, rest, io)
    }
  }
}
