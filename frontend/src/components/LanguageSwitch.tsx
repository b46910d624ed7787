import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { call } from '../api/client';
import { authUpdateMe } from '../client/sdk.gen';
import { useAuth } from '../features/auth/AuthProvider';
import { changeLanguage, currentLanguage, isLanguage } from '../i18n';
import { toApiError } from '../lib/problem';

/** FR / EN: remembered in this browser and, when signed in, in the person's profile. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { me, refreshMe } = useAuth();

  const choose = async (value: string) => {
    if (!isLanguage(value)) return;
    await changeLanguage(value);
    if (!me || me.language === value) return;
    try {
      await call(authUpdateMe({ body: { language: value } }));
      await refreshMe();
    } catch (error) {
      notifications.show({ color: 'red', message: toApiError(error).message });
    }
  };

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void choose(value)}
      data={[
        { value: 'fr', label: <span lang="fr" title="Français">FR</span> },
        { value: 'en', label: <span lang="en" title="English">EN</span> },
      ]}
    />
  );
}
