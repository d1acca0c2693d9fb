/**
 * Every way an update can fail, reduced to one kind each; the UI shows one translated sentence
 * per kind saying what to do (shared/i18n/update.ts, `errors.update.<kind>`).
 */
import { BAD_SIGNATURE_CODE } from './signed-provider';
import { UpdateFailure } from './source';

const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND']);
const BAD_METADATA = new Set(['ERR_UPDATER_INVALID_UPDATE_INFO', 'ERR_UPDATER_INVALID_VERSION', 'ERR_UPDATER_NO_FILES_PROVIDED', 'ERR_UPDATER_NO_CHECKSUM']);

export function classifyUpdateError(error: unknown): UpdateFailure {
  if (error instanceof UpdateFailure) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  const statusCode = Number((error as { statusCode?: unknown })?.statusCode);
  const message = error instanceof Error ? error.message : String(error);
  if (code === BAD_SIGNATURE_CODE) return new UpdateFailure('bad_signature', message);
  if (code === 'ERR_CHECKSUM_MISMATCH' || code === 'ERR_UPDATER_ZIP_FILE_NOT_FOUND') return new UpdateFailure('checksum_mismatch', message);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UpdateFailure('disk_full', message);
  if (OFFLINE.has(code)) return new UpdateFailure('offline', message);
  if (code === 'ETIMEDOUT' || /timed out/i.test(message)) return new UpdateFailure('timeout', message);
  if (UNREACHABLE.has(code) || Number.isFinite(statusCode)) return new UpdateFailure('feed_unreachable', message);
  if (BAD_METADATA.has(code) || /YAMLException|Cannot parse update info/i.test(message)) return new UpdateFailure('bad_metadata', message);
  return new UpdateFailure('download_failed', message);
}
