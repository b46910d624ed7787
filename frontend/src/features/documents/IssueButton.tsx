import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Délivrer …" for a document archived for good: it asks first, saying what the edition will
 * be and that it can never be changed or withdrawn, then calls `onIssue`. */
export function IssueButton({
  label,
  confirmation,
  busy,
  disabled,
  onIssue,
}: {
  label: string;
  confirmation: string;
  busy: boolean;
  disabled?: boolean;
  onIssue: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button onClick={() => setConfirming(true)} disabled={disabled} style={{ alignSelf: 'flex-start' }}>
        {label}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={confirming} onClose={() => setConfirming(false)} title={label}>
        <Stack>
          <Text>{confirmation}</Text>
          <Text size="sm" c="dimmed">{t('documents.issuedForGood')}</Text>
          <Group>
            <Button
              loading={busy}
              onClick={() => {
                void onIssue().then((done) => {
                  if (done) setConfirming(false);
                });
              }}
            >
              {t('documents.confirmIssue')}
            </Button>
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('app.goBack')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
