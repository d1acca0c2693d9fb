/**
 * The statement parser's worker thread (bundled to out/main/import-parse-worker.cjs by
 * build/scripts/build-node.mjs; started and kept by parse-off-loop.ts). For each job (a file's
 * bytes and the parse options) it runs the same pure `parseStatement`, then answers the host's
 * requests one message each: `{ rows }` (a statement account's next PARSE_WORKER_CHUNK_ROWS rows as
 * JSON text: the host's JSON.parse is quicker than deserializing as many objects)
 * until they are all sent, then `{ done }` with the statement minus its rows. Messages sent ahead
 * would all be delivered (deserialized) in one task of the host; asked for one at a time, each is
 * a short task of its own.
 */
import { parentPort } from 'node:worker_threads';
import { parseStatement, type ParseOptions } from './parse/detect';
import { PARSE_WORKER_CHUNK_ROWS } from './parse-off-loop';

type Message = { job: { bytes: Uint8Array; options: ParseOptions } } | 'next';

if (parentPort) {
  const port = parentPort;
  let pending: unknown[] = [];
  port.on('message', (message: Message) => {
    if (message === 'next') {
      port.postMessage(pending.shift() ?? { error: 'nothing to send' });
      return;
    }
    parseStatement(message.job.bytes, message.job.options)
      .then((statement) => {
        const counts = statement.accounts.map((account) => account.rows.length);
        pending = [];
        statement.accounts.forEach((account, index) => {
          for (let start = 0; start < account.rows.length; start += PARSE_WORKER_CHUNK_ROWS) {
            pending.push({ rows: { account: index, json: JSON.stringify(account.rows.slice(start, start + PARSE_WORKER_CHUNK_ROWS)) } });
          }
        });
        pending.push({ done: { ...statement, accounts: statement.accounts.map((account) => ({ ...account, rows: [] })) }, counts });
        port.postMessage({ parsed: true });
      })
      .catch((error: unknown) => port.postMessage({ error: String(error instanceof Error ? (error.stack ?? error.message) : error) }));
  });
}
