# Source this file (`. build/scripts/node22.sh`) to get the Node.js the app ships with (Electron 45
# embeds Node 22) on PATH for this shell, with its headers for node-gyp (better-sqlite3).
# Where the system Node is already >= 22.12 nothing changes. Otherwise Node 22 is installed from
# the npm registry (the `node-linux-<arch>` package holds the official binary and include/node)
# into .tools/node22, which git ignores.
_ow_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/../.." && pwd)"
_ow_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! _ow_ok; then
  _ow_dir="$_ow_root/.tools/node22"
  if [ ! -x "$_ow_dir/bin/node" ]; then
    case "$(uname -m)" in x86_64) _ow_arch=x64 ;; aarch64|arm64) _ow_arch=arm64 ;; *) _ow_arch="$(uname -m)" ;; esac
    _ow_tmp="$(mktemp -d)"
    echo "[onewallet] installing Node 22 (node-linux-$_ow_arch@22) into .tools/node22" >&2
    if npm install --silent --no-save --no-package-lock --prefix "$_ow_tmp" "node-linux-$_ow_arch@22" >&2; then
      mkdir -p "$_ow_root/.tools" && rm -rf "$_ow_dir" && mv "$_ow_tmp/node_modules/node-linux-$_ow_arch" "$_ow_dir"
    fi
    rm -rf "$_ow_tmp"
  fi
  if [ -x "$_ow_dir/bin/node" ]; then
    export PATH="$_ow_dir/bin:$PATH"
    export npm_config_nodedir="$_ow_dir"
  fi
fi
_ow_ok || echo "[onewallet] could not provide Node >= 22.12; install it (https://nodejs.org) and retry" >&2
unset -f _ow_ok; unset _ow_root _ow_dir _ow_arch _ow_tmp
