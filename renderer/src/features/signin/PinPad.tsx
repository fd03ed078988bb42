import { SimpleGrid, Button } from '@mantine/core';
import { IconBackspace } from '@tabler/icons-react';
import { useT } from '../../app/i18n';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A big numeric keypad for touch screens and gloved fingers; the keyboard works as well. */
export function PinPad({ onDigit, onClear, onDelete, disabled }: { onDigit(d: string): void; onClear(): void; onDelete(): void; disabled?: boolean }) {
  const t = useT();
  const key = (label: string) => (
    <Button key={label} variant="default" size="xl" h={64} fz={26} disabled={disabled} onClick={() => onDigit(label)} tabIndex={-1}>
      {label}
    </Button>
  );
  return (
    <SimpleGrid cols={3} spacing="sm" role="group" aria-label={t('signIn.keypad')}>
      {DIGITS.map(key)}
      <Button variant="subtle" size="xl" h={64} fz="md" disabled={disabled} onClick={onClear} tabIndex={-1}>
        {t('signIn.keypadClear')}
      </Button>
      {key('0')}
      <Button variant="subtle" size="xl" h={64} disabled={disabled} onClick={onDelete} aria-label={t('signIn.keypadDelete')} tabIndex={-1}>
        <IconBackspace size={28} />
      </Button>
    </SimpleGrid>
  );
}
