/** What the page says once an amendment is recorded: the truth about the lot's hours. */
import type { LotRead } from '../../client/types.gen';

/** The notice (an i18n key and its values) for the lot as the amendment left it: hours
 * recomputed (or unchanged) by the formula, kept as the facilitator set them, frozen since the
 * award, or no hours at all (no insertion clause). */
export function amendmentNotice(
  lot: Pick<LotRead, 'amendments' | 'override_hours' | 'hours_frozen' | 'required_hours'>,
  format: (hours: number | null) => string,
): { key: string; values?: Record<string, string> } {
  const last = lot.amendments[lot.amendments.length - 1];
  if (lot.required_hours === null || !last) return { key: 'lots.amendedNoHours' };
  const hours = format(lot.required_hours);
  if (lot.override_hours !== null) return { key: 'lots.amendedOverride', values: { hours } };
  if (lot.hours_frozen) return { key: 'lots.amendedFrozen', values: { hours } };
  if (last.hours_before === last.hours_after) return { key: 'lots.amendedSameHours', values: { hours } };
  return { key: 'lots.amendedHours', values: { before: format(last.hours_before), after: format(last.hours_after) } };
}
