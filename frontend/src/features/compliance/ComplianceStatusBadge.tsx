import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ComplianceStatus } from '../../client/types.gen';
import { STATUS_COLORS } from './compliance';

/** Where a clause stands: a word, with colour only as a second cue. */
export function ComplianceStatusBadge({ status, late = false }: { status: ComplianceStatus | null; late?: boolean }) {
  const { t } = useTranslation();
  if (!status) return null;
  // Not started while hours are already due: the domain's word, and why it is a worry.
  const overdue = late && status === 'not_started';
  return (
    <Badge color={overdue ? STATUS_COLORS.behind : STATUS_COLORS[status]} variant="light" data-testid="compliance-status" style={{ minWidth: 'max-content' }}>
      {t(`complianceStatus.${status}`)}
      {overdue && ` · ${t('compliance.hoursDue')}`}
    </Badge>
  );
}
