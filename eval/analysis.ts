// eval for the analysis stage. Prints figures; filled in by the stage's work.
export async function run(): Promise<void> {
  console.log('(analysis: no eval yet)');
}
