/**
 * CSV as Excel and every other tool read it (RFC 4180): fields with a comma, quote, CR or LF are
 * quoted with inner quotes doubled; lines end in CRLF; a UTF-8 BOM first, so Excel on a Chinese
 * Windows opens 中文 as UTF-8 instead of GBK.
 */
const BOM = '\uFEFF';

export function csvField(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote prefix keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
