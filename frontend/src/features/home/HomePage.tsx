import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../auth/AuthProvider';
import { cardsFor } from './cards';
import { roleKey } from '../../lib/me';
import { MyDay } from '../followups/MyDay';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('home.welcome', { name: me.full_name })}
        description={t('home.summary', {
          role: t(roleKey(me)),
          organisation: me.organisation.name,
        })}
      />
      {me.permissions.includes('follow_ups:read') && <MyDay />}
      <section aria-labelledby="capabilities-title">
        <Title order={2} size="h4" id="capabilities-title" mb="sm">
          {t('home.capabilities')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {cardsFor(me.role, me.permissions, Boolean(me.coordinates_network)).map((card) => (
            <Card
              key={card.key}
              component={Link}
              to={card.to}
              withBorder
              padding="md"
              radius="sm"
              className="capability-card"
              data-testid="home-card"
            >
              <Title order={3} size="h5" mb={6} c="levier.8">
                {t(`home.cards.${card.key}.title`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`home.cards.${card.key}.text`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
