// eval for the ingest stage. Prints figures; filled in by the stage's work.
export async function run(): Promise<void> {
  console.log('(ingest: no eval yet)');
}
