import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createAppUrlCheck, isAllowedExternalUrl } from '../../../src/main/shell/app-url'

describe('the Electron app-URL check (issue 11, finding 8)', () => {
  const index = '/opt/Dockside/resources/app/out/renderer/index.html'
  const isApp = createAppUrlCheck({ rendererIndex: index })
  const app = pathToFileURL(index).href

  it('accepts exactly the app file, with its hash routes', () => {
    expect(isApp(app)).toBe(true)
    expect(isApp(`${app}#/receive`)).toBe(true)
  })

  it.each([
    'file:///home/op/Downloads/evil/renderer/index.html',
    'file:///tmp/x/out/renderer/index.html',
    `${app.replace('/index.html', '/index.html.evil')}`,
    'file:///opt/Dockside/resources/app/out/renderer/index.html/../../../../../home/op/renderer/index.html',
    'file://evilhost/opt/Dockside/resources/app/out/renderer/index.html',
    'https://evil.example/renderer/index.html',
    'not a url',
    ''
  ])('refuses %s', (url) => {
    expect(isApp(url)).toBe(false)
  })

  it('with a dev server: its origin only, not a URL that starts with it', () => {
    const dev = createAppUrlCheck({ rendererIndex: index, devServerUrl: 'http://localhost:5173' })
    expect(dev('http://localhost:5173/#/receive')).toBe(true)
    expect(dev('http://localhost:51739/')).toBe(false)
    expect(dev('http://localhost:5173.evil.example/')).toBe(false)
  })
})

describe('external links open only for listed https hosts', () => {
  it.each([
    ['https://www.gs1.org/standards/barcodes', true],
    ['https://ref.gs1.org/ai/', true],
    ['http://www.gs1.org/', false],
    ['https://www.gs1.org.evil.example/', false],
    ['https://evil.example/?https://www.gs1.org', false],
    ['https://user:pw@www.gs1.org/', false],
    ['https://www.gs1.org:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false]
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })
})
