import { ensureCliBuild } from '../scripts/build-cli'

/**
 * The CLI tests run bin/dockside.mjs, which runs the CLI build (out/cli) when it is current and the
 * sources through tsx otherwise. Bring the build up to date once per run (a few ms when it already is)
 * so every CLI test exercises what `npm run build` ships, after any source edit.
 */
export default async function setup(): Promise<void> {
  const built = await ensureCliBuild()
  if (built) console.log(`CLI build refreshed: ${built.files} files from ${built.inputs} sources in ${built.ms} ms`)
}
