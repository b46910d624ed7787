/** How a picker tells organisations apart: two of the same name differ by SIRET and place. */
import type { OrganisationRead } from '../../client/types.gen';
import { formatSiret } from '../../lib/siret';

/** What is shown under an organisation's name in a picker: its SIRET and its commune (or
 * else the first place it covers), those it has; null when it has neither. */
export function organisationDetail(organisation: Pick<OrganisationRead, 'siret' | 'territory'>, siretLabel = 'SIRET'): string | null {
  const place = organisation.territory.find((item) => item.level === 'commune') ?? organisation.territory[0];
  const parts = [organisation.siret ? `${siretLabel} ${formatSiret(organisation.siret)}` : null, place?.name ?? null].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length ? parts.join(' · ') : null;
}
