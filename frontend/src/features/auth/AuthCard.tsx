import { Center, Divider, Group, Paper, Stack, Title } from '@mantine/core';
import { type ReactNode } from 'react';

import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the pages seen before signing in. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" className="auth-background">
      <Paper component="main" id="main" withBorder shadow="sm" p="xl" w={440} maw="100%">
        <Stack gap="md">
          <Group justify="space-between" align="center" wrap="nowrap">
            <Brand linked={false} />
            <LanguageSwitch />
          </Group>
          <Divider />
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
