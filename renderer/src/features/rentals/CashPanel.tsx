import { Stack, Text, Title } from '@mantine/core';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useMethod } from '../../api/hooks';
import { yuanText } from '../../ui/money';
import { CashCount } from '../dayClose/CashCount';
import { CurrentShift, FiguresTable, PastShifts } from './ShiftPanel';
import { Pending } from '../../ui/readFailed';

/** The drawer's shift, then the day's deposit money by payment method (taken − refunded − kept = expected), the day's count and past shifts. */
export function CashPanel() {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const cash = useMethod('rentals.cash', {});
  // The drawer's shift is read on its own: it shows whether or not the day's figures could be read.
  if (!cash.data) {
    return (
      <Stack gap="sm">
        <CurrentShift />
        <Pending read={cash} />
      </Stack>
    );
  }
  const { rows, totals } = cash.data;
  return (
    <Stack gap="sm">
      <CurrentShift />
      <Title order={3} fz="lg" mt="md">
        {t('rentals.cash.day')}
      </Title>
      <Text c="dimmed">{t('rentals.cash.since', { time: format.dateTime(cash.data.from) })}</Text>
      <FiguresTable rows={rows} totals={totals} label={t('rentals.cash.day')} testId="cash" />
      <Text fw={600}>{t('rentals.cash.held', { amount: yuanText(cash.data.heldFen, language), count: cash.data.heldCount })}</Text>
      <Title order={3} fz="lg" mt="md">
        {t('dayClose.sections.cash')}
      </Title>
      <CashCount />
      <PastShifts />
    </Stack>
  );
}
