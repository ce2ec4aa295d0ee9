import type { Db } from '../sql'
import { prepare } from './statement'

/** A plate and every plate nested in it (pallet → cases → inner packs), at most 8 levels deep. */
export const TREE = `WITH RECURSIVE tree(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.id, t.depth + 1 FROM license_plates c JOIN tree t ON c.parent_id = t.id WHERE t.depth < 8)`

export interface TreePlate {
  id: number
  code: string
  parent_id: number | null
  location_id: number | null
  depth: number
}

/** The recursive plate-tree query, written once, and what is read through it. */
export function createPlateTreeRepository(db: Db) {
  const plates = prepare<[number], TreePlate>(db, `${TREE} SELECT p.id, p.code, p.parent_id, p.location_id, t.depth FROM license_plates p JOIN tree t ON t.id = p.id ORDER BY t.depth, p.id`)
  const unitsOnPlate = prepare<[number], { id: number; item_id: number; location_id: number | null; status: string }>(db, 'SELECT id, item_id, location_id, status FROM units WHERE plate_id = ? ORDER BY id')
  const dominantItem = prepare<[number], { item_id: number; n: number }>(
    db,
    `${TREE} SELECT item_id, count(*) AS n FROM units WHERE plate_id IN (SELECT id FROM tree) GROUP BY item_id ORDER BY n DESC LIMIT 1`
  )
  const contents = prepare<[number], { sku: string; description: string; units: number }>(
    db,
    `${TREE} SELECT i.sku, i.description, count(*) AS units FROM units u JOIN items i ON i.id = u.item_id WHERE u.plate_id IN (SELECT id FROM tree) GROUP BY i.id ORDER BY i.sku`
  )
  const unitIds = prepare<[number], { id: number }>(db, `${TREE} SELECT u.id FROM units u JOIN tree t ON u.plate_id = t.id ORDER BY t.depth, u.id`)
  return {
    /** The root first, then its nested plates by depth. */
    plates: (rootId: number): TreePlate[] => plates.all(rootId),
    /** Units directly on one plate (not its children). */
    unitsOn: (plateId: number) => unitsOnPlate.all(plateId),
    /** Every unit in the tree, the root's first. */
    unitIds: (rootId: number): number[] => unitIds.all(rootId).map((u) => u.id),
    /** The item with the most units in the tree (for a put-away suggestion). */
    dominantItem: (rootId: number): number | null => dominantItem.get(rootId)?.item_id ?? null,
    /** Units in the tree per item. */
    contents: (rootId: number) => contents.all(rootId)
  }
}

export type PlateTreeRepository = ReturnType<typeof createPlateTreeRepository>
