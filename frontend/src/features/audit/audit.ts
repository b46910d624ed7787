/** The audit log page's logic: filters as the API takes them, what an entry changed, where its record is. */
import type { AuditEventRead } from '../../client/types.gen';
import { isInternalField } from '../../lib/audit';
import { isIsoDay } from '../../lib/dates';

/** The record types the recorder writes (backend `__entity_type__` of each audited model). */
export const AUDITED_TYPES = [
  'organisation',
  'user',
  'clause_settings',
  'labour_share',
  'operation',
  'tender',
  'lot',
  'lot_award',
  'lot_amendment',
  'participant',
  'eligibility_validation',
  'pathway',
  'pathway_step',
  'offer',
  'referral',
  'referral_event',
  'assignment',
  'clause_exception',
  'hours_declaration',
  'issued_document',
  'assignment_report',
] as const;

/** What an entry records (backend `AuditAction`): the log's "Action" filter. */
export const AUDIT_ACTIONS = ['created', 'updated', 'deleted', 'signed_in', 'read_sensitive', 'anonymised', 'invited', 'reminded'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string | null | undefined): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value ?? '');
}

export interface AuditFilters {
  entityType: string | null;
  entityId: string | null;
  action?: string | null;
  /** ISO days, '' when open. */
  since: string;
  until: string;
}

/** What is wrong with the period, as i18n keys by field (an unreadable date is said by its
 * own field): a start after today (the log holds nothing yet), an end before the start. */
export function periodProblems(
  filters: Pick<AuditFilters, 'since' | 'until'>,
  today: string,
): { since?: string; until?: string } {
  const since = isIsoDay(filters.since) ? filters.since : null;
  const until = isIsoDay(filters.until) ? filters.until : null;
  return {
    since: since && since > today ? 'audit.sinceInFuture' : undefined,
    until: since && until && until < since ? 'audit.periodInverted' : undefined,
  };
}

/** The query of GET /audit-events for the filters (empty ones left out). */
export function auditQuery(filters: AuditFilters, actorId: string | null, today?: string) {
  const problems: { since?: string } = today ? periodProblems(filters, today) : {};
  return {
    actor_id: actorId ?? undefined,
    entity_type: filters.entityType ?? undefined,
    entity_id: filters.entityType && filters.entityId ? filters.entityId : undefined,
    action: isAuditAction(filters.action) ? filters.action : undefined,
    // A date still being corrected (unreadable, or a start after today) filters nothing yet.
    since: isIsoDay(filters.since) && !problems.since ? filters.since : undefined,
    until: isIsoDay(filters.until) ? filters.until : undefined,
  };
}

// Bookkeeping the server keeps for itself (its internal keys: isInternalField), not worth naming to people.
const BOOKKEEPING = new Set(['created_at', 'updated_at', 'version']);

/** The fields an entry names: changed or set ones, or those a sensitive read revealed. */
export function changedFields(event: Pick<AuditEventRead, 'action' | 'changes'>): string[] {
  const changes = event.changes ?? {};
  if (event.action === 'read_sensitive') {
    const fields = changes.fields;
    return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string' && field !== '*') : [];
  }
  return Object.entries(changes)
    .filter(([field, value]) => !isInternalField(field) && !BOOKKEEPING.has(field) && value !== null && value !== '')
    .map(([field]) => field);
}

/** The page of an entry's record, when the admin has one to open (participants' are not theirs). */
export function recordPath(event: Pick<AuditEventRead, 'entity_type' | 'entity_id'>): string | null {
  switch (event.entity_type) {
    case 'organisation':
      return `/organisations/${event.entity_id}`;
    case 'user':
      return `/users/${event.entity_id}`;
    case 'operation':
      return `/operations/${event.entity_id}`;
    case 'tender':
      return `/tenders/${event.entity_id}`;
    case 'clause_settings':
    case 'labour_share':
      return '/clause-settings';
    default:
      return null;
  }
}

// Participants' records are personal: their entries hold "[set]" markers, never a name.
const PERSONAL_TYPES = new Set([
  'participant', 'eligibility_validation', 'pathway', 'pathway_step', 'referral', 'referral_event', 'assignment',
  'clause_exception', 'hours_declaration',
]);
const NAMING_FIELDS = ['full_name', 'name', 'reference', 'title', 'email'];

/** What names an entry's record: the name the API gives (an account, an organisation), or
 * what the entry itself says (a creation, a renaming). */
export function recordName(
  event: Pick<AuditEventRead, 'entity_type' | 'changes'> & { entity_name?: string | null },
): string | null {
  if (PERSONAL_TYPES.has(event.entity_type)) return null;
  if (event.entity_name) return event.entity_name;
  for (const field of NAMING_FIELDS) {
    const value = event.changes?.[field];
    const named = Array.isArray(value) ? value[1] : value;
    if (typeof named === 'string' && named && !named.startsWith('[')) return named;
  }
  return null;
}
