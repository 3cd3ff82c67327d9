// The worker thread of PrepareWorker (src/prepare.ts): prepares the batches it is sent, in order, with the
// cleaning context it was started with, and answers with the outcomes (and the context when asked).
import { parentPort, workerData } from 'node:worker_threads';
import { CleaningContext } from './ingest/index.js';
import { prepareBatch, type PrepareReply, type PrepareRequest } from './prepare.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.js runs only as a worker thread (see src/prepare.ts)');
const start = (workerData as { context?: unknown } | null)?.context;
const context = start ? CleaningContext.fromJSON(start) : new CleaningContext();

port.on('message', (message: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    if (message.type === 'prepare') {
      const outcomes = prepareBatch(message.batch, context);
      reply = message.snapshot ? { id: message.id, outcomes, context: context.toJSON() } : { id: message.id, outcomes };
    } else {
      reply = { id: message.id, context: context.toJSON() };
    }
  } catch (e) {
    reply = { id: message.id, failure: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
