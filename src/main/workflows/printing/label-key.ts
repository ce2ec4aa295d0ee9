/**
 * The identity of a physical label, for "printed at most once": the template plus what the label
 * identifies — GTIN + serial (a unit), the SSCC (a plate), the location (a bin) — so a changed
 * description does not make a second original of the same unit's label.
 */
export function labelKey(template: string, data: Readonly<Record<string, string | undefined>>): string {
  if (data.gtin && data.serial) return `${template}|01:${data.gtin}|21:${data.serial}`
  if (data.sscc) return `${template}|00:${data.sscc}`
  if (data.location) return `${template}|loc:${data.location}`
  const sorted = Object.keys(data)
    .sort()
    .map((k) => `${k}:${data[k] ?? ''}`)
  return `${template}|${sorted.join('|')}`
}
