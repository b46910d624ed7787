import { Anchor, Grid, Paper, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { clauseSettingsArticlePreview, clauseSettingsArticleVariables } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { mapProblem, toApiError } from '../../lib/problem';
import { insertVariable } from './article';
import { DocumentBlocks } from './DocumentBlocks';

const TEMPLATE_FIELD = { article_template: 'article_template' } as const;

/**
 * The admin's article template: the editor, the variables it may use (a click inserts one at
 * the cursor) and the article it gives for a sample lot, previewed 400 ms after typing stops.
 * The API's 422 on the template (it does not parse or render) shows under the editor.
 */
export function ArticleTemplateEditor({
  value,
  onChange,
  formError,
  description,
  readOnly,
}: {
  value: string;
  onChange: (value: string) => void;
  formError?: React.ReactNode;
  description: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const editor = useRef<HTMLTextAreaElement>(null);
  const variables = useQuery({ queryKey: ['clause-settings', 'article-variables'], queryFn: () => call(clauseSettingsArticleVariables()), staleTime: Infinity });
  const [template] = useDebouncedValue(value, 400);
  const preview = useQuery({
    queryKey: ['clause-settings', 'article-preview', template],
    queryFn: () => call(clauseSettingsArticlePreview({ body: { article_template: template } })),
    enabled: !readOnly && template.trim().length >= 10,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
  const templateProblem = preview.error ? mapProblem(toApiError(preview.error).problem, TEMPLATE_FIELD) : undefined;
  const templateError = templateProblem?.fields.article_template;
  const insert = (name: string) => {
    const area = editor.current;
    const next = insertVariable(value, area?.selectionStart ?? value.length, area?.selectionEnd ?? value.length, name);
    onChange(next.text);
    // Back to the editor, the cursor after what was inserted (once React has rendered it).
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  return (
    <Stack gap="sm">
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Textarea
            ref={editor}
            label={t('settings.template')}
            description={`${description} ${t('settings.templateHelp', { example: '{{ lot.title }}' })}`}
            readOnly={readOnly}
            autosize
            minRows={8}
            maxRows={24}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
            spellCheck={false}
            value={value}
            onChange={(event) => onChange(event.currentTarget.value)}
            error={formError ?? templateError}
            data-testid="template-editor"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm" component="section" aria-labelledby="variables-title" data-testid="template-variables">
            <Title order={3} size="h6" id="variables-title">
              {t('settings.variablesTitle')}
            </Title>
            {!readOnly && (
              <Text size="xs" c="dimmed" mb={4}>
                {t('settings.variablesHelp')}
              </Text>
            )}
            <ProblemAlert error={variables.error} />
            <ScrollArea.Autosize mah={440} viewportProps={{ tabIndex: 0, role: 'region', 'aria-labelledby': 'variables-title' }}>
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {(variables.data ?? []).map((variable) => (
                  <li key={variable.name}>
                    {readOnly ? (
                      <Text component="code" size="sm" ff="monospace">{`{{ ${variable.name} }}`}</Text>
                    ) : (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ff="monospace"
                        ta="left"
                        style={{ wordBreak: 'break-all' }}
                        aria-label={t('settings.insertVariable', { name: variable.name })}
                        aria-describedby={`variable-${variable.name}`}
                        onClick={() => insert(variable.name)}
                      >
                        {`{{ ${variable.name} }}`}
                      </Anchor>
                    )}
                    <Text size="xs" c="dimmed" id={`variable-${variable.name}`}>
                      {variable.description}
                    </Text>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
      </Grid>
      {!readOnly && (
        <Paper withBorder p="md" bg="gray.0" component="section" aria-labelledby="preview-title">
          <Title order={3} size="h6" id="preview-title">
            {t('settings.previewTitle')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('settings.previewHelp')}
          </Text>
          {templateError ? (
            <Text size="sm" fw={600} c="red.9" mb="xs" role="status">{t('settings.previewStale')}</Text>
          ) : (
            <ProblemAlert error={preview.error} fields={TEMPLATE_FIELD} />
          )}
          {preview.data && (
            <ScrollArea.Autosize mah={480} viewportProps={{ tabIndex: 0, role: 'region', 'aria-labelledby': 'preview-title' }}>
              <div data-testid="template-preview" aria-busy={preview.isFetching}>
                <DocumentBlocks preview={preview.data} headingOrder={4} />
              </div>
            </ScrollArea.Autosize>
          )}
        </Paper>
      )}
    </Stack>
  );
}
