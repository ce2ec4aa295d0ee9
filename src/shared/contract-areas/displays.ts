import { z } from 'zod'
import { noInput } from '../schemas'

/** A paired remote display (ADR 0018); its token is never shown again after pairing. */
export interface DisplayRecord {
  id: number
  name: string
  createdAt: string
  lastSeenAt: string | null
  revokedAt: string | null
}

export interface PairingCode {
  /** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
  code: string
  expiresAt: string
}

/** Where the station serves remote displays, when `--listen` is on. */
export interface RemoteAccess {
  address: string
  port: number
  /** SHA-256 of the station certificate, `AB:CD:…`. */
  fingerprint: string
}

/** Who this connection is: a paired display (read-only) or not. */
export interface ConnectionIdentity {
  display: { id: number; name: string } | null
  remote: RemoteAccess | null
}

/** Remote displays: pairing codes, the paired list, revoking (issue #10 item 6, ADR 0018). */
export const displaysMethods = {
  'displays.list': { input: noInput },
  /** A one-time code valid for a few minutes; a new code replaces one still open. */
  'displays.createCode': { input: noInput },
  /** Revoked at once: its connections are closed and its token no longer opens one. */
  'displays.revoke': { input: z.object({ id: z.number().int().positive() }).strict() },
  'displays.self': { input: noInput }
} as const

export interface DisplaysOutputs {
  'displays.list': DisplayRecord[]
  'displays.createCode': PairingCode
  'displays.revoke': DisplayRecord
  'displays.self': ConnectionIdentity
}

export interface DisplaysAreaEvents {
  'displays.changed': DisplayRecord[]
}
