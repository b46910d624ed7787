import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The app's name and what it is for; links home. */
export function Brand({ linked = true }: { linked?: boolean }) {
  const { t } = useTranslation();
  const mark = (
    <Group gap={10} wrap="nowrap">
      <span className="brand-mark" aria-hidden>
        L
      </span>
      <div>
        <Text fw={800} size="lg" lh={1.1} c="levier.9" style={{ whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} visibleFrom="md">
          {t('app.tagline')}
        </Text>
      </div>
    </Group>
  );
  if (!linked) return mark;
  return (
    <Anchor component={Link} to="/" underline="never" c="inherit">
      {mark}
    </Anchor>
  );
}
