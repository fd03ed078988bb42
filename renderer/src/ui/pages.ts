import { useState } from 'react';

/**
 * The pages of a list read newest first by "show older": where each page starts (before which id;
 * the first at the top), and the "show older" of the last page. `key` names the list as it is now
 * (its filter, and where its first page ends): when it changes, the older pages are let go rather
 * than left to skip or repeat rows.
 */
export function useOlderPages(key: string): { starts: Array<number | undefined>; moreAt(index: number): ((beforeId: number) => void) | undefined } {
  const [older, setOlder] = useState<{ key: string; ids: number[] }>({ key: '', ids: [] });
  const pages = older.key === key ? older.ids : [];
  const starts: Array<number | undefined> = [undefined, ...pages];
  return { starts, moreAt: (index) => (index === starts.length - 1 ? (next) => setOlder({ key, ids: [...pages, next] }) : undefined) };
}
