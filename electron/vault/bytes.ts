/** Byte helpers shared by the format code: fixed-width little-endian integers, concatenation, hex. */

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Unsigned 64-bit little-endian; seq numbers and byte sizes are written this way everywhere. */
export function u64le(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a u64: ${value}`);
  const out = new Uint8Array(8);
  writeU64le(out, 0, value);
  return out;
}

/**
 * `u64le` written into `target` at `offset`, unchecked (the caller's value is a seq or a size).
 * Byte by byte from two 32-bit halves (no BigInt, no DataView): twice per event on every replay and verify.
 */
export function writeU64le(target: Uint8Array, offset: number, value: number): void {
  const low = value >>> 0;
  const high = Math.floor(value / 0x1_0000_0000);
  target[offset] = low & 0xff;
  target[offset + 1] = (low >>> 8) & 0xff;
  target[offset + 2] = (low >>> 16) & 0xff;
  target[offset + 3] = low >>> 24;
  target[offset + 4] = high & 0xff;
  target[offset + 5] = (high >>> 8) & 0xff;
  target[offset + 6] = (high >>> 16) & 0xff;
  target[offset + 7] = high >>> 24;
}

export function u32le(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`not a u32: ${value}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** SQLite hands BLOBs back as Buffers; the crypto code wants plain Uint8Arrays of an exact length. */
export function blob(value: unknown, length?: number): Uint8Array | null {
  if (!(value instanceof Uint8Array)) return null;
  if (length !== undefined && value.length !== length) return null;
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
