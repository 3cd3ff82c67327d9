// The progress line tells the truth: it counts every article read, gives no ETA during the warm-up (start-up made the
// old line promise "ETA 45m23s" for an 11-second job), and then takes the ETA from a smoothed rate. The figures are
// those of a real run: 9,338 ANT articles (the held-out weeks left out) ingested on a busy 2-core machine in 63.9 s,
// read a batch at a time (the count every 0.5 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressLine, formatSeconds } from '../../src/cli/progress.js';

const TRACE: [number, number][] = [[1295, 1], [1813, 756], [11483, 1279], [11995, 3083], [12522, 3625], [36774, 5385],
  [37290, 7370], [48991, 7433], [49502, 8485]];
const END_MS = 63903;
const TOTAL = 9338;

function seconds(eta: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(eta)!;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

test('no ETA during the warm-up; then an ETA within a factor of 3 of the time the run really took; every article counted', () => {
  const line = new ProgressLine({ isTTY: false, err: () => undefined, out: () => undefined } as never, TOTAL, 'articles read', 0);
  const texts: string[] = [];
  for (const [at, done] of TRACE) {
    line.update(done, '', at);
    const text = line.text(done, at);
    texts.push(text);
    assert.ok(text.startsWith(`${done}/~${TOTAL} articles read, `), text);
    const eta = /ETA (\S+)$/.exec(text)?.[1];
    if (at < 3000) {
      assert.equal(eta, undefined, `no ETA ${at} ms into the run: ${text}`);
      continue;
    }
    assert.ok(eta, `an ETA ${at} ms into the run: ${text}`);
    const truth = (END_MS - at) / 1000;
    const ratio = seconds(eta) / truth;
    assert.ok(ratio > 1 / 3 && ratio < 3, `${text}: the run ended ${truth.toFixed(0)} s later`);
  }
  assert.equal(texts[0], '1/~9338 articles read, 0.8/s');
  assert.match(texts[3]!, /^3083\/~9338 articles read, 169\/s, ETA 37s$/);
});

test('no ETA without a total, past the estimate, or before 2% of it', () => {
  const io = { isTTY: false, err: () => undefined, out: () => undefined } as never;
  const unknown = new ProgressLine(io, null, 'articles', 0);
  unknown.update(500, '', 5000);
  assert.equal(unknown.text(500, 5000), '500 articles, 100/s');
  const past = new ProgressLine(io, 100, 'articles', 0);
  past.update(150, '', 5000);
  assert.doesNotMatch(past.text(150, 5000), /ETA/);
  const early = new ProgressLine(io, 100_000, 'articles', 0);
  early.update(1000, '', 5000);
  assert.doesNotMatch(early.text(1000, 5000), /ETA/);
  early.update(2500, '', 6000);
  assert.match(early.text(2500, 6000), /ETA \d+m\d\ds$/);
  assert.equal(formatSeconds(45), '45s');
  assert.equal(formatSeconds(2723), '45m23s');
});
