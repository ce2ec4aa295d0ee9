/**
 * Node arguments that make a process print every module it resolves, on stderr, one line each:
 * `dockside-trace main <url>` or `dockside-trace worker <url>` (worker threads included). Lets a test
 * see what a real `dockside` run loaded — from the build or the sources, which chunks, which workers.
 */
const HOOKS = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context)
  process._rawDebug('dockside-trace ' + TAG + ' ' + r.url)
  return r
}`
const REGISTER = `import { register } from 'node:module'
import { isMainThread } from 'node:worker_threads'
register('data:text/javascript,' + encodeURIComponent('const TAG = ' + JSON.stringify(isMainThread ? 'main' : 'worker') + ';' + ${JSON.stringify(HOOKS)}))`

export const TRACE_NODE_ARGS = ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`]

export interface ModuleTrace {
  main: string[]
  worker: string[]
  /** The output with the trace lines taken out. */
  rest: string
}

export function parseTrace(output: string): ModuleTrace {
  const trace: ModuleTrace = { main: [], worker: [], rest: '' }
  const rest: string[] = []
  for (const line of output.split('\n')) {
    const m = /^dockside-trace (main|worker) (\S+)$/.exec(line)
    if (m) trace[m[1] as 'main' | 'worker'].push(m[2]!)
    else rest.push(line)
  }
  trace.rest = rest.join('\n')
  return trace
}
