#!/usr/bin/env bash
# Contributor check: evaluate nix/module.nix and the flake's outputs with nixpkgs' lib.evalModules,
# without nixpkgs itself (which `nix flake check` needs the network for).
#
#   nix/tests/eval-module.sh [PATH]
#
# PATH (default: $FEDLEARN_NIXPKGS_LIB, as for the pytest) is a local checkout of nixpkgs or of
# nix-community/nixpkgs.lib (anything holding lib/default.nix). It is read in place and never
# belongs in this repository.
set -euo pipefail

root=${1:-${FEDLEARN_NIXPKGS_LIB:-}}
if [[ -z $root ]]; then
  echo "usage: nix/tests/eval-module.sh PATH-TO-NIXPKGS-OR-NIXPKGS.LIB-CHECKOUT (or set FEDLEARN_NIXPKGS_LIB)" >&2
  exit 2
fi
root=$(cd "$root" && pwd)
if [[ -f $root/lib/default.nix ]]; then
  lib=$root/lib
elif [[ -f $root/default.nix && -f $root/modules.nix ]]; then
  lib=$root
else
  echo "eval-module.sh: no lib/default.nix under $root" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# --read-write-mode: the stand-in TOML generator writes its JSON into the store to be read back.
exec nix-instantiate --eval --strict --json --read-write-mode "$here/eval-module.nix" --arg lib "import $lib"
