#!/usr/bin/env node
// The release side of the signed update feed (electron/update/feed-signature.ts is the app side).
//
//   node build/scripts/update-feed.mjs keygen --out KEYFILE
//       makes an Ed25519 release key: the secret key goes to KEYFILE (mode 0600, base64), the
//       public key is printed — paste it into electron/update/pinned-key.ts.
//   node build/scripts/update-feed.mjs metadata --dir DIR --file latest-linux.yml --version 1.2.0
//       [--notes TEXT] [--date ISO] [--staging PERCENT] ARTIFACT...
//       writes electron-builder-style update metadata for artifacts already in DIR (generic feeds
//       made by hand, and the tests' feeds). `npm run dist` writes these files itself.
//   node build/scripts/update-feed.mjs sign --dir DIR [--key KEYFILE]
//       signs every channel file (latest*.yml, beta*.yml, alpha*.yml) in DIR: writes FILE.sig.
//       The key comes from --key or the ONEWALLET_UPDATE_SIGNING_KEY environment variable (a
//       path to the key file); it is never taken from an argument's value itself.
//
// Exit codes: 0 ok, 2 usage, 5 invalid input (missing file, bad key).
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import sodium from 'libsodium-wrappers-sumo';
import yaml from 'js-yaml';

const DOMAIN = 'onewallet-update-feed-v1\n';
const CHANNEL_FILE = /^(latest|beta|alpha)(-[a-z0-9-]+)?\.yml$/;

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

function signedMessage(fileName, bytes) {
  return Buffer.concat([Buffer.from(`${DOMAIN}${fileName}\n`, 'utf8'), bytes]);
}

function readSecretKey(path) {
  if (!path) fail(2, 'sign needs --key KEYFILE or ONEWALLET_UPDATE_SIGNING_KEY=KEYFILE');
  if (!existsSync(path)) fail(5, `no key file at ${path}`);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== sodium.crypto_sign_SECRETKEYBYTES) fail(5, `${path} is not an Ed25519 secret key (base64, 64 bytes)`);
  return key;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      dir: { type: 'string' },
      file: { type: 'string' },
      version: { type: 'string' },
      notes: { type: 'string' },
      date: { type: 'string' },
      staging: { type: 'string' },
      key: { type: 'string' },
    },
  });
  await sodium.ready;

  if (command === 'keygen') {
    if (!values.out) fail(2, 'keygen needs --out KEYFILE');
    if (existsSync(values.out)) fail(5, `${values.out} exists; refusing to overwrite a key`);
    const pair = sodium.crypto_sign_keypair();
    writeFileSync(values.out, `${Buffer.from(pair.privateKey).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(values.out, 0o600);
    console.log(Buffer.from(pair.publicKey).toString('base64'));
    return;
  }

  if (command === 'metadata') {
    if (!values.dir || !values.file || !values.version || positionals.length === 0) fail(2, 'metadata needs --dir, --file, --version and at least one artifact');
    if (!CHANNEL_FILE.test(values.file)) fail(2, `--file must be a channel file name like latest-linux.yml, not ${values.file}`);
    const files = positionals.map((name) => {
      const path = join(values.dir, basename(name));
      if (!existsSync(path)) fail(5, `no artifact at ${path}`);
      const sha512 = createHash('sha512').update(readFileSync(path)).digest('base64');
      return { url: basename(name), sha512, size: statSync(path).size };
    });
    const info = {
      version: values.version,
      files,
      path: files[0].url,
      sha512: files[0].sha512,
      releaseDate: values.date ?? new Date().toISOString(),
      ...(values.notes !== undefined ? { releaseNotes: values.notes } : {}),
      ...(values.staging !== undefined ? { stagingPercentage: Number(values.staging) } : {}),
    };
    writeFileSync(join(values.dir, values.file), yaml.dump(info, { lineWidth: -1 }));
    console.log(join(values.dir, values.file));
    return;
  }

  if (command === 'sign') {
    if (!values.dir) fail(2, 'sign needs --dir DIR');
    const key = readSecretKey(values.key ?? process.env.ONEWALLET_UPDATE_SIGNING_KEY);
    const channelFiles = readdirSync(values.dir).filter((name) => CHANNEL_FILE.test(name));
    if (channelFiles.length === 0) fail(5, `no latest*.yml / beta*.yml in ${values.dir}`);
    for (const name of channelFiles) {
      const signature = sodium.crypto_sign_detached(signedMessage(name, readFileSync(join(values.dir, name))), key);
      writeFileSync(join(values.dir, `${name}.sig`), `${Buffer.from(signature).toString('base64')}\n`);
      console.log(`signed ${name}`);
    }
    return;
  }

  fail(2, 'usage: update-feed.mjs keygen --out KEYFILE | metadata --dir DIR --file NAME.yml --version V ARTIFACT... | sign --dir DIR [--key KEYFILE]');
}

await main();
