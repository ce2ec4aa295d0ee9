/** putaway: outcome codes and their English text (see ../catalog.ts). */
export const putawayEn = {
  'putaway.subject': '{code}: put away to {bin}, then scan the bin label.',
  'putaway.describe_unit': '{sku} {description} (plate {plate})',
  'putaway.describe_plate': '{units:number} {units:plural:unit:units} on {plates:number} {plates:plural:plate:plates}',
  'putaway.why_default_bin': 'default bin of {sku}',
  'putaway.why_zone': 'emptiest bin in zone {zone} (put-away rule of {sku})',
  'putaway.note_no_rule': 'No bin rule for this item: put it in any bin.',
  'putaway.location_inactive': '{bin} is not in use (inactive): choose another bin.',
  'putaway.not_a_bin': '{bin} is a {kind}, not a bin or shelf: scan the bin label.',
  'putaway.moved': '{code} put away to {bin}: {units:number} {units:plural:unit:units}.',
  'putaway.moved_elsewhere': '{code} put away to {bin}: {units:number} {units:plural:unit:units}. Note: the suggested bin was {suggested}.',
  'putaway.plate_not_open': 'Plate {plate} is {status}.',
  'putaway.onto_plate': 'Serial {serial} is now on plate {plate} at {location}.',
  'putaway.subject_first': '{location} is a location: scan the plate or unit to put away first.',
  'putaway.unknown_plate': 'Plate {plate} is not known here: receive it first.',
  'putaway.not_movable': '{code} is {status}: it cannot be put away.',
  'putaway.unknown_location': 'No location has GLN {gln}.',
  'putaway.unknown_unit': 'Serial {serial} was never received here.',
  'putaway.gtin_only': "That is a product code (GTIN): scan the unit's serial or DataMatrix, or the plate.",
  'putaway.unknown_code': '"{code}" is not a plate, unit or location this station knows.',
  'putaway.ambiguous': 'Serial {serial} exists for several items: scan the DataMatrix (GTIN + serial).'
} as const satisfies Record<string, string>
