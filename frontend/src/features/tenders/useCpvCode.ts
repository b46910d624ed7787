import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referenceGetCpv } from '../../client/sdk.gen';
import { COMPLETE_CPV } from './cpv';

/** A CPV code resolved by the API (complete code, division, group), in the UI's language. */
export function useCpvCode(code: string) {
  const { i18n } = useTranslation();
  const value = code.trim();
  return useQuery({
    queryKey: ['cpv-code', value, i18n.language],
    queryFn: () => call(referenceGetCpv({ path: { cpv_code: value } })),
    enabled: COMPLETE_CPV.test(value),
    retry: false,
    staleTime: Infinity,
  });
}
