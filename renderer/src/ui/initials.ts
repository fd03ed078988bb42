/** An avatar's letters: the surname for a Chinese name (王经理 → 王), initials otherwise (Ann Lee → AL). */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (/^[\u3400-\u9fff]/.test(trimmed)) return Array.from(trimmed)[0] ?? '';
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toUpperCase();
}
