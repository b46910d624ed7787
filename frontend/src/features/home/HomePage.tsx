import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../auth/AuthProvider';
import { ROLE_CARDS } from './cards';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('home.welcome', { name: me.full_name })}
        description={t('home.summary', {
          role: t(`roles.${me.role}`),
          organisation: me.organisation.name,
        })}
      />
      <section aria-labelledby="capabilities-title">
        <Title order={2} size="h4" id="capabilities-title" mb="sm">
          {t('home.capabilities')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {ROLE_CARDS[me.role].map((card) => (
            <Card key={card} withBorder padding="md" radius="sm" className="capability-card">
              <Group gap="xs" mb={6}>
                <Title order={3} size="h5">
                  {t(`home.cards.${card}.title`)}
                </Title>
              </Group>
              <Text size="sm" c="dimmed">
                {t(`home.cards.${card}.text`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
