import { z } from 'zod'
import { LANGUAGES } from './model/station'

/** Shared building blocks for the contract's input schemas. Every string is bounded. */
export const shortText = (max = 200) => z.string().max(max)
export const noInput = z.object({}).strict()

const terminalId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)
const antenna = z.number().int().min(1).max(64)
const outputPin = z.number().int().min(1).max(8)
export const rfidReaderSetting = z
  .object({
    id: z.string().min(1).max(200).optional(),
    path: z.string().min(1).max(260),
    protocol: z.enum(['thingmagic', 'r2000', 'ascii']),
    baudRate: z.number().int().min(1200).max(4_000_000).optional(),
    region: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).optional(),
    powerDbm: z.number().min(0).max(33).optional(),
    antennas: z.array(antenna).min(1).max(16).optional(),
    directionAntennas: z.tuple([antenna, antenna]).optional(),
    outputs: z.object({ green: outputPin.optional(), red: outputPin.optional(), buzzer: outputPin.optional() }).strict().optional()
  })
  .strict()
  .superRefine((r, ctx) => {
    const pins = Object.values(r.outputs ?? {})
    if (pins.length === 0) return
    if (r.protocol === 'ascii') ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'A reader in ASCII line mode has no outputs the station can drive.' })
    if (r.protocol === 'r2000' && pins.some((p) => p !== 3 && p !== 4)) ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'R2000 readers drive GPIO 3 and 4 only.' })
    if (new Set(pins).size !== pins.length) ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'Each output role needs its own pin.' })
  })

export const settingsPatch = z
  .object({
    stationName: z.string().trim().min(1).max(80),
    site: z.string().trim().max(80),
    dock: z.string().trim().max(40),
    language: z.enum(LANGUAGES as unknown as ['en', 'es']),
    printerId: z.string().max(200),
    labelPrinters: z.object({ unit: z.string().max(200), carton: z.string().max(200), pallet: z.string().max(200) }).strict(),
    scannerIds: z.array(z.string().max(200)).max(32),
    rfidReaderId: z.string().max(200),
    wedgeGsSubstitutes: z.array(z.string().min(1).max(16)).max(8),
    wedgeInterKeyMs: z.number().int().min(5).max(500),
    wedgeEndTimeoutMs: z.number().int().min(20).max(2000),
    wedgePrefix: z.string().max(8),
    wedgeSuffix: z.enum(['Enter', 'Tab', 'none']),
    wedgeMinLength: z.number().int().min(2).max(64),
    disabledScannerIds: z.array(z.string().max(200)).max(64),
    syncServerUrl: z
      .string()
      .trim()
      .max(500)
      .refine((u) => u === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(u), 'must be empty or an http:// or https:// URL'),
    syncToken: z.string().trim().max(200),
    scannerTerminals: z.record(z.string().min(1).max(200), z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)).refine((r) => Object.keys(r).length <= 64, 'at most 64 scanner assignments'),
    rfidReaders: z.array(rfidReaderSetting).max(8),
    rfidTerminals: z.record(z.string().min(1).max(200), terminalId).refine((r) => Object.keys(r).length <= 16, 'at most 16 reader assignments'),
    gateSilenceMs: z.number().int().min(200).max(60_000),
    badgeSignIn: z.boolean(),
    idleSignOutMinutes: z.number().int().min(0).max(24 * 60)
  })
  .partial()
  .strict()

export const signInInput = z.union([
  z.object({ badge: z.string().trim().min(1).max(128) }).strict(),
  z
    .object({
      operatorId: z.number().int().positive(),
      pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits')
    })
    .strict()
])

/** A supervisor's approval given on an operator's screen: a badge scan or a PIN (ADR 0015). */
export const approvalInput = z.union([
  z.object({ badge: z.string().trim().min(1).max(128) }).strict(),
  z.object({ operatorId: z.number().int().positive(), pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits') }).strict()
])
export type Approval = z.infer<typeof approvalInput>

export const diagnosticsInput = z.object({ scanJournalRows: z.number().int().min(0).max(10_000).optional() }).strict()
