import type {
  ContractKind,
  Criterion,
  EvidenceType,
  ExitCategory,
  ExitSituation,
  Gender,
  MinimumIncomeKind,
  OpinionSource,
  QualificationLevel,
  StepKind,
} from '../../client/types.gen';

export const CRITERIA: readonly Criterion[] = [
  'long_term_jobseeker',
  'minimum_income',
  'disability_income',
  'disabled_worker',
  'young_unqualified',
  'senior_jobseeker',
  'qpv_resident',
  'insertion_employee',
  'facilitator_validated',
];
/** Never offered as a list filter (the API refuses it): the filter itself would disclose them. */
export const SENSITIVE_CRITERIA: readonly Criterion[] = ['minimum_income', 'disability_income', 'disabled_worker'];
export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  'france_travail_certificate',
  'caf_certificate',
  'mdph_notification',
  'pension_certificate',
  'identity_document',
  'proof_of_address',
  'diploma_statement',
  'employer_certificate',
  'prescriber_opinion',
  'other',
];
export const INCOME_KINDS: readonly MinimumIncomeKind[] = ['rsa', 'rsa_household', 'ass', 'ata'];
export const OPINION_SOURCES: readonly OpinionSource[] = [
  'france_travail',
  'mission_locale',
  'maison_emploi',
  'mdph',
  'cap_emploi',
  'probation_service',
  'social_services',
];
export const STEP_KINDS: readonly StepKind[] = ['diagnosis', 'support', 'training', 'immersion', 'employment', 'clause_assignment'];
export const CONTRACT_KINDS: readonly ContractKind[] = ['cdi', 'cdd', 'interim', 'cddi', 'apprenticeship', 'professionalisation', 'subsidised'];
export const QUALIFICATION_LEVELS: readonly QualificationLevel[] = ['none', '3', '4', '5', '6', '7', '8'];
export const GENDERS: readonly Gender[] = ['female', 'male', 'unspecified'];
export const EXIT_CATEGORIES: readonly ExitCategory[] = [
  'lasting_employment',
  'transitional_employment',
  'positive_exit',
  'other_exit',
  'neutralised',
];

/** The exit category each situation implies (participants.md); `other` needs one given. */
export const EXIT_CATEGORY: Record<ExitSituation, ExitCategory | null> = {
  cdi: 'lasting_employment',
  cdd_6_months_or_more: 'lasting_employment',
  interim_6_months_or_more: 'lasting_employment',
  civil_service: 'lasting_employment',
  business_creation: 'lasting_employment',
  cdd_under_6_months: 'transitional_employment',
  interim_under_6_months: 'transitional_employment',
  subsidised_contract: 'transitional_employment',
  qualifying_training: 'positive_exit',
  hired_by_siae: 'positive_exit',
  unemployment: 'other_exit',
  inactivity: 'other_exit',
  no_news: 'other_exit',
  moving_away: 'neutralised',
  long_illness: 'neutralised',
  maternity: 'neutralised',
  retirement: 'neutralised',
  death: 'neutralised',
  other: null,
};
export const EXIT_SITUATIONS = Object.keys(EXIT_CATEGORY) as ExitSituation[];

export const CONTRACT_STEPS: readonly StepKind[] = ['employment', 'clause_assignment'];

/** Age in whole years on a day. */
export function ageOn(birthDate: string, on: Date = new Date()): number {
  const [year, month, day] = birthDate.split('-').map(Number);
  const before = on.getMonth() + 1 < month || (on.getMonth() + 1 === month && on.getDate() < day);
  return on.getFullYear() - year - (before ? 1 : 0);
}
