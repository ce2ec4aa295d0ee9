import { watch, type FSWatcher } from 'node:fs'

/** Starts watching for devices coming and going; null when this system cannot watch (then poll). */
export type WatchDevices = (onChange: () => void) => { close(): void } | null

/** Device nodes a scanner or reader appears as: USB serial, CDC-ACM, on-board UARTs, HID raw, the by-id folder. */
const DEVICE_NODE = /^(ttyUSB|ttyACM|ttyAMA|ttyS|ttyXRUSB|rfcomm|hidraw|serial)/

/** Whether a name in /dev is a node a scanner or reader may appear as. */
export const isDeviceNodeName = (name: string): boolean => DEVICE_NODE.test(name)

/**
 * Hot-plug without polling: an inotify watch on /dev (fs.watch), which the kernel's devtmpfs updates
 * when a device node is created or removed. Changes are coalesced for `settleMs` (udev creates a node
 * and its links in a burst) before `onChange` runs once. Only names of serial and HID nodes count.
 */
export function watchDeviceNodes(options: { dir?: string; settleMs?: number; matches?: RegExp } = {}): WatchDevices {
  const dir = options.dir ?? '/dev'
  const settleMs = options.settleMs ?? 250
  const matches = options.matches ?? DEVICE_NODE
  return (onChange) => {
    let watcher: FSWatcher
    try {
      watcher = watch(dir, { persistent: false })
    } catch {
      return null
    }
    let timer: NodeJS.Timeout | null = null
    watcher.on('change', (_event, name) => {
      const file = typeof name === 'string' ? name : (name?.toString() ?? '')
      if (file !== '' && !matches.test(file)) return
      timer ??= setTimeout(() => {
        timer = null
        onChange()
      }, settleMs)
    })
    watcher.on('error', () => watcher.close())
    return {
      close() {
        if (timer) clearTimeout(timer)
        timer = null
        watcher.close()
      }
    }
  }
}
