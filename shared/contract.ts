/**
 * The OneWallet contract: every method the renderer may call and every event main pushes.
 * It is the single source of channel names and payload schemas. The preload, the router, the
 * browser-mode bridge and the renderer client are all derived from it; nothing else declares
 * a channel. Methods are named `capability/action` after the folders under `electron/`.
 *
 * Named methods only: a generic invoke(channel, …) would hand any renderer bug an oracle.
 */
import { z } from 'zod';
import type { ErrorCode, ErrorParams } from './errors';
import { LANGUAGES } from './i18n/types';

/** Default cap on one request's JSON size; methods that take files may raise it. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
/** Hard cap for any single message on any transport. */
export const TRANSPORT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Largest accepted request, measured as UTF-8 JSON. */
  maxPayloadBytes: number;
  /** Whether the wallet must be unlocked (the router refuses otherwise). */
  needsUnlockedWallet: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: Partial<Pick<MethodSpec<I, O>, 'maxPayloadBytes' | 'needsUnlockedWallet'>> = {},
): MethodSpec<I, O> {
  return {
    input,
    output,
    maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    needsUnlockedWallet: options.needsUnlockedWallet ?? false,
  };
}

const NoInput = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const Language = z.enum(LANGUAGES);
export const Theme = z.enum(['light', 'dark', 'system']);

export const Settings = z.object({
  language: Language.nullable(),
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  systemLanguage: Language,
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const methods = {
  'app/info': method(NoInput, AppInfo),
  'settings/get': method(NoInput, Settings),
  'settings/update': method(
    z.object({ language: Language.nullable().optional(), theme: Theme.optional() }).strict(),
    Settings,
  ),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const TaskProgress = z.object({
  taskId: z.string(),
  kind: z.string(),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
});

export const events = {
  'settings/changed': Settings,
  'task/progress': TaskProgress,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/** What every call returns on every transport: never a thrown error, never a stack trace. */
export type Failure = { ok: false; code: ErrorCode; messageKey: string; params: ErrorParams };
export type Result<T> = { ok: true; value: T } | Failure;

// ── Channels (the only place they are spelled) ─────────────────────────────────────────────
export const ipcChannelFor = (name: MethodName): string => `onewallet:${name}`;
export const IPC_EVENT_CHANNEL = 'onewallet:event';
export const WS_PATH = '/rpc';

/** Browser-mode wire messages. */
export const WsRequest = z.object({ id: z.number().int().nonnegative(), method: z.string().max(100), input: z.unknown() });
export type WsRequest = z.infer<typeof WsRequest>;
export type WsServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };

// ── The renderer's API, derived from the method names: `api.settings.update({...})` ────────
type CapabilityOf<M extends string> = M extends `${infer C}/${string}` ? C : never;
type ActionOf<M extends string, C extends string> = M extends `${C}/${infer A}` ? A : never;

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

export type OneWalletApi = {
  [C in CapabilityOf<MethodName>]: {
    [A in ActionOf<MethodName, C>]: `${C}/${A}` extends infer M extends MethodName
      ? (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
      : never;
  };
} & {
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void;
};

/** Builds the nested API object from a single `call` function; used by the preload and the WebSocket client alike. */
export function buildApi(
  call: (name: MethodName, input: unknown) => Promise<Result<unknown>>,
  on: (name: EventName, listener: (payload: unknown) => void) => () => void,
): OneWalletApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of METHOD_NAMES) {
    const [capability, action] = name.split('/') as [string, string];
    (api[capability] ??= {})[action] = (input: unknown) => call(name, input ?? {});
  }
  return { ...api, on } as unknown as OneWalletApi;
}

export { Ok };
