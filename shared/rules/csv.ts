/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null;

/**
 * One cell. Text a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, a tab or a
 * carriage return) is kept as text with a leading apostrophe: a visitor's words typed at the counter
 * never run in finance's spreadsheet. Quotes, commas and line breaks are quoted.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file: UTF-8 with a byte-order mark (spreadsheets then read Chinese), a header row, CRLF line ends. */
export function csvFile(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
