import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { hoursValidateMonth } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { monthLabel } from './hours';
import { useHoursRefresh } from './HoursModals';

/** The facilitator validates every declaration of a month still waiting (one employer's when
 * given), after saying how many and whose. */
export function ValidateMonthButton({
  month,
  employer,
  waiting,
}: {
  month: string;
  employer?: { id: string; name: string } | null;
  /** How many waiting declarations the page shows (the server validates all of them). */
  waiting: number;
}) {
  const { t, i18n } = useTranslation();
  const refresh = useHoursRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shownMonth = monthLabel(month, i18n.language);
  if (waiting === 0) return null;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await call(hoursValidateMonth({ body: { month, employer_id: employer?.id ?? null } }));
      await refresh();
      notifications.show({ color: 'green', message: t('hours.monthValidated', { count: done.validated, month: shownMonth }) });
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="green" variant="light" onClick={() => setOpen(true)}>
        {t('hours.validateMonth', { month: shownMonth })}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('hours.validateMonthTitle', { month: shownMonth })} closeButtonProps={{ 'aria-label': t('app.close') }}>
          <Stack>
            <ProblemAlert error={error} />
            <Text size="sm">
              {employer
                ? t('hours.validateMonthEmployer', { count: waiting, month: shownMonth, employer: employer.name })
                : t('hours.validateMonthAll', { count: waiting, month: shownMonth })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
              <Button color="green" loading={busy} onClick={() => void confirm()}>{t('hours.validateAll')}</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
