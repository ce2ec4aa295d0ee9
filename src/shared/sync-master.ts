import { z } from 'zod'

/**
 * Bodies of the master kinds a head office sends down that have structure of their own (outbound
 * shipments and inbound orders). Shared by the server (checked on load) and the station (mapped to
 * the importer's records). Field names follow the import files.
 */
const code = z.string().trim().min(1).max(64)

export const masterShipmentBodySchema = z
  .object({
    customer: code,
    customerName: z.string().max(200).nullish(),
    shipTo: z.string().max(500).nullish(),
    door: code.nullish(),
    lines: z
      .array(z.object({ line: z.number().int().positive().nullish(), item: code, serial: z.string().min(1).max(100).nullish(), qty: z.number().int().positive().nullish() }))
      .max(100_000)
      .default([]),
    /** Pallet SSCCs expected whole. */
    plates: z.array(z.string().regex(/^\d{18}$/, 'an SSCC is 18 digits')).max(10_000).default([])
  })
  .refine((b) => b.lines.length + b.plates.length > 0, { message: 'a shipment needs at least one line or plate' })
export type MasterShipmentBody = z.infer<typeof masterShipmentBodySchema>

export const masterOrderBodySchema = z.object({
  supplier: code.nullish(),
  poNumber: code.nullish(),
  expectedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expectedAt is YYYY-MM-DD').nullish(),
  lines: z
    .array(
      z.object({
        line: z.number().int().positive().nullish(),
        item: code,
        qty: z.number().int().positive().nullish(),
        serial: z.string().min(1).max(100).nullish(),
        lot: z.string().min(1).max(64).nullish(),
        expiry: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
        sscc: z.string().regex(/^\d{18}$/).nullish()
      })
    )
    .min(1)
    .max(100_000)
})
export type MasterOrderBody = z.infer<typeof masterOrderBodySchema>

/** A recall notice: every unit of the item's lot must stay (receiving refuses it, the gate holds it). */
export const masterRecallBodySchema = z.object({
  /** SKU or GTIN. */
  item: code,
  lot: z.string().trim().min(1).max(64),
  reason: z.string().max(500).nullish()
})
export type MasterRecallBody = z.infer<typeof masterRecallBodySchema>

/** Checks a structured body; null when it is fine or the kind has no structure here. */
export function masterBodyProblem(kind: string, body: unknown): string | null {
  const schema = kind === 'shipment' ? masterShipmentBodySchema : kind === 'order' ? masterOrderBodySchema : kind === 'recall' ? masterRecallBodySchema : null
  if (!schema) return null
  const r = schema.safeParse(body)
  if (r.success) return null
  const issue = r.error.issues[0]
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
}
