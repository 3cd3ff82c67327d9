// Deterministic articles recombined from the sample corpus's sentences, as JSON lines (the queue bench's own, so the
// fault tests and the bench store the same kind of article): enough real Arabic for a job to take a while, each
// article distinct.
export { writeArticles as generateArticles } from '../../bench/queue.js';
