// V8's optimizing compiler, tuned for a command a person waits for. V8 hands a function to TurboFan after it has run
// about 3 × 67,584 units of bytecode (its interrupt budget), a threshold made for pages and servers that run for
// minutes. `khabar summarize` runs most of its code once, for well under a second: at that threshold TurboFan compiles
// hundreds of functions whose compiled code runs a few milliseconds, if at all, before the process ends, and the
// compiling was a fifth of the process's CPU time (docs/startup.md). Sixteen times the budget leaves that work to
// the baseline compiler and still optimizes what really is hot: a run over 1,000 ANT articles was not slower.
// Output cannot change: every tier computes the same results.

/** V8's default interrupt budget (node --v8-options, Node 20), times 16. */
export const SHORT_RUN_INTERRUPT_BUDGET = 16 * 67_584;

/** Commands that run for hours (a server, a feed poller, a queue worker) keep V8's defaults: their hot code should be
 * optimized as soon as V8 would. */
const LONG_RUNNING = new Set(['serve', 'watch', 'worker']);

/** Raises the budget for a command that is not long-running; call it before the command runs (a function's budget
 * is read each time it is reset, so code already loaded takes it too). node:v8 loads here, not with the CLI: it costs
 * a few ms, which `khabar --help` need not pay. */
export async function tuneForCommand(name: string): Promise<void> {
  if (LONG_RUNNING.has(name)) return;
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString(`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`);
}
