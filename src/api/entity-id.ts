// Entity ids for URLs: the canonical name in matching form (src/text normalize), spaces as '_'. Stable across
// runs and readable in an address bar; always percent-encoded when put into a URL.
import { normalize } from '../text/index.js';

export function entityId(name: string): string {
  return normalize(name).trim().replace(/\s+/g, '_');
}
