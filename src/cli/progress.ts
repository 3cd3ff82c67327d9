// The progress line of long commands: on a terminal, one line on stderr rewritten in place (count, rate,
// ETA when the total is known); elsewhere nothing until the final summary line. Also how commands open a store
// (openKhabar), which may rewrite its search index first and shows that with such a line.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { CliIO } from './command.js';
import type { Khabar } from '../khabar.js';

/** How often the line is redrawn at most. */
const REDRAW_MS = 200;
/**
 * No ETA before this much time and this share of the total: the first seconds are start-up (opening the store, the
 * first batch read before anything is written), and a rate taken from them promised "ETA 45m23s" for an 11-second
 * ingest of the ANT corpus.
 */
export const ETA_WARMUP_MS = 3000;
export const ETA_WARMUP_SHARE = 0.02;
/**
 * Time constant of the rate's exponential smoothing. An ingest reads a batch of 2,048 articles at once and then
 * waits while it is written (10 s and more on a busy machine), so the rate is smoothed over several such cycles.
 */
export const RATE_SMOOTHING_MS = 30_000;

export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;
  /** The smoothed rate (units/s) and the last sample it took in; null until the warm-up is over. */
  private rate: number | null = null;
  private lastSample: { at: number; done: number };

  constructor(private readonly io: CliIO, private readonly total: number | null, private readonly label = 'articles',
    private readonly started = Date.now()) {
    this.lastSample = { at: started, done: 0 };
  }

  /** Updates the line with `done` units finished (only on a TTY; throttled). */
  update(done: number, extra = '', now = Date.now()): void {
    this.sample(done, now);
    if (!this.io.isTTY) return;
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    (this.io.status ?? this.io.err)(`\r\x1b[2K${this.text(done, now)}${extra ? ' · ' + extra : ''}\r`.replace(/\n$/, ''));
  }

  /**
   * Takes in the count at `now`: after the warm-up the rate starts as the average since the start and then follows
   * each sample with weight 1 - e^(-dt/RATE_SMOOTHING_MS), so a burst or a pause moves it a little, not all the way.
   */
  sample(done: number, now: number): void {
    const dt = now - this.lastSample.at;
    if (dt <= 0) return;
    if (this.rate === null) {
      if (now - this.started < ETA_WARMUP_MS) return;
      this.rate = (done * 1000) / (now - this.started);
    } else {
      const instant = ((done - this.lastSample.done) * 1000) / dt;
      this.rate += (1 - Math.exp(-dt / RATE_SMOOTHING_MS)) * (instant - this.rate);
    }
    this.lastSample = { at: now, done };
  }

  /** Clears the line (call before printing other messages or the summary). */
  clear(): void {
    if (this.io.isTTY && this.drawn) (this.io.status ?? this.io.err)('\r\x1b[2K\r');
    this.drawn = false;
    this.lastDraw = 0;
  }

  /** The line: every unit counted, the rate (average until the warm-up ends, smoothed after), an ETA once it means something. */
  text(done: number, now = Date.now()): string {
    const rate = this.rate ?? done / Math.max((now - this.started) / 1000, 0.001);
    let s = `${done}${this.total ? '/~' + this.total : ''} ${this.label}, ${rate.toFixed(rate < 10 ? 1 : 0)}/s`;
    const meaningful = this.rate !== null && this.rate > 0 && this.total !== null && done >= this.total * ETA_WARMUP_SHARE && done < this.total;
    if (meaningful) s += `, ETA ${formatSeconds((this.total! - done) / this.rate!)}`;
    return s;
  }
}

/**
 * Progress of grouping stored articles into stories (the catch-up of `khabar stories`, `story`, `report`,
 * `demo` and `serve`), as a ProgressLine made when the first batch reports the total, and the notice that the
 * database's grouping was made by another version (see storyGrouperFor). Call done() after.
 */
export function groupingProgress(io: CliIO, db?: string): {
  onProgress: (done: number, total: number) => void;
  onStale: (stored: number, current: number) => void;
  done: () => void;
} {
  let line: ProgressLine | null = null;
  return {
    onProgress: (done, total) => {
      line ??= new ProgressLine(io, total, 'articles grouped into stories');
      line.update(done);
    },
    onStale: (stored, current) => io.err(staleGroupingNotice(db, stored, current)),
    done: () => line?.clear(),
  };
}

/** What a command says when the database's stories were grouped by another version of the stories stage. */
function staleGroupingNotice(db: string | undefined, stored: number, current: number): string {
  return `khabar: ${db ? db + ': ' : ''}its stories were grouped by version ${stored} of the grouping (this khabar has version ${current}); ` +
    `they are kept and new articles join them, but \`khabar regroup${db ? ' --db ' + db : ''}\` groups every article again with this version (story ids change)`;
}

/**
 * Opens the database of a command. A store whose search rows another version of the analyzer wrote has them
 * rewritten first (Khabar): the progress line shows it on a terminal, and one line on stderr says it happened.
 */
export async function openKhabar(path: string, io: CliIO): Promise<Khabar> {
  // the library loads here, not with this module: `khabar CMD --help` loads no stage
  const { Khabar } = await import('../khabar.js');
  let line: ProgressLine | null = null;
  const khabar = Khabar.open({
    db: path,
    onReindex: (done, total) => {
      line ??= new ProgressLine(io, total, 'articles re-indexed for search');
      line.update(done);
    },
  });
  (line as ProgressLine | null)?.clear();
  if (khabar.reindexed) io.err(`khabar: ${path}: search index rewritten for this version's analyzer (${khabar.reindexed} articles)`);
  return khabar;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * An estimate of how many articles local inputs hold: one per file, one per non-empty line of a JSON-lines
 * file. Null when an input is a URL or stdin (unknowable in advance). Counting is cheap next to ingesting.
 */
export async function estimateArticles(inputs: string[], limitFiles = 200_000): Promise<number | null> {
  let total = 0;
  let files = 0;
  const visit = async (path: string): Promise<boolean> => {
    const info = await stat(path);
    if (info.isDirectory()) {
      for (const e of await readdir(path, { withFileTypes: true })) {
        if (e.name.startsWith('.') || e.isSymbolicLink()) continue; // links: the ingest follows only those inside the tree
        if (!(await visit(join(path, e.name)))) return false;
      }
      return true;
    }
    if (++files > limitFiles) return false;
    total += ['.jsonl', '.ndjson'].includes(extname(path).toLowerCase()) ? await countLines(path) : 1;
    return true;
  };
  try {
    for (const input of inputs) {
      if (input === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return null;
      if (!(await visit(input))) return null;
    }
  } catch {
    return null; // a missing input is reported by the ingest itself
  }
  return total;
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  let lastWasNewline = true;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
    if (chunk.length) lastWasNewline = chunk[chunk.length - 1] === 10;
  }
  return lastWasNewline ? n : n + 1;
}
