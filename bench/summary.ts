// bench for the summary stage. Prints figures; filled in by the stage's work.
export async function run(): Promise<void> {
  console.log('(summary: no bench yet)');
}
