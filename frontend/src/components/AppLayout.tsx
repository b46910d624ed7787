import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

import { useAuth } from '../features/auth/AuthProvider';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { hasApiUse, roleKey } from '../lib/me';
import { currentItem, visibleNavItems } from '../lib/navigation';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

function UserMenu() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton className="user-menu" data-testid="user-menu">
          <Text size="sm" fw={600} lh={1.2} truncate maw={{ base: 84, xs: 160, sm: 320 }}>
            {me.full_name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} visibleFrom="sm">
            {t(roleKey(me))} · {me.organisation.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        {hasApiUse(me) && (
          <Menu.Item component="a" href="/api/docs" target="_blank" rel="noopener">
            {t('nav.apiDocs')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          onClick={async () => {
            await logout();
            navigate('/login');
          }}
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const visible = visibleNavItems(me?.permissions ?? []);
  const isActive = (to: string) => currentItem(visible, location.pathname) === to;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      className="app-shell"
      data-nav-open={opened || undefined}
    >
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" justify="space-between" wrap="nowrap" className="header-bar">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.openMenu')}
            />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap" className="header-tools">
            {me && <NotificationBell />}
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('app.navigation')} className="app-nav">
        {visible.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.labelKey)}
            active={isActive(item.to)}
            aria-current={isActive(item.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="app-main">
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
