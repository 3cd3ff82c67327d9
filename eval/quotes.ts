// eval of quote extraction and speaker attribution on real articles annotated under
// ../shared/notes/quote-guidelines.md. Printed by `npm run eval -- analysis`.

export async function run(): Promise<void> {
  // no real-news quote gold yet
}
