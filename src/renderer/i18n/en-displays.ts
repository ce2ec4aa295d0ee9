/** UI words: remote displays — pairing page, the read-only display layout, Settings → Displays (ADR 0018). */
export const enDisplays = {
  displays: {
    badge: 'Display',
    readOnly: 'Read-only display: it shows the station and changes nothing.',
    pairTitle: 'Pair this display',
    pairHint: 'On the station, an administrator opens Settings → Displays → Pair a display and reads you the code.',
    code: 'Pairing code',
    name: 'Name of this display',
    defaultName: 'Wall display',
    pair: 'Pair',
    pairing: 'Pairing…',
    notConnected: 'This display could not connect with its pairing (it may have been revoked): pair it again, or try again.',
    tryAgain: 'Try again',
    watching: 'Showing',
    chooseTerminal: 'Which screen to show',
    gate: 'Loading door',
    receiving: 'Receiving',
    noOrder: 'No order open on this screen.',
    orderProgress: '{{order}} · {{received}} of {{expected}} received',
    lineProgress: '{{sku}} — {{received}} / {{expected}}',
    connection: { open: 'Live', connecting: 'Connecting…', closed: 'Offline — reconnecting' },
    settings: {
      title: 'Remote displays',
      off: 'Remote displays are off: start the station with `dockside serve --listen ADDRESS` (or `npm start -- --listen ADDRESS`) to serve them over TLS.',
      listening: 'Serving remote displays on https://{{address}}:{{port}}/',
      fingerprint: 'Certificate fingerprint (SHA-256)',
      pairButton: 'Pair a display',
      codeIs: 'Type this code on the display:',
      codeExpires: 'Valid once, until {{time}}.',
      none: 'No display has been paired.',
      name: 'Name',
      created: 'Paired',
      lastSeen: 'Last seen',
      state: 'State',
      active: 'active',
      revoked: 'revoked {{time}}',
      revoke: 'Revoke',
      never: 'never'
    }
  }
}

export type DisplaysDictionary = typeof enDisplays
