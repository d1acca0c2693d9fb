/**
 * A real update feed on 127.0.0.1 for tests: the files are made by the release script itself
 * (build/scripts/update-feed.mjs keygen / metadata / sign) with a throw-away key pair, and served
 * over real HTTP. Knobs for the failure cases: the whole feed answering 404, hanging (timeout),
 * or down; an artifact served slowly (so progress and cancel can be seen) or altered after
 * signing; a channel file with a broken or missing signature.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'build/scripts/update-feed.mjs');

/** The channel file electron-updater asks for on this platform (latest-linux.yml, latest-mac.yml, latest.yml). */
export function channelFileName(channel: 'latest' | 'beta'): string {
  const suffix = process.platform === 'linux' ? `-linux${process.arch === 'x64' ? '' : `-${process.arch}`}` : process.platform === 'darwin' ? '-mac' : '';
  return `${channel}${suffix}.yml`;
}

export interface Release {
  version: string;
  channel?: 'latest' | 'beta';
  notes?: string;
  staging?: number;
  /** Artifact size in bytes (default 256 KiB). */
  size?: number;
}

export type FeedMode = 'up' | 'not-found' | 'hang';

export interface TestFeed {
  url: string;
  dir: string;
  keyFile: string;
  publicKeyBase64: string;
  publicKey: Uint8Array;
  publish(release: Release): string;
  /** Flips one byte of a published artifact (its signed sha512 no longer matches). */
  tamperArtifact(version: string): void;
  breakSignature(channel: 'latest' | 'beta'): void;
  removeSignature(channel: 'latest' | 'beta'): void;
  setMode(mode: FeedMode): void;
  /** Serve artifacts in `chunk`-byte pieces every `everyMs` ms (0: all at once). */
  pace(chunk: number, everyMs: number): void;
  requests: string[];
  close(): Promise<void>;
}

function script(...args: string[]): string {
  return execFileSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' }).trim();
}

export async function startFeed(): Promise<TestFeed> {
  const dir = mkdtempSync(join(tmpdir(), 'ow-feed-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'ow-feed-key-'));
  const keyFile = join(keyDir, 'release.key');
  const publicKeyBase64 = script('keygen', '--out', keyFile);
  let mode: FeedMode = 'up';
  let pacing = { chunk: 0, everyMs: 0 };
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const sendPaced = (file: string, response: ServerResponse) => {
    const bytes = readFileSync(file);
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    if (pacing.chunk <= 0) {
      response.end(bytes);
      return;
    }
    let offset = 0;
    const next = () => {
      if (response.destroyed) return;
      const end = Math.min(bytes.length, offset + pacing.chunk);
      response.write(bytes.subarray(offset, end));
      offset = end;
      if (offset >= bytes.length) response.end();
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          next();
        }, pacing.everyMs);
        timers.add(timer);
      }
    };
    next();
  };

  const server: Server = createServer((request, response) => {
    const name = basename(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    requests.push(name);
    if (mode === 'hang') return; // never answers: the client's timeout has to fire
    const file = join(dir, name);
    if (mode === 'not-found' || !name || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (name.endsWith('.yml') || name.endsWith('.sig')) {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      createReadStream(file).pipe(response);
      return;
    }
    sendPaced(file, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const feed: TestFeed = {
    url,
    dir,
    keyFile,
    publicKeyBase64,
    publicKey: new Uint8Array(Buffer.from(publicKeyBase64, 'base64')),
    requests,
    publish(release) {
      const artifact = `OneWallet-${release.version}.AppImage`;
      writeFileSync(join(dir, artifact), randomBytes(release.size ?? 256 * 1024));
      const file = channelFileName(release.channel ?? 'latest');
      const args = ['metadata', '--dir', dir, '--file', file, '--version', release.version];
      if (release.notes !== undefined) args.push('--notes', release.notes);
      if (release.staging !== undefined) args.push('--staging', String(release.staging));
      script(...args, artifact);
      script('sign', '--dir', dir, '--key', keyFile);
      return artifact;
    },
    tamperArtifact(version) {
      const path = join(dir, `OneWallet-${version}.AppImage`);
      const bytes = readFileSync(path);
      bytes[Math.floor(statSync(path).size / 2)]! ^= 0x01;
      writeFileSync(path, bytes);
    },
    breakSignature(channel) {
      const path = join(dir, `${channelFileName(channel)}.sig`);
      const signature = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      signature[0]! ^= 0x01;
      writeFileSync(path, `${signature.toString('base64')}\n`);
    },
    removeSignature(channel) {
      unlinkSync(join(dir, `${channelFileName(channel)}.sig`));
    },
    setMode(next) {
      mode = next;
    },
    pace(chunk, everyMs) {
      pacing = { chunk, everyMs };
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(dir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
  return feed;
}
