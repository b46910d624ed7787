import type { ParticipantSummary } from '../../client/types.gen';

/** Names with accents, case, hyphens and spacing ignored (as the server compares them). */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** People already followed whose names are close to the ones typed: same last name, first
 * names starting alike (another birth date, a typo). The exact duplicate is the server's to
 * refuse; these only ask the referent to look before creating a second record. */
export function similarPeople(people: ParticipantSummary[], lastName: string, firstNames: string): ParticipantSummary[] {
  const last = foldName(lastName);
  const first = foldName(firstNames).slice(0, 3);
  return people.filter((person) => foldName(person.last_name) === last && foldName(person.first_names).startsWith(first));
}
