/**
 * The statement parser's worker thread (bundled to out/main/import-parse-worker.cjs by
 * build/scripts/build-node.mjs; started and kept by parse-off-loop.ts). For each job (a file's
 * bytes and the parse options) it runs the same pure `parseStatement` and answers with ONE message:
 * the statement minus its rows, the row counts, and the rows as JSON text in chunks of
 * PARSE_WORKER_CHUNK_ROWS, each chunk as columns (row-columns.ts). Strings cross to the host as a
 * copy of their bytes (a few ms for a 100k-row statement), so the message costs the host almost
 * nothing to receive; the host then parses one chunk per turn of its loop (JSON.parse of columns
 * is quicker than deserializing as many objects, and one chunk is a few ms).
 */
import { parentPort } from 'node:worker_threads';
import { parseStatement, type ParseOptions } from './parse/detect';
import { PARSE_WORKER_CHUNK_ROWS, type ParseWorkerAnswer } from './parse-off-loop';
import { toColumns } from './row-columns';

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { job: { bytes: Uint8Array; options: ParseOptions } }) => {
    parseStatement(message.job.bytes, message.job.options)
      .then((statement) => {
        const chunks: { account: number; json: string }[] = [];
        statement.accounts.forEach((account, index) => {
          for (let start = 0; start < account.rows.length; start += PARSE_WORKER_CHUNK_ROWS) {
            chunks.push({ account: index, json: JSON.stringify(toColumns(account.rows.slice(start, start + PARSE_WORKER_CHUNK_ROWS))) });
          }
        });
        const answer: ParseWorkerAnswer = {
          done: { ...statement, accounts: statement.accounts.map((account) => ({ ...account, rows: [] })) },
          counts: statement.accounts.map((account) => account.rows.length),
          chunks,
        };
        port.postMessage(answer);
      })
      .catch((error: unknown) => port.postMessage({ error: String(error instanceof Error ? (error.stack ?? error.message) : error) } satisfies ParseWorkerAnswer));
  });
}
