/**
 * Release notes arrive as whatever the feed holds: plain text, Markdown, or HTML (electron-builder
 * copies GitHub's rendered notes). The app shows them as text only: tags are dropped here, in the
 * engine, and the renderer prints the result as React text — never raw HTML into the DOM.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export const MAX_NOTES_CHARS = 20_000;

/** Plain text from notes that may be HTML; block tags become line breaks, list items get "• ". */
export function notesToText(notes: unknown): string {
  const raw = Array.isArray(notes)
    ? notes.map((entry: { version?: unknown; note?: unknown }) => `${String(entry?.version ?? '')}\n${String(entry?.note ?? '')}`).join('\n\n')
    : typeof notes === 'string'
      ? notes
      : '';
  const text = raw
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/ul|\/ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/<[^>]*$/, '');
  return decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_NOTES_CHARS);
}
