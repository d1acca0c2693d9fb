/**
 * The signed update feed: every channel file (`latest-linux.yml`, `beta.yml`, …) has a detached
 * Ed25519 signature beside it (`<file>.sig`, base64), made by the release key whose public half is
 * pinned in the app. The signed message binds the file's name, so a validly signed `beta.yml`
 * cannot be served as `latest.yml` to push a pre-release onto the stable channel.
 * build/scripts/update-feed.mjs makes the same message; the format is in electron/update/README.md.
 */
import sodium from 'libsodium-wrappers-sumo';

export const SIGNATURE_SUFFIX = '.sig';
const DOMAIN = 'onewallet-update-feed-v1\n';
export const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export function signedMessage(fileName: string, metadata: Uint8Array): Uint8Array {
  const head = Buffer.from(`${DOMAIN}${fileName}\n`, 'utf8');
  return Buffer.concat([head, metadata]);
}

/** Only a well-formed base64 Ed25519 signature over exactly these bytes by exactly this key. */
export async function verifyFeedSignature(publicKey: Uint8Array, fileName: string, metadata: Uint8Array, signatureText: string | null): Promise<boolean> {
  if (signatureText === null || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  const trimmed = signatureText.trim();
  if (!/^[A-Za-z0-9+/]{86}==$/.test(trimmed)) return false;
  const signature = Buffer.from(trimmed, 'base64');
  if (signature.length !== SIGNATURE_BYTES) return false;
  await sodium.ready;
  return sodium.crypto_sign_verify_detached(signature, signedMessage(fileName, metadata), publicKey);
}

export async function signFeedFile(secretKey: Uint8Array, fileName: string, metadata: Uint8Array): Promise<string> {
  await sodium.ready;
  return Buffer.from(sodium.crypto_sign_detached(signedMessage(fileName, metadata), secretKey)).toString('base64');
}

export function decodePublicKey(base64: string): Uint8Array {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== PUBLIC_KEY_BYTES) throw new Error('an update public key is 32 bytes (base64)');
  return new Uint8Array(key);
}
