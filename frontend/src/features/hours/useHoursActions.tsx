import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { hoursValidateHours } from '../../client/sdk.gen';
import type { HoursAssignment, HoursRead } from '../../client/types.gen';
import { versionTag } from '../participants/pathwayForms';
import { personName } from '../referrals/referrals';
import { monthLabel } from './hours';
import { HoursModal, RejectModal, useHoursRefresh } from './HoursModals';

/** What the declaration form needs: the assignment and month, and what the grid knows. */
export interface HoursTarget {
  assignment: HoursAssignment;
  month: string;
  ceiling?: number | null;
  hoursPerWeek?: string | null;
  declaration?: HoursRead | null;
}

/**
 * The buttons of a declaration, each shown only when the read's `actions` allows it — correct
 * (the employer), validate and reject (the facilitator) — with the modals they open, and the
 * problem of the last validation refused (to show above the table).
 */
export function useHoursActions() {
  const { t, i18n } = useTranslation();
  const refresh = useHoursRefresh();
  const [editing, setEditing] = useState<HoursTarget | null>(null);
  const [rejecting, setRejecting] = useState<HoursRead | null>(null);
  const [validating, setValidating] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const validate = async (declaration: HoursRead) => {
    setError(null);
    setValidating(declaration.id);
    try {
      await call(hoursValidateHours({ path: { declaration_id: declaration.id }, headers: { 'If-Match': versionTag(declaration) } }));
      await refresh();
      const month = monthLabel(declaration.month, i18n.language);
      notifications.show({ color: 'green', message: t('hours.validated', { name: personName(declaration.assignment), month }) });
    } catch (caught) {
      setError(caught);
    } finally {
      setValidating(null);
    }
  };

  const buttons = (declaration: HoursRead, target?: Omit<HoursTarget, 'declaration'>): ReactNode => {
    const { actions } = declaration;
    if (!actions.edit && !actions.validate && !actions.reject) return null;
    const name = personName(declaration.assignment);
    return (
      <Group gap={6} wrap="wrap">
        {actions.validate && (
          <Button
            size="xs"
            color="green"
            loading={validating === declaration.id}
            onClick={() => void validate(declaration)}
            aria-label={t('hours.validateFor', { name })}
          >
            {t('hours.validate')}
          </Button>
        )}
        {actions.reject && (
          <Button size="xs" variant="light" color="red" onClick={() => setRejecting(declaration)} aria-label={t('hours.rejectFor', { name })}>
            {t('hours.reject')}
          </Button>
        )}
        {actions.edit && (
          <Button
            size="xs"
            variant="light"
            onClick={() => setEditing({ assignment: declaration.assignment, month: declaration.month, ...target, declaration })}
            aria-label={t('hours.correctFor', { name })}
          >
            {t('hours.correct')}
          </Button>
        )}
      </Group>
    );
  };

  const modals = (
    <>
      {editing && <HoursModal {...editing} onClose={() => setEditing(null)} />}
      {rejecting && <RejectModal declaration={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );

  return { buttons, modals, error, clearError: () => setError(null), declare: setEditing, refresh };
}
