/** A random reference chosen once per submission, so a retry is recognised (works outside secure contexts too). */
export function newClientRef(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
