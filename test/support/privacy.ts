/**
 * The IIN-shaped numbers in a payload: runs of exactly twelve digits. Ids and log hashes are left
 * out first, since a UUID's last group or a stretch of a SHA-256 hex digest is now and then
 * twelve digits by chance (CI once failed on "…d004439131474a…" inside a hash).
 */
export function iinShapedNumbers(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const withoutIds = text
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '')
    .replace(/\b[0-9a-f]{32,}\b/gi, '');
  return withoutIds.match(/(?<!\d)\d{12}(?!\d)/g) ?? [];
}
