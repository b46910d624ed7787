import { formatEuros } from './numbers';
import { dayMonthYear } from './dates';
import { formatSiret } from './siret';

// Counters and keys the server keeps for itself (older entries may still hold them).
const INTERNAL_FIELDS = new Set(['id', 'token_version', 'identity_key']);

/** Columns the server keeps for itself (identifiers, search keys, session counters): not
 * worth showing people. */
export function isInternalField(field: string): boolean {
  return INTERNAL_FIELDS.has(field) || field.startsWith('search_');
}

/** The i18n key of a change of `active` as people say it ("Compte désactivé"), by the type of
 * record; null for any other change. */
export function activationKey(entityType: string, field: string, value: unknown): string | null {
  if (field !== 'active' || !Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'boolean') return null;
  const kind = entityType === 'user' || entityType === 'organisation' ? entityType : 'other';
  return `history.${value[1] ? 'reactivated' : 'deactivated'}.${kind}`;
}

export type Formatter = (value: unknown) => string;

/** The translation function of the interface (react-i18next's `t`, or i18next's fixed one). */
export type Translate = (key: string, options?: { defaultValue?: string; value?: string }) => string;

export interface ValueReading {
  t: Translate;
  language: string;
  /** Names of the accounts and organisations the entry refers to by id (the API's `names`). */
  names?: Readonly<Record<string, string>>;
}

/** How a recorded value reads, by the field it belongs to. */
type FieldKind =
  | { kind: 'hours' | 'amount' | 'ratio' | 'date' | 'moment' | 'territory' }
  | { kind: 'code' | 'codes'; vocabulary: string };

const kinds = (kind: 'hours' | 'amount' | 'ratio' | 'date' | 'moment', fields: string[]) =>
  fields.map((field): [string, FieldKind] => [field, { kind }]);
const codes = (kind: 'code' | 'codes', byField: Record<string, string>) =>
  Object.entries(byField).map(([field, vocabulary]): [string, FieldKind] => [field, { kind, vocabulary }]);

/** Every field the audited records hold (backend models: organisations, users, clause settings,
 * labour shares, operations, tenders, lots, awards, amendments, participants and pathways) whose
 * value is not read as typed. Codes read with the labels the pages use (the i18n vocabulary). */
const FIELD_KINDS: ReadonlyMap<string, FieldKind> = new Map([
  ...kinds('hours', [
    'computed_hours',
    'override_hours',
    'labour_hours',
    'monthly_ceiling_hours',
    'cleaning_min_hours',
    'taken_over_monthly_hours',
    'hours',
    'hours_before',
    'hours_after',
    'hours_per_week',
  ]),
  ...kinds('amount', [
    'estimated_amount',
    'current_amount',
    'awarded_amount',
    'penalty_per_missing_hour',
    'hourly_cost',
    'cleaning_hourly_cost',
    'amount',
    'amount_before',
    'amount_after',
    'new_amount',
  ]),
  // Stored as fractions (0.05), read as percentages (5 %).
  ...kinds('ratio', ['insertion_rate', 'default_labour_share', 'training_cap_share', 'share', 'labour_share']),
  ...kinds('date', [
    'publication_date',
    'deadline_date',
    'notification_date',
    'signed_on',
    'outcome_on',
    'birth_date',
    'evidence_date',
    'validated_on',
    'valid_until',
    'entry_date',
    'exit_date',
    'follow_up_date',
    'start_date',
    'end_date',
    'health_consent_on',
    'last_activity_on',
    'retention_due_on',
    'granted_on',
    'month',
  ]),
  ...kinds('moment', ['override_at', 'last_login_at', 'anonymised_at', 'declared_at', 'decided_at']),
  ['territory', { kind: 'territory' }],
  ...codes('code', {
    role: 'roles',
    kind: 'kinds',
    language: 'languages',
    enterprise_kind: 'enterpriseKinds',
    calculation_method: 'methods',
    outcome: 'lotOutcomes',
    consortium_type: 'consortium',
    procedure: 'procedures',
    nature: 'natures',
    ccag: 'ccags',
    price_form: 'priceForms',
    place_level: 'levels',
    target_kind: 'targetKinds',
    eligibility_restriction: 'restrictions',
    gender: 'genders',
    criterion: 'criteria',
    evidence_type: 'evidenceTypes',
    minimum_income_kind: 'incomeKinds',
    opinion_source: 'opinionSources',
    contract_kind: 'contractKinds',
    exit_situation: 'exitSituations',
    exit_category: 'exitCategories',
    follow_up_situation: 'exitSituations',
    follow_up_category: 'exitCategories',
    reminder: 'reminderReasons',
  }),
  ...codes('codes', { enabled_criteria: 'criteria' }),
]);

// What the recorder writes instead of a personal or secret value.
const MARKERS: Record<string, string> = { '[set]': 'history.set', '[changed]': 'history.changed' };

/** Whether a recorded value is empty (nothing set): creations list only what was set. */
export function isBlankValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The number formats' locale: French, or British English (day first, like the forms). */
const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** A timestamp as dd/mm/yyyy hh:mm, in the browser's time zone. */
export function formatMoment(value: string, language: string): string {
  return new Date(value).toLocaleString(localeOf(language), { dateStyle: 'short', timeStyle: 'short' });
}

/** A recorded value as a person reads it, by the kind of its field: "1 458 h", "290 000 €",
 * "5 %", "23/10/2026", "Oui", a code's label, "(vide)" for nothing. */
export function formatValue(field: string, value: unknown, { t, language, names }: ValueReading): string {
  if (isBlankValue(value)) return t('history.emptyValue');
  // An id (organisation_id, coordinator_id…) reads as the name of what it points to.
  if (typeof value === 'string' && names && Object.hasOwn(names, value)) return names[value];
  if (typeof value === 'string' && value in MARKERS) return t(MARKERS[value]);
  if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
  const locale = localeOf(language);
  const number = Number(value);
  const numeric = (typeof value === 'number' || typeof value === 'string') && Number.isFinite(number);
  const kind = FIELD_KINDS.get(field);
  switch (kind?.kind) {
    case 'hours':
      if (numeric) return t('fmt.hours', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(number) });
      break;
    case 'amount':
      if (numeric) return formatEuros(number, language);
      break;
    case 'ratio':
      if (numeric) return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(number);
      break;
    case 'code':
      if (typeof value === 'string') return t(`${kind.vocabulary}.${value}`, { defaultValue: value });
      break;
    case 'codes':
      if (Array.isArray(value))
        return value.map((code) => t(`${kind.vocabulary}.${String(code)}`, { defaultValue: String(code) })).join(', ');
      break;
    case 'territory':
      // Recorded as "level:code" (commune:37261).
      if (Array.isArray(value))
        return value
          .map((place) => {
            const [level, code] = String(place).split(':');
            return code ? `${t(`levels.${level}`, { defaultValue: level })} ${code}` : String(place);
          })
          .join(', ');
      break;
  }
  if (field === 'siret' && typeof value === 'string') return formatSiret(value);
  if (typeof value === 'string') {
    const moment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);
    if (moment || (kind?.kind === 'moment' && !Number.isNaN(Date.parse(value))))
      return formatMoment(value, language);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayMonthYear(value);
    // A month ("2026-11", a reminder's) reads as the hours pages write it: "novembre 2026".
    if (kind?.kind === 'date' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
      const [year, month] = value.split('-').map(Number);
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, 1)),
      );
    }
    return value;
  }
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  if (Array.isArray(value)) return value.map((item) => formatValue('', item, { t, language, names })).join(', ');
  return JSON.stringify(value);
}

/** One recorded change: `[old, new]` pairs read "old → new"; a created value reads as itself. */
export function describeChange(value: unknown, format: Formatter): string {
  if (Array.isArray(value) && value.length === 2) return `${format(value[0])} → ${format(value[1])}`;
  return format(value);
}
