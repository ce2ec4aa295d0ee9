import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.DOCKSIDE_CHROMIUM ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with every background network feature off (only 127.0.0.1 is used). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--autoplay-policy=no-user-gesture-required'
    ]
  })
}
