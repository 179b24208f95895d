# Declarations of the NixOS options services.fedlearn sets (and reads), typed as NixOS types them
# where it matters (unit attributes are closed submodules, so a misspelled one is an error), so
# nix/module.nix evaluates with nixpkgs' lib.evalModules alone: see nix/tests/eval-module.sh.
{ lib, ... }:
let
  inherit (lib) mkOption types;
  option =
    type: default:
    mkOption {
      inherit type default;
    };
  # systemd-lib.nix's unitOption: a value, or a list of them, one directive line each.
  primitive = types.oneOf [
    types.bool
    types.int
    types.str
  ];
  unitOption = types.either primitive (types.listOf primitive);
  unitNames = option (types.listOf types.str) [ ];
  directives = option (types.attrsOf unitOption) { };

  service = types.submodule {
    options = {
      description = option types.str "";
      after = unitNames;
      wants = unitNames;
      requires = unitNames;
      wantedBy = unitNames;
      restartIfChanged = option types.bool true;
      startAt = option (types.either types.str (types.listOf types.str)) [ ];
      path = option (types.listOf (types.either types.package types.str)) [ ];
      environment = option (types.attrsOf (types.nullOr types.str)) { };
      unitConfig = directives;
      serviceConfig = directives;
    };
  };
  timer = types.submodule {
    options = {
      description = option types.str "";
      wantedBy = unitNames;
      timerConfig = directives;
    };
  };
  user = types.submodule {
    options = {
      isSystemUser = option types.bool false;
      group = option types.str "";
      home = option types.str "/var/empty";
      description = option types.str "";
    };
  };
in
{
  options = {
    assertions = option (types.listOf types.unspecified) [ ];
    warnings = option (types.listOf types.str) [ ];
    users.users = option (types.attrsOf user) { };
    users.groups = option (types.attrsOf (types.attrsOf types.anything)) { };
    systemd.services = option (types.attrsOf service) { };
    systemd.timers = option (types.attrsOf timer) { };
    systemd.tmpfiles.rules = option (types.listOf types.str) [ ];
    environment.etc = option (types.attrsOf (types.attrsOf types.anything)) { };
    environment.systemPackages = option (types.listOf types.package) [ ];
    system.checks = option (types.listOf types.unspecified) [ ];
    programs.ssh.package = option types.package {
      type = "derivation";
      name = "openssh";
      outPath = "${builtins.storeDir}/00000000000000000000000000000000-openssh";
    };
    systemd.package = option types.package {
      type = "derivation";
      name = "systemd";
      outPath = "${builtins.storeDir}/00000000000000000000000000000000-systemd";
    };
    # Read for services.fedlearn.repo.strictHostKeyChecking's assertion.
    programs.ssh.knownHosts = option (types.attrsOf (types.attrsOf types.anything)) { };
    programs.ssh.knownHostsFiles = option (types.listOf types.path) [ ];
    services.ollama.enable = option types.bool false;
    services.qdrant.enable = option types.bool false;
    # nixpkgs' qdrant module sets these defaults when Qdrant is enabled.
    services.qdrant.settings = option (types.attrsOf types.anything) {
      service = {
        host = "127.0.0.1";
        http_port = 6333;
        grpc_port = 6334;
      };
    };
  };
}
