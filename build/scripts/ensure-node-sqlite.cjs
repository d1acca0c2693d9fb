// Makes sure better-sqlite3 is compiled for the Node.js running this script.
// `npm start` rebuilds it for Electron's ABI (electron-builder install-app-deps); tests, the CLI
// and browser mode run on plain Node and need the Node build back. Rebuilding is slow (~2 min),
// so only do it when loading actually fails.
require('./check-node.cjs');
const { execSync } = require('node:child_process');

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    if (!/NODE_MODULE_VERSION|was compiled against|invalid ELF|Could not locate the bindings/i.test(String(error))) {
      throw error;
    }
    return false;
  }
}

if (!loads()) {
  console.log('[onewallet] better-sqlite3 is not built for this Node.js; rebuilding it (about two minutes)…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  delete require.cache[require.resolve('better-sqlite3')];
  if (!loads()) {
    console.error('[onewallet] better-sqlite3 still does not load after a rebuild.');
    process.exit(1);
  }
}
