// The queue commands without a Redis to talk to: a clear message and exit status, never a wait without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';
import { freePort, khabar } from './redis.js';

test('no Redis at the queue URL: each queue command says so and exits 1; a bad URL is a usage error', { timeout: 120_000 }, async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  for (const args of [['jobs'], ['worker', '--db', join(repoRoot, 'nowhere.db')], ['ingest', join(repoRoot, 'samples', 'corpus')]]) {
    const r = await khabar([...args, '--queue', url]);
    assert.equal(r.code, 1, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`cannot reach the queue at ${url.replace(/\./g, '\\.')}/?: ECONNREFUSED \\(is Redis running there\\?\\)`));
  }
  const bad = await khabar(['jobs', '--queue', 'amqp://127.0.0.1']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--queue: only redis:\/\/ and rediss:\/\/ queues are supported, not amqp:/);
});
