import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A form's submit button (busy while the request runs) and, when it can be left, Cancel. */
export function FormActions({ label, busy, onCancel }: { label: string; busy: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
      {onCancel && (
        <Button variant="subtle" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      )}
    </Group>
  );
}
