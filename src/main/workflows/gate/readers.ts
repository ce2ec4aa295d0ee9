import type { RfidReaderSetting } from '../../../shared/model/station'
import type { ReaderConfig } from '../../devices/rfid/manager'

/** Station settings → reader manager configs (every gate reader starts reading when connected). */
export function readerConfigs(settings: readonly RfidReaderSetting[]): ReaderConfig[] {
  return settings.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    path: r.path,
    protocol: r.protocol,
    ...(r.baudRate ? { baudRate: r.baudRate } : {}),
    settings: {
      ...(r.region ? { region: r.region } : {}),
      ...(r.powerDbm !== undefined ? { powerDbm: r.powerDbm } : {}),
      ...(r.antennas ? { antennas: r.antennas } : {})
    },
    autoStart: true
  }))
}
