// The app runs on the Node.js that Electron 45 embeds (22.x); tests on an older Node would test
// something the app never runs, and some dependencies refuse it. Fail early and say how to fix it.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `[onewallet] Node.js ${process.versions.node} is too old: Node >= 22.12 is required (the version Electron ships).\n` +
      '  In bash: `. build/scripts/node22.sh` installs Node 22 from the npm registry into .tools/ and puts it on PATH.',
  );
  process.exit(1);
}
