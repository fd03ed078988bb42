import type { ReactNode } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';

/** A row action: a 44 px icon button with its name as tooltip and accessible label (`<what> <which>`). */
export function IconAction({ label, target, color, onClick, children }: { label: string; target: string; color?: string; onClick(): void; children: ReactNode }) {
  return (
    <Tooltip label={label}>
      <ActionIcon size={44} variant="light" color={color} aria-label={`${label} ${target}`} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
