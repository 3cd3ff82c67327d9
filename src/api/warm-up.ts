// Builds, in the background, the reports a reader reaches first: the stories at the top of the list, newest and
// most covered. A report (analysis and summary of every article of the story) costs some 20 ms for a ten-article
// story and a quarter of a second for a large one; built on the first visit, under load the first visitors
// queued behind each other's builds (100,000-article bench: first visits median 0.7 s, p99 7 s, at 50 concurrent).
// Reports are asked for one at a time: built in the server's background thread (src/api/background.ts), a request
// that arrives meanwhile is answered at once, and the first visit of another story waits for one build at most.
import type { KhabarSource } from './source.js';

export interface WarmUpOptions {
  /** Stories taken from the top of each list order (default 100). */
  stories?: number;
  /** Called once every report is built (or when stopped): reports built, stories that failed, time taken. */
  onDone?: (built: number, failed: number, ms: number) => void;
}

export interface WarmUp {
  /** Stops after the report being built; onDone is still called. */
  stop(): void;
  /** Resolves when the warm-up has ended. */
  done: Promise<void>;
}

/** Starts warming `source`'s top stories; see the file comment. */
export function warmUpReports(source: KhabarSource, options: WarmUpOptions = {}): WarmUp {
  const n = options.stories ?? 100;
  const started = performance.now();
  const ids = [...new Set((['newest', 'coverage'] as const).flatMap((sort) =>
    source.listStories({ page: 1, pageSize: n, sort }).items.map((s) => s.id)))];
  let next = 0;
  let stopped = false;
  let built = 0;
  let failed = 0;
  const done = new Promise<void>((resolve) => {
    const step = (): void => {
      if (stopped || next >= ids.length) {
        options.onDone?.(built, failed, performance.now() - started);
        resolve();
        return;
      }
      source.story(ids[next++]!).then((report) => { if (report) built++; }, () => {
        // Counted, not thrown: the same story fails again, with its error, when a request asks for it. (Stopping the
        // server stops a build midway: that one did not fail.)
        if (!stopped) failed++;
      }).finally(() => setImmediate(step));
    };
    setImmediate(step);
  });
  return { stop: () => { stopped = true; }, done };
}
