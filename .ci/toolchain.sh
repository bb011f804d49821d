#!/bin/sh
# Makes the project's toolchain available, then runs the given command with it:
#   sh .ci/toolchain.sh pnpm exec turbo run test
#
# - Node.js: the system one when it is new enough (>= NODE_MIN_MAJOR), otherwise
#   the npm registry's prebuilt `node-<os>-<arch>` package (what the `node`
#   package installs), cached under ${XDG_CACHE_HOME:-~/.cache}/congkhai.
# - pnpm: the version pinned in package.json's `packageManager`, from the npm
#   registry, cached the same way.
# - Dependencies: `pnpm install --frozen-lockfile`, skipped when the lockfile
#   has not changed since the last install (a stamp in node_modules), so a
#   second run costs well under a second.
set -eu

NODE_VERSION=24.21.0
NODE_MIN_MAJOR=24

root=$(cd "$(dirname "$0")/.." && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/congkhai"
mkdir -p "$cache"

say() { printf '[toolchain] %s\n' "$*" >&2; }

# --- Node -----------------------------------------------------------------
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
node_bin=$(command -v node || true)
if [ -z "$node_bin" ] || [ "$(node_major "$node_bin")" -lt "$NODE_MIN_MAJOR" ]; then
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) say "unsupported OS $(uname -s)"; exit 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) say "unsupported CPU $(uname -m)"; exit 1 ;; esac
  pkg="node-$os-$arch"
  dir="$cache/node-$NODE_VERSION-$os-$arch"
  if [ ! -x "$dir/node_modules/$pkg/bin/node" ]; then
    say "fetching Node.js $NODE_VERSION ($pkg) from the npm registry"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    npm install --silent --no-save --no-audit --no-fund --ignore-scripts \
      --prefix "$dir.tmp" "$pkg@$NODE_VERSION" >&2
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  PATH="$dir/node_modules/$pkg/bin:$PATH"
  export PATH
fi

# --- pnpm -----------------------------------------------------------------
pnpm_version=$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$root/package.json")
pnpm_dir="$cache/pnpm-$pnpm_version"
if [ ! -f "$pnpm_dir/node_modules/pnpm/bin/pnpm.cjs" ]; then
  say "fetching pnpm $pnpm_version from the npm registry"
  rm -rf "$pnpm_dir.tmp" && mkdir -p "$pnpm_dir.tmp"
  npm install --silent --no-save --no-audit --no-fund --ignore-scripts \
    --prefix "$pnpm_dir.tmp" "pnpm@$pnpm_version" >&2
  rm -rf "$pnpm_dir" && mv "$pnpm_dir.tmp" "$pnpm_dir"
fi
mkdir -p "$pnpm_dir/bin"
# A real executable named pnpm on PATH, so scripts and turbo find it.
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$pnpm_dir/node_modules/pnpm/bin/pnpm.cjs" >"$pnpm_dir/bin/pnpm"
chmod +x "$pnpm_dir/bin/pnpm"
PATH="$pnpm_dir/bin:$PATH"
export PATH

# --- dependencies ---------------------------------------------------------
stamp="$root/node_modules/.congkhai-install-stamp"
want=$(cd "$root" && cat pnpm-lock.yaml pnpm-workspace.yaml $(find . -name package.json -not -path "*/node_modules/*" | sort) 2>/dev/null | cksum)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing dependencies (pnpm install --frozen-lockfile)"
  (cd "$root" && pnpm install --frozen-lockfile --reporter=append-only >&2)
  printf '%s' "$want" >"$stamp"
fi

TURBO_TELEMETRY_DISABLED=1
export TURBO_TELEMETRY_DISABLED
PATH="$PWD/node_modules/.bin:$root/node_modules/.bin:$PATH"
export PATH
[ $# -gt 0 ] || exit 0
exec "$@"
