// Clustering quality against gold groups: pairwise precision/recall/F1 and BCubed precision/recall/F1.
// Only items present in both the gold and the prediction are scored.

export interface ClusterScores {
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  stories: number;
  goldStories: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function labels(groups: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  groups.forEach((g, i) => { for (const id of g) m.set(id, i); });
  return m;
}

export function scoreClusters(gold: string[][], predicted: string[][]): ClusterScores {
  const g = labels(gold);
  const p = labels(predicted);
  const items = [...g.keys()].filter((id) => p.has(id));
  // Pairwise over all item pairs (fine for dev-set sizes).
  let tp = 0, predPairs = 0, goldPairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const sameG = g.get(items[i]) === g.get(items[j]);
      const sameP = p.get(items[i]) === p.get(items[j]);
      if (sameG) goldPairs++;
      if (sameP) predPairs++;
      if (sameG && sameP) tp++;
    }
  }
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  // BCubed: per item, the share of its predicted cluster that is in its gold cluster, and vice versa.
  const sizeOf = (lab: Map<string, number>) => {
    const c = new Map<number, number>();
    for (const id of items) c.set(lab.get(id)!, (c.get(lab.get(id)!) ?? 0) + 1);
    return c;
  };
  const inter = new Map<string, number>();
  for (const id of items) { const k = `${g.get(id)}|${p.get(id)}`; inter.set(k, (inter.get(k) ?? 0) + 1); }
  const gs = sizeOf(g), ps = sizeOf(p);
  let bp = 0, br = 0;
  for (const id of items) {
    const both = inter.get(`${g.get(id)}|${p.get(id)}`)!;
    bp += both / ps.get(p.get(id)!)!;
    br += both / gs.get(g.get(id)!)!;
  }
  bp = items.length ? bp / items.length : 1;
  br = items.length ? br / items.length : 1;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    stories: new Set(items.map((id) => p.get(id))).size,
    goldStories: new Set(items.map((id) => g.get(id))).size,
  };
}
