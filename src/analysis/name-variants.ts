// The other names of the entity a searched name denotes, so that a search for داعش finds the articles that write
// تنظيم الدولة الإسلامية: the groups of listed names (gazetteer.ts: organisations, places with several names) and,
// when the store keeps an entity index, the spellings its mentions were merged under (src/analysis/entity-index.ts).
import { ORGS, PLACE_GROUPS } from './gazetteer.js';
import { nameKey } from './names.js';
import { lookupEntity, type EntityIndexState } from './entity-index.js';

/** Most spellings one entity of the index contributes. */
const MAX_SURFACES = 24;

let listed: Map<string, string[]> | null = null;

/** Each listed name's key → every name of its group. */
function listedGroups(): Map<string, string[]> {
  if (listed) return listed;
  listed = new Map();
  for (const group of [...ORGS, ...PLACE_GROUPS]) {
    for (const name of group) {
      const key = nameKey(name);
      if (key && !listed.has(key)) listed.set(key, group);
    }
  }
  return listed;
}

/**
 * Every other name of the entity `name` denotes (its own spelling left out), or [] when it names none. The index is
 * read as it is, never brought up to date here: a search must not wait for entity extraction over the store; an
 * index made by `khabar entities` or by the server is caught up by them.
 */
export function otherNames(name: string, index: EntityIndexState | null): string[] {
  const key = nameKey(name);
  if (!key) return [];
  const out = new Set<string>(listedGroups().get(key) ?? []);
  if (index && index.readRevision() !== null) {
    const entity = lookupEntity(index, name);
    if (entity) for (const s of index.surfacesOf(entity, MAX_SURFACES)) out.add(s);
  }
  for (const n of [...out]) if (nameKey(n) === key) out.delete(n);
  return [...out];
}
