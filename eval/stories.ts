// eval for the stories stage. Prints figures; filled in by the stage's work.
export async function run(): Promise<void> {
  console.log('(stories: no eval yet)');
}
