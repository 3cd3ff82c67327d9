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
  // Integer and decimal cases are what news numbers are; fractions (ثلث، ربع = 0.333…, 0.25) are counted apart.
  const tally = { int: { ok: 0, n: 0 }, frac: { ok: 0, n: 0 } };
  const numMisses: string[] = [];
  for (const c of num) {
    const want = c.results.map((r) => Number(r.Resolution?.value)).filter((v) => Number.isFinite(v));
    if (!want.length) continue;
    const fraction = c.results.some((r) => /fraction/i.test(String((r.Resolution as { subtype?: string } | undefined)?.subtype ?? '')));
    const t = fraction ? tally.frac : tally.int;
    t.n++;
    const got = findNumbers(c.input).map((m) => m.value);
    if (JSON.stringify(got) === JSON.stringify(want)) t.ok++;
    else if (!fraction && numMisses.length < 8) numMisses.push(`${c.input} → want ${want.join(', ')}, got ${got.join(', ') || 'nothing'}`);
  }
  console.log(`numbers (NumberModel cases with a numeric resolution, ${tally.int.n + tally.frac.n} of ${num.length}): integers and decimals ${pct(tally.int.ok, tally.int.n)}; fractions (not supported) ${pct(tally.frac.ok, tally.frac.n)}`);
  for (const m of numMisses) console.log(`  miss: ${m}`);
  // Dates: DateParser cases; parser specs give Value.PastResolution / FutureResolution for the reference date.
  // News speaks of the past, so a bare weekday or month is resolved backwards: scored against PastResolution.
  type ParserValue = { Timex?: string; PastResolution?: { date?: string }; FutureResolution?: { date?: string } };
  const dp = rt.filter((c) => /Date(Parser|Extractor)\.json$/.test(c.spec));
  let dOk = 0, dN = 0, dFound = 0;
  const dateMisses: string[] = [];
  for (const c of dp) {
    const r = c.results[0] as { Text?: string; Value?: ParserValue } | undefined;
    if (!r || !r.Text) continue;
    const ref = (c.reference_datetime ?? '2016-11-07').slice(0, 10);
    const got = parseDates(c.input, ref);
    if (got.some((g) => g.text.includes(r.Text!) || r.Text!.includes(g.text))) dFound++;
    const past = r.Value?.PastResolution?.date;
    if (!past || !/^\d{4}-\d{2}-\d{2}$/.test(past)) continue;
    dN++;
    if (got.some((g) => g.start === past && g.granularity === 'day')) dOk++;
    else if (dateMisses.length < 8) dateMisses.push(`${c.input} (ref ${ref}) → want ${past}, got ${got.map((g) => `${g.text}=${g.start}/${g.granularity}`).join(', ') || 'nothing'}`);
  }
  console.log(`dates: DateParser/DateExtractor cases ${dp.length}; span found ${pct(dFound, dp.length)}; parser cases resolved to a day ${dN}, correct ${pct(dOk, dN)}`);
  for (const m of dateMisses) console.log(`  miss: ${m}`);
  console.log('deliberate differences: nisba ي kept (سوري ≠ Lucene سور); suffix kept when < 3 letters would remain; ؤ/ئ folded to ء; weekdays resolved to the past (news), not the future.');
}
