import type {
  Ccag,
  ConsiderationKind,
  ConsortiumType,
  Nature,
  PriceForm,
  Procedure,
  TenderStatus,
} from '../../client/types.gen';

export const TENDER_STATUSES: readonly TenderStatus[] = ['draft', 'published', 'awarded', 'in_execution', 'closed', 'cancelled'];
export const PROCEDURES: readonly Procedure[] = [
  'adapted',
  'open_tender',
  'restricted_tender',
  'negotiated',
  'without_publicity',
  'competitive_dialogue',
];
export const NATURES: readonly Nature[] = ['contract', 'partnership', 'defence_security'];
export const CCAGS: readonly Ccag[] = ['works', 'project_management', 'supplies_services', 'industrial', 'intellectual_services', 'ict', 'none'];
export const PRICE_FORMS: readonly PriceForm[] = ['unit', 'lump_sum', 'mixed'];
export const CONSIDERATIONS: readonly ConsiderationKind[] = [
  'insertion_clause',
  'reserved_siae',
  'reserved_disability',
  'reserved_both',
  'reserved_ess',
  'social_award_criterion',
  'insertion_purpose',
];
export const CONSORTIUM_TYPES: readonly ConsortiumType[] = ['none', 'joint', 'several'];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
