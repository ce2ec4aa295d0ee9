export const MODES = ['receive', 'putaway', 'label', 'gate', 'lookup', 'devices', 'sync', 'settings'] as const
export type Mode = (typeof MODES)[number]
