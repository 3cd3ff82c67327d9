// The worker thread of ExtractPool (src/ingest/extract-pool.ts): extracts the HTML it is sent and answers with
// the result or the message of the error that refused it. It says 'ready' once its code is loaded, so a job's time
// limit never counts the worker's start.
import { parentPort } from 'node:worker_threads';
import { extractHtml } from './html.js';
import type { ExtractReply, ExtractRequest } from './extract-pool.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs only as a worker thread (see src/ingest/extract-pool.ts)');
port.on('message', (m: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id: m.id, result: extractHtml(m.html, { dom: m.dom }) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
