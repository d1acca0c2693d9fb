/**
 * The distributor's support channels and crash endpoint, fixed at build time: build-node.mjs
 * replaces `process.env.ONEWALLET_SUPPORT` with package.json's `onewallet.support` object. A user
 * cannot point the app at another server, and a build without an endpoint has no send button.
 */
import { z } from 'zod';
import type { SupportSettings } from './upload';

const BuildSupport = z.object({
  endpoint: z.string().url().nullable().optional(),
  email: z.string().nullable().optional(),
  site: z.string().url().nullable().optional(),
});

export function buildSupportSettings(): SupportSettings {
  let parsed: z.infer<typeof BuildSupport> = {};
  try {
    parsed = BuildSupport.parse(JSON.parse(process.env.ONEWALLET_SUPPORT ?? '{}'));
  } catch {
    parsed = {};
  }
  return { endpoint: parsed.endpoint ?? null, email: parsed.email ?? null, site: parsed.site ?? null };
}
