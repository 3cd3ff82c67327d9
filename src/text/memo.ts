// One bounded memo for pure per-word functions (analysis: fold, token keys, word predicates; stories: grouping
// terms): they run for every word of every article and news vocabulary repeats. The map is emptied when it reaches
// its cap, so a long-running server stays bounded; keys longer than `longest` (whole sentences) are computed, not kept.
const MEMO_MAX = 100_000;

export function memoized<V>(compute: (key: string) => V, longest = Infinity): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string) => {
    if (key.length > longest) return compute(key);
    let v = memo.get(key);
    if (v === undefined) {
      v = compute(key);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}
