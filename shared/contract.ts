/**
 * The OneWallet contract: every method the renderer may call and every event main pushes.
 * It is the single source of channel names and payload schemas. The preload, the router, the
 * browser-mode bridge and the renderer client are all derived from it; nothing else declares
 * a channel. Methods are named `capability/action` after the folders under `electron/`.
 *
 * Named methods only: a generic invoke(channel, …) would hand any renderer bug an oracle.
 */
import { z } from 'zod';
import { NewPassword } from './password-policy';
import { isSingleLineText } from './text-rules';
import type { ErrorCode, ErrorParams } from './errors';
import { LANGUAGES } from './i18n/types';
import * as commands from './ledger-commands';
import { PayeeList, PayeeQuery } from './daily-use-views';
import { BillQuery, BillTotals } from './bill-views';
import {
  AccountsView,
  BudgetsView,
  CategoriesView,
  CommandOutcome,
  NetWorthView,
  ReconcilePreview,
  ReportsView,
  TransactionHistory,
  TransactionPage,
  TransactionQuery,
  TransactionsAfterPage,
  TransactionsAfterQuery,
} from './ledger-views';
import { CrashReport, CrashSummary, RendererCrashInput, StartupState, SupportConfig } from './crash';
import * as imports from './import-views';
import { AlertList, AlertSettings, AlertView, CheckupFix, CheckupReport } from './security-centre';

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
export type Language = z.infer<typeof Language>;
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

// ── Wallets (electron/wallet: the vault file + its ledger, opened as one session) ──────────
/** A new password follows the one policy (shared/password-policy.ts); strength is judged in the UI (zxcvbn). */
const Password = NewPassword;
const CurrentPassword = z.string().min(1).max(1024);
/** Key files travel once, base64, like a password; the engine hashes them and forgets the bytes. */
export const KEY_FILE_MAX_BYTES = 1024 * 1024;
/** Shorter files are too easy to guess to count as a second factor (the vault refuses them too). */
export const KEY_FILE_MIN_BYTES = 32;
const KeyFile = z
  .string()
  .min(Math.ceil(KEY_FILE_MIN_BYTES / 3) * 4)
  .max(Math.ceil(KEY_FILE_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
/**
 * A wallet's name is stored in plain text (wallets.json, backup catalog and file names), which the
 * UI says where it is typed; one line without control characters, like every name.
 */
const WalletName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine(isSingleLineText, { params: { messageKey: 'errors.text.name' } });
const WalletId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const RecoveryKey = z.string().min(20).max(200);

export const WalletSummary = z.object({
  id: WalletId,
  name: z.string(),
  hasKeyFile: z.boolean(),
  failures: z.number().int(),
  retryAt: z.string().nullable(),
  /** no_permission: the file exists but this user may not read it (not "missing", not "damaged"). */
  problem: z.enum(['not_a_wallet', 'format_too_new', 'integrity', 'no_permission']).nullable(),
});
export type WalletSummary = z.infer<typeof WalletSummary>;

export const WalletStatus = z.object({
  wallets: z.array(WalletSummary),
  unlocked: z
    .object({
      id: WalletId,
      name: z.string(),
      /** read_only: the file or its folder cannot be written; file_lost: the file went away while open (save it as a new file). */
      access: z.enum(['read_write', 'read_only', 'file_lost']),
    })
    .nullable(),
});
export type WalletStatus = z.infer<typeof WalletStatus>;

export const FailedAttempts = z.object({ count: z.number().int(), times: z.array(z.string()) });
export const UnlockOutcome = z.object({ failedAttemptsSinceLastUnlock: FailedAttempts, snapshotWarnings: z.number().int() });
export type UnlockOutcome = z.infer<typeof UnlockOutcome>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  problems: z.array(
    z.object({
      where: z.string(),
      seq: z.number().int().optional(),
      detail: z.string(),
      messageKey: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

const WALLET_SECRETS_MAX = KEY_FILE_MAX_BYTES * 2;

// ── Ledger (electron/ledger): commands validated by the engine's own schemas, queries → views ─
/** A ledger command's input is the engine's command schema without its `type` (the method names it). */
const ledgerCommand = <T extends z.ZodType>(input: T) => method(input, CommandOutcome, { needsUnlockedWallet: true });
const omitType = { type: true } as const;
const ledgerQuery = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) =>
  method(input, output, { needsUnlockedWallet: true });
const Month = z.string().regex(/^\d{4}-\d{2}$/);
const IdInput = z.string().min(1).max(64);
const CrashId = z.string().regex(/^[0-9a-z-]{8,64}$/);

// ── Backups (electron/backup) ───────────────────────────────────────────────────────────────
const FolderPath = z.string().trim().min(1).max(4096);
const FileName = z.string().min(1).max(255).regex(/^[^/\\]+$/);

/** How many verified backups are kept: several from today, then one a day / week / month. */
export const RetentionView = z.object({
  today: z.number().int().min(1).max(100),
  days: z.number().int().min(0).max(365),
  weeks: z.number().int().min(0).max(260),
  months: z.number().int().min(0).max(600),
});

export const BackupSettingsView = z.object({
  primaryDir: z.string(),
  secondaryDir: z.string().nullable(),
  intervalHours: z.number().int(),
  onQuit: z.boolean(),
  retention: RetentionView,
});
export type BackupSettingsView = z.infer<typeof BackupSettingsView>;

export const BackupEntryView = z.object({
  file: z.string(),
  dir: z.string(),
  status: z.enum(['verified', 'unverified', 'damaged']),
  createdAt: z.string().nullable(),
  headSeq: z.number().int().nullable(),
  trigger: z.string().nullable(),
  bytes: z.number().int(),
  walletName: z.string().nullable(),
  /** A backup of the wallet open now (it opens without asking for a password). */
  mine: z.boolean(),
  problem: z.string().nullable(),
});
export type BackupEntryView = z.infer<typeof BackupEntryView>;

export const BackupOverview = z.object({
  settings: BackupSettingsView,
  backups: z.array(BackupEntryView),
  lastGood: z.object({ file: z.string(), createdAt: z.string() }).nullable(),
  /** No verified backup of the open wallet, or the newest is older than two schedule intervals (a week at most). */
  stale: z.boolean(),
  /** Files kept by full restores, newest first; each can be put back. */
  revertCopies: z.array(z.string()),
  /** The open wallet has changes no verified backup covers. */
  changedSinceLastBackup: z.boolean(),
});
export type BackupOverview = z.infer<typeof BackupOverview>;

/** The secret of a backup that is not the open wallet's: its password, or its recovery key. */
const BackupSecret = z.union([
  z.object({ password: CurrentPassword }).strict(),
  z.object({ recoveryKey: z.string().min(20).max(200) }).strict(),
]);

export const MergePreview = z.object({
  planId: z.string(),
  missingEvents: z.number().int(),
  missingTransactions: z.number().int(),
  missingAccounts: z.number().int(),
  missingCategories: z.number().int(),
  since: z.string().nullable(),
  skippedEvents: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['account', 'category', 'transaction', 'transfer']),
      label: z.string(),
      date: z.string().nullable(),
      amountMinor: z.number().int().nullable(),
      currency: z.string().nullable(),
      voided: z.boolean(),
    }),
  ),
  /** What the wallet changed after the backup (electron/backup/merge-differences.ts); a merge leaves these as they are. */
  changedSince: z.lazy(() => WalletChangesView),
});
export type MergePreview = z.infer<typeof MergePreview>;

// ── Daily use (issue #13): what a backup and the wallet differ in ───────────────────────────
const ChangedItemView = z.object({
  id: z.string(),
  kind: z.enum(['transaction', 'transfer']),
  label: z.string(),
  date: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  at: z.string(),
});
/** Counts, and the newest few items of each list (at most CHANGED_ITEMS_SHOWN). */
export const WalletChangesView = z.object({
  recorded: z.number().int(),
  voided: z.number().int(),
  restored: z.number().int(),
  amended: z.number().int(),
  newest: z.object({
    recorded: z.array(ChangedItemView),
    voided: z.array(ChangedItemView),
    restored: z.array(ChangedItemView),
    amended: z.array(ChangedItemView),
  }),
});
export type WalletChangesView = z.infer<typeof WalletChangesView>;
export const CHANGED_ITEMS_SHOWN = 5;

// ── Updates (electron/update): the policy's state, pushed as `update/changed` ───────────────
export const UPDATE_STATES = ['idle', 'checking', 'up-to-date', 'available', 'downloading', 'verifying', 'backing-up', 'ready', 'error'] as const;
export const UpdateChannel = z.enum(['stable', 'beta']);
export const UpdateSettingsView = z.object({
  channel: UpdateChannel,
  /** Check on start (after a short delay) and every `intervalHours`; "check now" works either way. */
  autoCheck: z.boolean(),
  /** Download a found update without asking (it still waits for "restart" after its backup). */
  autoDownload: z.boolean(),
  intervalHours: z.number().int().min(1).max(168),
});
const MessageRef = { messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) };
export const UpdateStatus = z.object({
  configured: z.boolean(),
  currentVersion: z.string(),
  state: z.enum(UPDATE_STATES),
  release: z
    .object({ version: z.string(), releaseDate: z.string().nullable(), sizeBytes: z.number().nullable(), notes: z.string(), channel: UpdateChannel })
    .nullable(),
  progress: z.object({ percent: z.number(), transferred: z.number(), total: z.number(), bytesPerSecond: z.number() }).nullable(),
  /** The pre-install backup: made and verified after the download verified, before "restart" is offered. */
  backup: z.object({ status: z.enum(['verified', 'deferred', 'failed']), file: z.string().nullable(), ...MessageRef }).nullable(),
  installOnQuit: z.boolean(),
  error: z.object({ kind: z.string(), during: z.enum(['check', 'download', 'install']), ...MessageRef }).nullable(),
  /** "Remind me later": the banner stays hidden until the next check finds something. */
  bannerHidden: z.boolean(),
  skippedVersion: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  settings: UpdateSettingsView,
  /** The first start of a new version shows its notes once. */
  whatsNew: z.object({ version: z.string(), notes: z.string() }).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;
export type UpdateSettingsView = z.infer<typeof UpdateSettingsView>;


// ── Security centre (electron/security): event log, panic lock, freeze with proof, auto-lock ─
/**
 * Kinds of security log entries (electron/security/EVENTS in electron/vault/FORMAT.md, "Security
 * log"). `import` / `import_undone` are written by the import capability through the engine's
 * `recordSecurityEvent` hook.
 */
export const SECURITY_EVENT_KINDS = [
  'wallet_created',
  'unlocked',
  'unlock_failed',
  'locked_out',
  'auth_failed',
  'password_changed',
  'key_file_changed',
  'recovery_key_changed',
  'recovery_used',
  'locked',
  'auto_locked',
  'panic_locked',
  'backup_made',
  'backup_verified',
  'backup_failed',
  'restored',
  'restore_reverted',
  'merged',
  'exported',
  'import',
  'import_undone',
  'account_frozen',
  'account_unfrozen',
  'all_frozen',
  'update_installed',
  'crash_report_written',
] as const;
export const SecurityEventKind = z.enum(SECURITY_EVENT_KINDS);
export type SecurityEventKind = z.infer<typeof SecurityEventKind>;
/** Details are small facts (counts, file names, reasons, account ids): never secrets, never amounts. */
export const SecurityEventDetails = z.record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]));
export type SecurityEventDetails = z.infer<typeof SecurityEventDetails>;
export const SecurityEvent = z.object({
  id: z.number().int(),
  /** When it happened (ISO 8601 UTC); for failed unlocks moved in at the next unlock, the attempt's time. */
  at: z.string(),
  kind: SecurityEventKind,
  details: SecurityEventDetails,
});
export type SecurityEvent = z.infer<typeof SecurityEvent>;
const Instant = z.string().datetime({ offset: true });
export const SecurityLogQuery = z
  .object({
    kinds: z.array(SecurityEventKind).max(SECURITY_EVENT_KINDS.length).optional(),
    /** Inclusive instants; newest first either way. */
    from: Instant.optional(),
    to: Instant.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export const SecurityLogPage = z.object({ total: z.number().int(), entries: z.array(SecurityEvent) });
export type SecurityLogPage = z.infer<typeof SecurityLogPage>;
/** What happened since an instant (the dashboard's "new since your last visit"): counts per kind, first/last time, newest entries. */
export const SecurityLogSummary = z.object({
  since: z.string().nullable(),
  total: z.number().int(),
  kinds: z.array(z.object({ kind: SecurityEventKind, count: z.number().int(), first: z.string(), last: z.string() })),
  newest: z.array(SecurityEvent),
});
export type SecurityLogSummary = z.infer<typeof SecurityLogSummary>;
/** Auto-lock (app settings, not secret). idleMinutes null = never (the UI warns). */
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AutoLockSettings = z.object({
  idleMinutes: z.number().int().min(AUTO_LOCK_MIN_MINUTES).max(24 * 60).nullable(),
  onSuspend: z.boolean(),
  onScreenLock: z.boolean(),
  onMinimize: z.boolean(),
});
export type AutoLockSettings = z.infer<typeof AutoLockSettings>;

const securityMethods = {
  'security/log': method(SecurityLogQuery, SecurityLogPage, { needsUnlockedWallet: true }),
  'security/logSummary': method(z.object({ since: Instant.nullable() }).strict(), SecurityLogSummary, { needsUnlockedWallet: true }),
  /** Locks at once, even during a long job (it stops at its next slice); `freezeAll` first freezes every open account. */
  'security/panicLock': method(z.object({ freezeAll: z.boolean() }).strict(), z.object({ frozen: z.number().int() })),
  /** Unfreezing needs proof: the password (and key file, if the wallet has one). A wrong one is logged. */
  'security/unfreezeAccount': method(
    z.object({ requestId: commands.RequestId, accountId: IdInput, password: CurrentPassword, keyFile: KeyFile.optional() }).strict(),
    CommandOutcome,
    { needsUnlockedWallet: true, maxPayloadBytes: WALLET_SECRETS_MAX },
  ),
  'security/autoLockSettings': method(NoInput, AutoLockSettings),
  'security/updateAutoLock': method(AutoLockSettings.partial().strict(), AutoLockSettings),
  /** Browser mode: the renderer saw input (sent at most every few seconds); resets the idle timer. */
  'security/activity': method(NoInput, Ok),
} as const;

export const methods = {
  'app/info': method(NoInput, AppInfo),
  'settings/get': method(NoInput, Settings),
  'settings/update': method(
    z.object({ language: Language.nullable().optional(), theme: Theme.optional() }).strict(),
    Settings,
  ),
  'wallet/status': method(NoInput, WalletStatus),
  'wallet/create': method(
    z.object({ name: WalletName, password: Password, keyFile: KeyFile.optional() }).strict(),
    z.object({ walletId: WalletId, recoveryKey: z.string() }),
    { maxPayloadBytes: WALLET_SECRETS_MAX },
  ),
  'wallet/unlock': method(
    z.object({ walletId: WalletId, password: CurrentPassword, keyFile: KeyFile.optional() }).strict(),
    UnlockOutcome,
    { maxPayloadBytes: WALLET_SECRETS_MAX },
  ),
  'wallet/recover': method(
    z.object({ walletId: WalletId, recoveryKey: RecoveryKey, newPassword: Password }).strict(),
    UnlockOutcome,
  ),
  'wallet/lock': method(NoInput, Ok),
  'wallet/changePassword': method(
    z.object({ oldPassword: CurrentPassword, newPassword: Password, keyFile: KeyFile.optional() }).strict(),
    Ok,
    { needsUnlockedWallet: true, maxPayloadBytes: WALLET_SECRETS_MAX },
  ),
  'wallet/setKeyFile': method(
    z.object({ password: CurrentPassword, currentKeyFile: KeyFile.optional(), keyFile: KeyFile.nullable() }).strict(),
    Ok,
    { needsUnlockedWallet: true, maxPayloadBytes: WALLET_SECRETS_MAX * 2 },
  ),
  /** Step one: a new recovery key to show. It is pending — the old key stays valid until confirmRecoveryKey. */
  'wallet/regenerateRecoveryKey': method(
    z.object({ password: CurrentPassword, keyFile: KeyFile.optional() }).strict(),
    z.object({ recoveryKey: z.string() }),
    { needsUnlockedWallet: true, maxPayloadBytes: WALLET_SECRETS_MAX },
  ),
  /** Step two of a new recovery key: the key returned by regenerateRecoveryKey, typed back; only now does the old one stop working. */
  'wallet/confirmRecoveryKey': method(z.object({ recoveryKey: RecoveryKey }).strict(), Ok, { needsUnlockedWallet: true }),
  'wallet/verify': method(NoInput, VerifyReport, { needsUnlockedWallet: true }),
  /** Everything the open wallet holds, written to a new wallet file (same password): the way out after its file was lost. */
  'wallet/saveAsNew': method(z.object({ name: z.string().trim().min(1).max(60) }).strict(), z.object({ walletId: WalletId }), { needsUnlockedWallet: true }),

  'ledger/openAccount': ledgerCommand(commands.OpenAccount.omit(omitType)),
  'ledger/updateAccount': ledgerCommand(commands.UpdateAccount.omit(omitType)),
  'ledger/reorderAccounts': ledgerCommand(commands.ReorderAccounts.omit(omitType)),
  'ledger/freezeAccount': ledgerCommand(commands.FreezeAccount.omit(omitType)),
  // Unfreezing needs the password: `security/unfreezeAccount` (security centre, freeze with proof).
  'ledger/closeAccount': ledgerCommand(commands.CloseAccount.omit(omitType)),
  'ledger/recordTransaction': ledgerCommand(commands.RecordTransaction.omit(omitType)),
  'ledger/recordTransfer': ledgerCommand(commands.RecordTransfer.omit(omitType)),
  'ledger/amendTransaction': ledgerCommand(commands.AmendTransaction.omit(omitType)),
  'ledger/voidTransaction': ledgerCommand(commands.VoidTransaction.omit(omitType)),
  'ledger/restoreTransaction': ledgerCommand(commands.RestoreTransaction.omit(omitType)),
  'ledger/setTransactionStatus': ledgerCommand(commands.SetTransactionStatus.omit(omitType)),
  'ledger/defineCategory': ledgerCommand(commands.DefineCategory.omit(omitType)),
  'ledger/setBudget': ledgerCommand(commands.SetBudget.omit(omitType)),
  'ledger/reconcile': ledgerCommand(commands.Reconcile.omit(omitType)),
  'ledger/adjustBalance': ledgerCommand(commands.AdjustBalance.omit(omitType)),

  // ── Daily use (issue 13): categories managed in place, payees remembered ──
  'ledger/addStarterCategories': ledgerCommand(commands.AddStarterCategories.omit(omitType)),
  'ledger/mergeCategory': ledgerCommand(commands.MergeCategory.omit(omitType)),
  'ledger/deleteCategory': ledgerCommand(commands.DeleteCategory.omit(omitType)),
  /** Payees from history, each with the kind, account and category it was last booked as. */
  'ledger/payees': ledgerQuery(PayeeQuery, PayeeList),
  /**
   * Exchange rates kept in the wallet (so backups and other browsers have them): one `currency` is
   * worth `rate` of `base`. `ledger/netWorth` and `ledger/reports` use them unless given `rates`.
   */
  'ledger/setExchangeRate': ledgerCommand(commands.SetExchangeRate.omit(omitType)),
  'ledger/exchangeRates': ledgerQuery(
    NoInput,
    z.object({ rates: z.array(z.object({ currency: z.string().length(3), base: z.string().length(3), rate: z.string() })) }),
  ),

  'backup/overview': ledgerQuery(NoInput, BackupOverview),
  'backup/create': ledgerQuery(NoInput, z.object({ file: z.string(), dir: z.string(), verified: z.boolean(), events: z.number().int(), failures: z.array(z.object({ dir: z.string(), code: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })) })),
  'backup/verify': ledgerQuery(
    z.object({ dir: FolderPath, file: FileName, secret: BackupSecret.optional() }).strict(),
    z.object({ ok: z.boolean(), events: z.number().int(), problems: VerifyReport.shape.problems }),
  ),
  'backup/updateSettings': ledgerQuery(
    z
      .object({
        primaryDir: FolderPath.optional(),
        secondaryDir: FolderPath.nullable().optional(),
        intervalHours: z.number().int().min(0).max(720).optional(),
        onQuit: z.boolean().optional(),
        retention: RetentionView.strict().optional(),
      })
      .strict(),
    BackupSettingsView,
  ),
  'backup/previewMerge': ledgerQuery(z.object({ dir: FolderPath, file: FileName, secret: BackupSecret.optional() }).strict(), MergePreview),
  'backup/applyMerge': ledgerQuery(
    z.object({ planId: z.string().max(64), picked: z.array(z.string().max(200)).max(200_000).nullable() }).strict(),
    z.object({ appended: z.number().int(), transactions: z.number().int(), accounts: z.number().int() }),
  ),
  /** Replaces the open wallet with a backup of it; the wallet locks and reopens with the password it had then. */
  'backup/restoreFull': ledgerQuery(z.object({ dir: FolderPath, file: FileName }).strict(), z.object({ revertFile: z.string() })),
  /** Before a full restore: what the wallet recorded or changed after this backup, i.e. what replacing it loses. */
  'backup/restorePreview': ledgerQuery(z.object({ dir: FolderPath, file: FileName }).strict(), WalletChangesView),
  'backup/revert': ledgerQuery(z.object({ revertFile: FileName }).strict(), Ok),
  'backup/export': ledgerQuery(
    // CSV: column names and values in `language` (people), or English names and codes for tools.
    z.object({ format: z.enum(['csv', 'json']), dir: FolderPath.optional(), language: Language.optional(), englishHeaders: z.boolean().optional() }).strict(),
    z.object({ path: z.string(), count: z.number().int() }),
  ),
  /** "I have a backup": a new wallet from a backup file (then unlocked with that backup's password or recovery key). */
  'backup/restoreAsNew': method(
    z.object({ path: FolderPath, name: WalletName }).strict(),
    z.object({ walletId: WalletId }),
  ),

  'ledger/accounts': ledgerQuery(NoInput, AccountsView),
  'ledger/transactions': ledgerQuery(TransactionQuery, TransactionPage),
  /** The page after a cursor of `ledger/transactions` (keyset): what the list reads while scrolling on. */
  'ledger/transactionsAfter': ledgerQuery(TransactionsAfterQuery, TransactionsAfterPage),
  /** The bill view: spent / income / net of the list's filter, in total and per month, per currency (summed by the engine). */
  'ledger/billTotals': ledgerQuery(BillQuery, BillTotals),
  'ledger/register': ledgerQuery(
    z.object({ accountId: IdInput, offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    TransactionPage,
  ),
  'ledger/recentlyDeleted': ledgerQuery(
    z.object({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    TransactionPage,
  ),
  'ledger/history': ledgerQuery(z.object({ transactionId: IdInput }).strict(), TransactionHistory),
  'ledger/categories': ledgerQuery(NoInput, CategoriesView),
  'ledger/budgets': ledgerQuery(z.object({ month: Month }).strict(), BudgetsView),
  'ledger/reports': ledgerQuery(
    z
      .object({ from: Month, to: Month, currency: z.string().length(3), rates: z.record(z.string().length(3), z.string().max(32)).optional() })
      .strict(),
    ReportsView,
  ),
  'ledger/netWorth': ledgerQuery(
    z.object({ currency: z.string().length(3), rates: z.record(z.string().length(3), z.string().max(32)).optional() }).strict(),
    NetWorthView,
  ),
  'ledger/reconcilePreview': ledgerQuery(
    z
      .object({
        accountId: IdInput,
        statementDate: z.string().max(10),
        statementBalance: z.string().max(32),
        clearedTransactionIds: z.array(IdInput).max(10_000),
      })
      .strict(),
    ReconcilePreview,
  ),
  /** Live, not yet reconciled lines of an account up to the statement date: what the user can tick. */
  'ledger/reconcileCandidates': ledgerQuery(z.object({ accountId: IdInput, statementDate: z.string().max(10) }).strict(), TransactionPage),

  'update/status': method(NoInput, UpdateStatus),
  /** A manual check: always runs (also after a skip or a failed download) and ignores staged rollout. */
  'update/check': method(NoInput, UpdateStatus),
  'update/download': method(NoInput, UpdateStatus),
  'update/cancel': method(NoInput, UpdateStatus),
  'update/skip': method(NoInput, UpdateStatus),
  'update/remindLater': method(NoInput, UpdateStatus),
  'update/retryBackup': method(NoInput, UpdateStatus),
  /** Only from "ready"; without a verified (or, for a locked wallet, deferred) backup only with `withoutBackup`. */
  'update/install': method(z.object({ when: z.enum(['now', 'on-quit']), withoutBackup: z.boolean().optional() }).strict(), UpdateStatus),
  'update/updateSettings': method(UpdateSettingsView.pick({ channel: true, autoCheck: true, autoDownload: true }).partial().strict(), UpdateStatus),
  'update/dismissWhatsNew': method(NoInput, UpdateStatus),

  // ── Crash reports (electron/crash): local, scrubbed, shared only with consent ──────────────
  /** What this start found: an unclean exit, how many in a row, whether the integrity check is due. */
  'crash/startup': method(NoInput, StartupState),
  /** After an unclean exit the check ran at unlock (or the user saw its result): stop asking. */
  'crash/checkDone': method(NoInput, Ok),
  /** Safe start: this run takes default settings and skips automatic backups and update checks. */
  'crash/safeStart': method(NoInput, Ok),
  'crash/support': method(NoInput, SupportConfig),
  'crash/list': method(NoInput, z.array(CrashSummary)),
  'crash/get': method(z.object({ id: CrashId }).strict(), CrashReport),
  'crash/delete': method(z.union([z.object({ id: CrashId }).strict(), z.object({ all: z.literal(true) }).strict()]), z.object({ deleted: z.number().int() })),
  /** One JSON bundle: the chosen reports and, if asked, redacted diagnostics. */
  'crash/export': method(
    z.object({ ids: z.array(CrashId).max(50), diagnostics: z.boolean(), dir: FolderPath.optional() }).strict(),
    z.object({ path: z.string(), reports: z.number().int() }),
  ),
  /** Sends one report to the build's endpoint; `consent` is asked per report and never remembered. */
  'crash/send': method(z.object({ id: CrashId, consent: z.literal(true) }).strict(), Ok),
  /** The renderer's own crashes: window.onerror, unhandledrejection, React error boundaries. */
  'crash/reportRenderer': method(RendererCrashInput, z.object({ id: z.string().nullable() }), { maxPayloadBytes: 48 * 1024 }),
  /** Settings → Diagnostics: make the engine record a real crash of the given kind. */
  'crash/test': method(z.object({ target: z.enum(['rejection', 'worker', 'exception']) }).strict(), Ok),
  'crash/reportProblem': method(
    z
      .object({
        description: z.string().trim().min(1).max(8000),
        contact: z.string().trim().max(200).nullable(),
        diagnostics: z.boolean(),
        send: z.boolean(),
        dir: FolderPath.optional(),
      })
      .strict(),
    z.object({ path: z.string().nullable(), sent: z.boolean() }),
  ),
  ...securityMethods,

  // ── Statement import (electron/import; shapes in shared/import-views.ts) ──────────────────
  // Files come as a path (Electron, CLI) or as bytes the page read (browser mode): only the two
  // methods that take a file raise the payload cap, to the transport's.
  'import/detect': method(
    z
      .object({
        source: imports.ImportSource,
        accountId: IdInput.nullable(),
        format: imports.PreviewInput.shape.format,
        encoding: imports.PreviewInput.shape.encoding,
        mapping: imports.MappingJson.optional(),
        dateOrder: imports.PreviewInput.shape.dateOrder,
      })
      .strict(),
    imports.DetectResult,
    { needsUnlockedWallet: true, maxPayloadBytes: TRANSPORT_MAX_PAYLOAD_BYTES },
  ),
  'import/preview': method(imports.PreviewInput, imports.ImportPreview, { needsUnlockedWallet: true, maxPayloadBytes: TRANSPORT_MAX_PAYLOAD_BYTES }),
  'import/rows': ledgerQuery(
    z
      .object({
        planId: z.string().max(64),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
        status: z.enum(imports.ROW_STATUSES).optional(),
      })
      .strict(),
    imports.ImportRowsPage,
  ),
  /** Totals, balances and warnings with the chosen possible duplicates included. */
  'import/totals': ledgerQuery(
    z.object({ planId: z.string().max(64), include: z.array(z.number().int().min(0)).max(500_000) }).strict(),
    imports.ImportPreview.pick({ totals: true, balances: true, warnings: true }),
  ),
  /** Records the plan as one batch; progress as `task/progress` (kind 'import'). */
  'import/commit': ledgerQuery(
    z.object({ planId: z.string().max(64), include: z.array(z.number().int().min(0)).max(500_000), requestId: commands.RequestId }).strict(),
    imports.ImportCommitResult,
  ),
  'import/history': ledgerQuery(NoInput, z.object({ batches: z.array(imports.ImportBatchView) })),
  /** Voids every line of the batch (one event); `import/restore` undoes the undo. */
  'import/undo': ledgerQuery(z.object({ batchId: IdInput, requestId: commands.RequestId }).strict(), z.object({ batchId: z.string() })),
  'import/restore': ledgerQuery(z.object({ batchId: IdInput, requestId: commands.RequestId }).strict(), z.object({ batchId: z.string() })),
  'import/saveMapping': ledgerQuery(z.object({ accountId: IdInput, mapping: imports.MappingJson }).strict(), Ok),
  'import/mappings': ledgerQuery(NoInput, z.object({ mappings: z.record(z.string(), imports.MappingJson) })),
  // ── Security centre: anomaly alerts and checkup (electron/security/alerts, …/checkup) ───────
  /** Alerts on the last 90 days of lines, newest first; dismissed and "not unusual" ones left out. */
  'alerts/list': ledgerQuery(NoInput, AlertList),
  /** Puts an alert away; `quietDays` keeps its condition (payee, account…) quiet that long. */
  'alerts/dismiss': ledgerQuery(z.object({ alertKey: z.string().min(1).max(600), quietDays: z.int().min(1).max(365).optional() }).strict(), Ok),
  /** "Not unusual": puts it away and teaches its rule (that payee up to that amount, that account…). */
  'alerts/markUsual': ledgerQuery(z.object({ alertKey: z.string().min(1).max(600) }).strict(), Ok),
  'alerts/settings': ledgerQuery(NoInput, AlertSettings),
  'alerts/updateSettings': ledgerQuery(AlertSettings, AlertSettings),
  /** The checkup now: score, items, what each fix does. Needs the wallet open (backups, alerts, the password's strength at unlock). */
  'checkup/run': ledgerQuery(NoInput, CheckupReport),
  /** The user looked at the checkup: its score becomes the one a later drop is measured against. */
  'checkup/review': ledgerQuery(NoInput, CheckupReport),
  /** One-click fixes the engine can run itself (the others are navigation in the renderer). */
  'checkup/fix': ledgerQuery(z.object({ fix: CheckupFix.extract(['runVerify', 'runBackup', 'runUpdateCheck']) }).strict(), CheckupReport),
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
  'wallet/changed': WalletStatus,
  /** Something in the ledger changed (a command, a merge, a restore): views refetch. */
  'ledger/changed': z.object({ seq: z.number().int() }),
  /** A backup was written (views refresh their list and the dashboard's warning). */
  'backup/changed': z.object({ at: z.string() }),
  'task/progress': TaskProgress,
  /** The update policy's state changed (check, progress, verification, backup, ready, error). */
  'update/changed': UpdateStatus,
  /** A crash report was written (the crash view refreshes). */
  'crash/recorded': z.object({ id: z.string() }),
  /** A security log entry was written (the log view refreshes; the dashboard's card too). */
  'security/logged': z.object({ kind: SecurityEventKind }),
  /** New alerts fired on lines just recorded or imported (the shell shows an OS notification). */
  'alerts/fired': z.object({ alerts: z.array(AlertView) }),
  /** The alert list changed (dismissed, marked usual, settings): views refetch. */
  'alerts/changed': z.object({ count: z.int() }),
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
