/**
 * Which links may leave the app for the user's browser (Electron checklist: "do not use
 * shell.openExternal with untrusted content"): https only, and only to hosts on the allowlist — the
 * build's support site (package.json → onewallet.support.site). Anything else is dropped. Pure, so
 * the shell and its tests share it.
 */
export function allowedExternalHosts(supportSite: string | null): string[] {
  if (!supportSite) return [];
  try {
    const url = new URL(supportSite);
    return url.protocol === 'https:' ? [url.host] : [];
  } catch {
    return [];
  }
}

export function isAllowedExternalUrl(candidate: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  // No credentials in the URL (https://trusted@evil.example reads as trusted to a person).
  return url.protocol === 'https:' && url.username === '' && url.password === '' && hosts.includes(url.host);
}
