/**
 * TDS partition tables: how the bits (and decimal digits) after the partition value are split between
 * the GS1 Company Prefix and the second field (item reference, serial reference, location reference,
 * asset type). Partition 7 is invalid in every table.
 */
export interface PartitionRow {
  /** Company prefix bits / digits. */
  readonly cpBits: number
  readonly cpDigits: number
  /** Second field (item/serial/location reference, asset type) bits / digits. */
  readonly refBits: number
  readonly refDigits: number
}

function table(totalBits: number, totalDigits: number, refBitsByPartition: readonly number[]): readonly PartitionRow[] {
  return refBitsByPartition.map((refBits, p) => ({
    cpBits: totalBits - refBits,
    cpDigits: 12 - p,
    refBits,
    refDigits: totalDigits - (12 - p)
  }))
}

/** SGTIN: 44 bits, 13 digits (company prefix + indicator/item reference). */
export const SGTIN_PARTITIONS = table(44, 13, [4, 7, 10, 14, 17, 20, 24])
/** SSCC: 58 bits, 17 digits (company prefix + extension digit/serial reference). */
export const SSCC_PARTITIONS = table(58, 17, [18, 21, 24, 28, 31, 34, 38])
/** SGLN: 41 bits, 12 digits (company prefix + location reference). */
export const SGLN_PARTITIONS = table(41, 12, [1, 4, 7, 11, 14, 17, 21])
/** GRAI: 44 bits, 12 digits (company prefix + asset type). */
export const GRAI_PARTITIONS = table(44, 12, [4, 7, 10, 14, 17, 20, 24])

/** Partition value for a company prefix of `digits` digits (6..12), or -1. */
export const partitionForPrefixLength = (digits: number): number => (digits >= 6 && digits <= 12 ? 12 - digits : -1)

/** 10^0 … 10^15 as exact numbers. */
export const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i)
