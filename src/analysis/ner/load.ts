// The shipped model: where it lives, and loading it once per process. The file is a separately licensed part of
// khabar (data/ner/README.md): a user may remove it, and khabar then finds entities with the rule layer alone, after
// a one-line notice on stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { decodeModel, type NerModel } from './model.js';

export function defaultModelPath(): string {
  return join(packageRoot(), 'data', 'ner', 'entities.model');
}

/** The model file in use: $KHABAR_ENTITY_MODEL when set, else the shipped one. */
export function modelPath(): string {
  return process.env.KHABAR_ENTITY_MODEL || defaultModelPath();
}

let loaded: { path: string; model: NerModel | null } | undefined;

/** The entity model, or null (with a notice, once) when its file is missing or unreadable. */
export function entityModel(): NerModel | null {
  const path = modelPath();
  if (loaded?.path === path) return loaded.model;
  let model: NerModel | null = null;
  try {
    model = decodeModel(readFileSync(path));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'is missing' : `cannot be read (${err.message})`;
    process.stderr.write(`khabar: the entity model ${path} ${why}; entities come from the rule layer alone (restore the file from the package, or rebuild it with npm run train -- entities)\n`);
  }
  loaded = { path, model };
  return model;
}
