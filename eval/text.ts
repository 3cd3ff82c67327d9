// eval for the text stage. Prints figures; filled in by the stage's work.
export async function run(): Promise<void> {
  console.log('(text: no eval yet)');
}
