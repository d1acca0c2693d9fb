/**
 * The first worksheet of an .xlsx file → the same rows of cells the CSV reader gives (1-based row
 * numbers as lines), through exceljs. Numbers keep their shortest exact text (28.16 → '28.16'),
 * dates become 'YYYY-MM-DD HH:mm:ss' (exceljs hands wall-clock time as UTC), formulas their result.
 */
import ExcelJS from 'exceljs';
import { abort } from './issues';
import { cleanCell, type TableRow } from './table';

type Cell = ExcelJS.CellValue;

function two(value: number): string {
  return String(value).padStart(2, '0');
}

export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`;
    return `${date} ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}:${two(value.getUTCSeconds())}`;
  }
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => String(part?.text ?? '')).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('result' in value) return cellText(value.result as Cell);
  return '';
}

export async function readWorkbook(bytes: Uint8Array, maxRows: number): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    abort(0, 'errors.import.xlsx_invalid');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) abort(0, 'errors.import.xlsx_invalid');
  if (sheet.rowCount > maxRows) abort(0, 'errors.import.too_many_rows', { max: maxRows });
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ line: rowNumber, cells: Array.from(values, (value) => cleanCell(cellText(value as Cell))) });
  });
  return rows;
}
