# Test driver for tests/nix: nix/units.nix for a JSON-encoded cfg, with stand-in store paths.
# The config "files" are named, not written, so the evaluation needs no store access.
{
  cfgJson,
  localQdrantUrlJson ? "null",
  hasLocalOllama ? "false",
  hasSystemKnownHosts ? "false",
}:
let
  store = name: "${builtins.storeDir}/${name}";
in
import ../../nix/units.nix {
  cfg = builtins.fromJSON cfgJson;
  package = store "00000000000000000000000000000000-fedlearn-0.1.0";
  localQdrantUrl = builtins.fromJSON localQdrantUrlJson;
  hasLocalOllama = hasLocalOllama == "true";
  hasSystemKnownHosts = hasSystemKnownHosts == "true";
  writeConfig = name: _table: store "11111111111111111111111111111111-${name}";
  writeText = name: _text: store "55555555555555555555555555555555-${name}";
  git = store "22222222222222222222222222222222-git-2.51.0";
  openssh = store "33333333333333333333333333333333-openssh-10.0p2";
  systemd = store "44444444444444444444444444444444-systemd-258";
}
