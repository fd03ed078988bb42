import { Stack, Text, type TextProps } from '@mantine/core';
import { chineseCapital, formatYuan } from '@shared/rules/money';
import { useLanguage } from '../app/i18n';

/** Money with its unit, always: `¥500.00` (and the capital numerals where a receipt would show them). */
export function Money({ fen, words, ...props }: { fen: number; words?: boolean } & TextProps) {
  const { language } = useLanguage();
  return (
    <Stack gap={0} component="span">
      {/* One line: "CNY 500.00" never breaks between the currency and the amount. */}
      <Text component="span" ff="monospace" style={{ whiteSpace: 'nowrap' }} {...props}>
        {language === 'zh-CN' ? `¥${formatYuan(fen)}` : `CNY ${formatYuan(fen)}`}
      </Text>
      {words ? (
        <Text component="span" fz="sm" c="dimmed">
          {chineseCapital(fen)}
        </Text>
      ) : null}
    </Stack>
  );
}

export function yuanText(fen: number, language: string): string {
  return language === 'zh-CN' ? `¥${formatYuan(fen)}` : `CNY ${formatYuan(fen)}`;
}
