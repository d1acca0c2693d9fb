/** A plain-text table printer: a title, a header row and left/right aligned columns. */

export type Cell = string | number;

/** Width in terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Prints `rows` under `header`; the first column is left-aligned, the others right-aligned. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[], notes: readonly string[] = []): void {
  const text = rows.map((row) => row.map(String));
  const widths = header.map((name, column) => Math.max(displayWidth(name), ...text.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((cell, column) => pad(cell, widths[column] ?? 0, column > 0)).join('  ');
  const rule = '─'.repeat(widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1));
  console.log(`\n${title}\n${rule}`);
  console.log(line(header));
  console.log(rule);
  for (const row of text) console.log(line(row));
  console.log(rule);
  for (const note of notes) console.log(`  ${note}`);
}
