// eval for the text stage: agreement with Lucene's Arabic vectors, the Snowball sample, and number/date
// accuracy on the Recognizers-Text Arabic dev cases we can resolve.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, findNumbers, normalize, parseDates, stem } from '../src/text/index.js';

const shared = process.env.KHABAR_SHARED ?? resolve(process.cwd(), '..', 'shared');
const jsonl = <T>(rel: string): T[] => readFileSync(join(shared, rel), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const pct = (a: number, b: number): string => `${a}/${b} (${b ? ((100 * a) / b).toFixed(1) : '0'}%)`;

export async function run(): Promise<void> {
  if (!existsSync(join(shared, 'data'))) { console.log(`(text: ../shared not found at ${shared})`); return; }
  // Normalization vectors.
  const norm = jsonl<{ input: string; expected: string }>('data/lucene-arabic-vectors/normalization.jsonl');
  console.log(`normalization vs Lucene: ${pct(norm.filter((c) => normalize(c.input) === c.expected).length, norm.length)}`);
  // Light stem vectors: Lucene stems raw tokens; we stem normalize(token) and compare with normalize(expected).
  const ls = jsonl<{ input: string; expected: string }>('data/lucene-arabic-vectors/light_stem.jsonl');
  const lsDiff = ls.filter((c) => stem(normalize(c.input)) !== normalize(c.expected) && stem(c.input) !== c.expected);
  console.log(`light stem vs Lucene: ${pct(ls.length - lsDiff.length, ls.length)}`);
  for (const c of lsDiff) console.log(`  differ: ${c.input} → ours ${stem(normalize(c.input))}, Lucene ${c.expected} (nisba ي kept on purpose / Latin lower-cased)`);
  const an = jsonl<{ input: string; expected_tokens: string[]; lucene_test: string }>('data/lucene-arabic-vectors/analyzer.jsonl');
  let anOk = 0;
  for (const c of an) {
    const stemOn = !c.lucene_test.includes('normalization only');
    const stopOn = c.lucene_test.startsWith('TestArabicAnalyzer');
    const got = analyze(c.input, { stem: stemOn, stopwords: stopOn });
    if (JSON.stringify(got) === JSON.stringify(c.expected_tokens)) anOk++;
    else console.log(`  analyzer differs: ${c.input} → ${got.join(' ')} (Lucene ${c.expected_tokens.join(' ')})`);
  }
  console.log(`analyzer vs Lucene: ${pct(anOk, an.length)}`);
  // Snowball sample (aggressive stemmer: agreement is expected to be low).
  const sb = join(shared, 'data/snowball-arabic-sample/voc_output_every100th.tsv');
  if (existsSync(sb)) {
    const rows = readFileSync(sb, 'utf8').split('\n').map((l) => l.split('\t')).filter((r) => r.length >= 2 && r[0]);
    let agree = 0;
    const samples: string[] = [];
    for (const [w, s] of rows) {
      const ours = stem(normalize(w!));
      if (ours === normalize(s!)) agree++;
      else if (samples.length < 8) samples.push(`${w} → ours ${ours}, Snowball ${s} (${ours.length > normalize(s!).length ? 'we keep more: light stemmer, no root/pattern removal' : 'we remove a clitic Snowball keeps'})`);
    }
    console.log(`stem vs Snowball sample: ${pct(agree, rows.length)}`);
    for (const x of samples) console.log(`  ${x}`);
  }
  // Recognizers-Text numbers: NumberModel cases with integer/decimal values.
  type Case = { spec: string; input: string; reference_datetime: string | null; results: Array<{ Text?: string; Resolution?: { value?: string; timex?: string; values?: Array<{ value?: string; start?: string; end?: string; type?: string }> } }> };
  const rt = jsonl<Case>('data/recognizers-text-arabic-specs/dev.jsonl');
  const num = rt.filter((c) => c.spec.endsWith('NumberModel.json'));
  let numOk = 0, numN = 0;
  for (const c of num) {
    const want = c.results.map((r) => Number(r.Resolution?.value)).filter((v) => Number.isFinite(v));
    if (!want.length || want.some((v) => !Number.isInteger(v) && !String(v).includes('.'))) continue;
    numN++;
    const got = findNumbers(c.input).map((m) => m.value);
    if (JSON.stringify(got) === JSON.stringify(want)) numOk++;
  }
  console.log(`numbers (NumberModel cases with a numeric resolution): coverage ${numN}/${num.length}, accuracy ${pct(numOk, numN)}`);
  // Dates: DateParser cases resolved to a single day.
  const dp = rt.filter((c) => /Date(Parser|Extractor)\.json$/.test(c.spec));
  let dOk = 0, dN = 0, dFound = 0;
  for (const c of dp) {
    const r = c.results[0];
    if (!r || !r.Text) continue;
    const ref = (c.reference_datetime ?? '2016-11-07').slice(0, 10);
    const value = r.Resolution?.values?.[0]?.value;
    const got = parseDates(c.input, ref);
    if (got.some((g) => g.text.includes(r.Text!) || r.Text!.includes(g.text))) dFound++;
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    dN++;
    if (got.some((g) => g.start === value && g.granularity === 'day')) dOk++;
  }
  console.log(`dates: DateParser/DateExtractor cases ${dp.length}; span found ${pct(dFound, dp.length)}; with a day resolution ${dN}, correct ${pct(dOk, dN)}`);
  console.log('deliberate differences: nisba ي kept (سوري ≠ Lucene سور); suffix kept when < 3 letters would remain; ؤ/ئ folded to ء; weekdays resolved to the past (news), not the future.');
}
