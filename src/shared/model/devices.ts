export type DeviceKind = 'scanner' | 'printer' | 'rfid-reader'
export type DeviceState = 'connected' | 'disconnected' | 'error' | 'disabled'

export interface DeviceStatus {
  id: string
  kind: DeviceKind
  /** How the station reaches it: serial, hid, usb, tcp, wedge, simulator, … */
  transport: string
  name: string
  state: DeviceState
  simulated: boolean
  lastSeenAt: string | null
  lastError: string | null
}
