import { Button, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { call } from '../../api/client';
import { offersListOffers, offersOfferFormOptions } from '../../client/sdk.gen';
import { DataTable } from '../../components/DataTable';
import { useAuth } from '../auth/AuthProvider';
import { OfferForm } from './OfferForm';
import { offerRows, useOfferColumns } from './OffersPage';

/** A lot's job offers, and "Publier une offre" when the caller may open one on it. */
export function LotOffers({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const columns = useOfferColumns();
  const [creating, setCreating] = useState(false);
  const enabled = can('offers:read');
  const offers = useQuery({
    queryKey: ['offers', 'lot', lotId],
    queryFn: () => call(offersListOffers({ query: { lot_id: lotId, limit: 100 } })),
    enabled,
  });
  const options = useQuery({
    queryKey: ['offers', 'form-options', lotId],
    queryFn: () => call(offersOfferFormOptions({ query: { lot_id: lotId } })),
    enabled,
  });
  if (!enabled) return null;
  const items = offers.data?.items ?? [];
  if (!options.data?.create && items.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('offers.lotTitle')}</Title>
        {items.length > 0 && <DataTable caption={t('offers.lotTitle')} columns={columns} rows={offerRows(items)} />}
        {options.data?.create && !creating && (
          <Button onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>{t('offers.publish')}</Button>
        )}
        {creating && (
          <OfferForm
            lotId={lotId}
            enterprises={options.data?.enterprises ?? []}
            onDone={(offer) => navigate(`/offers/${offer.id}`)}
            onCancel={() => setCreating(false)}
          />
        )}
      </Stack>
    </Paper>
  );
}
