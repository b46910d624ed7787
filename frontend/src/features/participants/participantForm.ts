/** The participant form's values and the bodies it sends (creation, and corrections). */
import type { Gender, ParticipantCreate, ParticipantRead, ParticipantUpdate } from '../../client/types.gen';
import type { TerritoryValue } from '../../components/TerritoryPicker';

export interface ParticipantValues {
  last_name: string;
  first_names: string;
  /** ISO date, '' until chosen. */
  birth_date: string;
  /** No default: the person says it (or "not specified"). */
  gender: Gender | null;
  commune: TerritoryValue[];
  qpv: boolean;
  address: string;
  email: string;
  phone: string;
  france_travail_id: string;
  notes: string;
  structure_id: string | null;
  health_consent: boolean;
}

/** Empty values for a new person, or those of `participant` to correct them. */
export function participantValues(participant?: ParticipantRead): ParticipantValues {
  return {
    last_name: participant?.last_name ?? '',
    first_names: participant?.first_names ?? '',
    birth_date: participant?.birth_date ?? '',
    gender: participant?.gender ?? null,
    commune:
      participant?.commune_code && participant.commune_name
        ? [{ level: 'commune', code: participant.commune_code, name: participant.commune_name }]
        : [],
    qpv: participant?.qpv ?? false,
    address: participant?.address ?? '',
    email: participant?.email ?? '',
    phone: participant?.phone ?? '',
    france_travail_id: participant?.france_travail_id ?? '',
    notes: participant?.notes ?? '',
    structure_id: participant?.structure_id ?? null,
    health_consent: Boolean(participant?.health_consent_on),
  };
}

/** A text the person may leave empty: absent (null), never "". */
const optional = (value: string) => value.trim() || null;

/** The creation body: empty optional fields are sent as null. */
export function participantBody(values: ParticipantValues): ParticipantCreate {
  const [commune] = values.commune;
  return {
    last_name: values.last_name.trim(),
    first_names: values.first_names.trim(),
    birth_date: values.birth_date,
    gender: values.gender ?? 'unspecified',
    commune_code: commune ? commune.code : null,
    qpv: values.qpv,
    address: optional(values.address),
    email: optional(values.email),
    phone: optional(values.phone),
    france_travail_id: optional(values.france_travail_id),
    notes: values.notes.trim(),
    structure_id: values.structure_id,
    health_consent: values.health_consent,
  };
}

/** What a correction changes: only the fields that differ from the record (PATCH). */
export function participantChanges(initial: ParticipantValues, values: ParticipantValues): ParticipantUpdate {
  const before = participantBody(initial);
  const after = participantBody(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ParticipantCreate)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as ParticipantUpdate;
}
