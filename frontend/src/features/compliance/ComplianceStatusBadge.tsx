import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ComplianceStatus } from '../../client/types.gen';
import { STATUS_COLORS } from './compliance';

/** Where a clause stands: a word, with colour only as a second cue. */
export function ComplianceStatusBadge({ status }: { status: ComplianceStatus | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="compliance-status" style={{ minWidth: 'max-content' }}>
      {t(`complianceStatus.${status}`)}
    </Badge>
  );
}
