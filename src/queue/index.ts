// Public surface of the queue stage: ingest jobs on a BullMQ queue in Redis (enqueueing inputs, the worker that
// stores them and keeps the grouping up to date, the queue's state and its dead letters). Why BullMQ: docs/scale.md.
export { parseQueueUrl, checkReachable, INGEST_QUEUE, type QueueLocation } from './connection.js';
export { ARTICLES_PER_JOB, JOB_ATTEMPTS, JOB_BACKOFF_MS, jobName, type IngestJob, type IngestJobOptions, type JobResult } from './jobs.js';
export { IngestQueue, enqueueInputs, JOB_OPTIONS, type EnqueueCounts } from './enqueue.js';
export { IngestWorker, type WorkerOptions } from './worker.js';
export { QueueAdmin, type DeadLetter, type QueueStatus } from './status.js';
