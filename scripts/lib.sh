# Shared helpers for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash

# The repository root (the crate's own folder: cargo must run from here so that
# .cargo/config.toml applies).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# rustup and `cargo install` put their binaries here; a non-login shell (CI) may
# not have it on PATH yet.
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
case ":$PATH:" in
  *":$CARGO_HOME/bin:"*) ;;
  *) export PATH="$CARGO_HOME/bin:$PATH" ;;
esac

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The version of the `wasm-bindgen` crate that Cargo.lock pins (empty if none).
locked_wasm_bindgen_version() {
  [ -f "$ROOT/Cargo.lock" ] || return 0
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = / { gsub(/"/, "", $3); name = $3 }
    /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

# Runs a command as root: directly when we are root, otherwise with sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
