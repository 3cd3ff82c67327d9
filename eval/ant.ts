// The ANT corpus (../shared/data/ant-corpus-v1.1) as every eval, test, bench and training script reads it: through
// antLines/antRecords, which never yield an article of the held-out days, so none of them can read those days.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoDate } from '../src/ingest/index.js';
import { sharedDir } from '../bench/common.js';

/** The corpus file (one JSON object a line); absent when ../shared has no ANT corpus. */
export const antPath = join(sharedDir, 'data', 'ant-corpus-v1.1', 'ant_v1.1.jsonl');
export const hasAnt: boolean = existsSync(antPath);

/**
 * The ANT days held out from every use (eval, tests, training, the document-frequency prior, benches): an independent
 * hand grouping of 20 January – 5 February 2017 is the final check of the stories stage, so nothing may have read them.
 */
export const ANT_HELD_OUT_DAYS = { from: '2017-01-20', to: '2017-02-05' } as const;

/** ANT time field (ISO with offset, dd/mm/yyyy, or ISO basic time), read as `khabar ingest` reads a JSON date. */
export function antTime(t: string | undefined): string | null {
  return toIsoDate(t);
}

/** True for an ANT article of the held-out days, by its publication day or the day its docno ends with. */
export function isHeldOutAnt(docno: string, published: string | null): boolean {
  // docnos end with the day as yyyymmdd (JA-society-98-20170131) or ddmmyyyy (JA-localNews-461-19122013)
  const m = /(\d{8})$/.exec(docno)?.[1];
  const ymd = m ? [`${m.slice(0, 4)}-${m.slice(4, 6)}-${m.slice(6)}`, `${m.slice(4)}-${m.slice(2, 4)}-${m.slice(0, 2)}`] : [];
  const held = (d: string | null | undefined): boolean => !!d && d >= ANT_HELD_OUT_DAYS.from && d <= ANT_HELD_OUT_DAYS.to;
  return held(published?.slice(0, 10)) || ymd.some(held);
}

/** One corpus line as exported (fields may be null or missing in a few lines). */
export interface AntRecord { docno: string; title?: string | null; text?: string | null; time?: string; source?: string; url?: string | null }

// Not cached: benches measure memory, and a corpus kept alive by this module would count in their figures.
function kept(limit: number): { line: string; record: AntRecord }[] {
  const out: { line: string; record: AntRecord }[] = [];
  for (const line of readFileSync(antPath, 'utf8').split('\n')) {
    if (out.length >= limit) break;
    if (!line.trim()) continue;
    const record = JSON.parse(line) as AntRecord;
    if (!isHeldOutAnt(record.docno ?? '', antTime(record.time))) out.push({ line, record });
  }
  return out;
}

/** The first `limit` (default all) corpus lines, as written in the file, in corpus order, outside the held-out days. */
export function antLines(limit = Infinity): string[] {
  return kept(limit).map((x) => x.line);
}

/** The first `limit` (default all) corpus records, parsed, in corpus order, outside the held-out days. */
export function antRecords(limit = Infinity): AntRecord[] {
  return kept(limit).map((x) => x.record);
}
