import { Alert, Paper, Stack, Text } from '@mantine/core';
import type { PagingDetails } from '@shared/contract';
import { scriptKindOf } from '@shared/rules/paging';
import { fillScript, scriptValues, untranslatedFields } from '@shared/rules/scripts';
import { useLanguage, useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useMethod } from '../../api/hooks';

/** The announcement as it will be read, filled from the same standard scripts and rules as the counter's. */
export function ScriptPreview({ details }: { details: PagingDetails | undefined }) {
  const t = useT();
  const { language } = useLanguage();
  const { info } = usePark();
  const scripts = useMethod('paging.scripts.list', {});
  const departments = useMethod('departments.list', {});
  if (!details) return null;
  const kind = scriptKindOf(details);
  const department = details.kind === 'summonHead' ? departments.data?.find((d) => d.id === details.departmentId) : undefined;
  const context = { timeZone: info.timeZone, department };
  const text = (language: 'zh-CN' | 'en') => {
    if (details.kind === 'general') return language === 'zh-CN' ? details.textZh : details.textEn;
    const template = scripts.data?.find((s) => s.kind === kind && s.language === language)?.text ?? '';
    return fillScript(template, scriptValues(details, language, context));
  };
  const english = text('en');
  const untranslated = untranslatedFields(details, context);
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" aria-label={t('paging.counter.preview')}>
      <Text fz="sm" c="dimmed" mb={4}>
        {t('paging.counter.preview')}
      </Text>
      <Stack gap={6}>
        <Text lang="zh-CN">{text('zh-CN')}</Text>
        {english ? <Text lang="en">{english}</Text> : null}
        {untranslated.length > 0 ? (
          <Alert color="orange" p="xs" data-testid="untranslated">
            {t('paging.counter.untranslated', { fields: list.format(untranslated.map((field) => t(`paging.fields.${field}`))) })}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
