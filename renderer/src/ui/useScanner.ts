import { useEffect, useRef } from 'react';

/**
 * A barcode scanner types like a keyboard, fast, ending with Enter. When no field has the focus,
 * characters typed less than `gapMs` apart and ended by Enter are one scan: `onScan(code)`.
 */
export function useScanner(onScan: (code: string) => void, { gapMs = 60, minLength = 4 } = {}): void {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let buffer = '';
    let last = 0;
    const listener = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('[role="dialog"]')) return;
      const now = performance.now();
      if (now - last > gapMs) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= minLength) {
          event.preventDefault();
          handler.current(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [gapMs, minLength]);
}
