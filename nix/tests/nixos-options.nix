# Loose declarations of the NixOS options services.fedlearn sets (and reads), so nix/module.nix
# evaluates with nixpkgs' lib.evalModules alone: see nix/tests/eval-module.sh.
{ lib, ... }:
let
  inherit (lib) mkOption types;
  attrsOfAnything = mkOption {
    type = types.lazyAttrsOf types.anything;
    default = { };
  };
  listOf =
    type:
    mkOption {
      type = types.listOf type;
      default = [ ];
    };
in
{
  options = {
    assertions = listOf types.unspecified;
    warnings = listOf types.str;
    users.users = attrsOfAnything;
    users.groups = attrsOfAnything;
    systemd.services = attrsOfAnything;
    systemd.timers = attrsOfAnything;
    systemd.tmpfiles.rules = listOf types.str;
    environment.etc = attrsOfAnything;
    environment.systemPackages = listOf types.unspecified;
    system.checks = listOf types.unspecified;
    services.qdrant.enable = mkOption {
      type = types.bool;
      default = false;
    };
    # nixpkgs' qdrant module sets these defaults when Qdrant is enabled.
    services.qdrant.settings = mkOption {
      type = types.attrsOf types.anything;
      default = {
        service = {
          host = "127.0.0.1";
          http_port = 6333;
          grpc_port = 6334;
        };
      };
    };
  };
}
