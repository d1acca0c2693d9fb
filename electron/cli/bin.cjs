#!/usr/bin/env node
// The `onewallet` npm bin: runs the bundled CLI (electron/cli/main.ts → out/cli/main.cjs, built by build:node).
require('../../out/cli/main.cjs').main();
