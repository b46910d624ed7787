import type { LotRead } from '../../client/types.gen';

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** The trade of the labour-share row a lot's hours were computed with: the calculation keeps it
 * as the parameter's detail, "45112 — VRD / terrassement". */
function labourShareTrade(calculation: LotRead['calculation']): string | null {
  const parameters = calculation?.parameters;
  if (!Array.isArray(parameters)) return null;
  for (const parameter of parameters as unknown[]) {
    if (typeof parameter !== 'object' || parameter === null) continue;
    const { name, source, detail } = parameter as Record<string, unknown>;
    if (name !== 'labour_share' || source !== 'structure_table' || typeof detail !== 'string') continue;
    const trade = detail.split(' — ').slice(1).join(' — ').trim();
    return trade || null;
  }
  return null;
}

/** The trade a lot is about: the one typed on the lot unless it only repeats the lot's title,
 * else the labour-share row's trade its hours were computed with, else none (null). */
export function lotTrade(lot: Pick<LotRead, 'title' | 'trade' | 'calculation'>): string | null {
  const typed = lot.trade.trim();
  if (typed && !same(typed, lot.title)) return typed;
  return labourShareTrade(lot.calculation);
}
