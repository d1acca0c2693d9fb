/**
 * The first worksheet of an .xlsx file → the same rows of cells the CSV reader gives (1-based row
 * numbers as lines), through exceljs. Numbers keep their shortest exact text (28.16 → '28.16'),
 * dates become 'YYYY-MM-DD HH:mm:ss' (exceljs hands wall-clock time as UTC), formulas their result.
 * The zip's declared unpacked size is checked first (a zip bomb is refused, not inflated).
 */
import type ExcelJS from 'exceljs';
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

/** A bill of 500k rows unpacks to well under this; more is a zip bomb, not a statement. */
export const MAX_XLSX_UNPACKED_BYTES = 512 * 1024 * 1024;

/**
 * The total unpacked size the zip's central directory declares, or Infinity when it cannot be read
 * or uses ZIP64 sizes. Checked before exceljs inflates anything, so a small file cannot make it
 * unpack gigabytes.
 */
export function declaredUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return Infinity;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return Infinity;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

export async function readWorkbook(bytes: Uint8Array, maxRows: number): Promise<TableRow[]> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === Infinity) abort(0, 'errors.import.xlsx_invalid');
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) abort(0, 'errors.import.too_large', { max: MAX_XLSX_UNPACKED_BYTES });
  // Loaded on first use: exceljs takes ~0.5 s to initialise, which every CLI run, engine start and
  // window would otherwise pay for a format most imports never see.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
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
