# `nix flake check`'s module check: services.fedlearn evaluated inside real NixOS systems. The
# assertions fire with their option-path messages, the units render to the expected unit files,
# keys written only in `settings` reach the config file and the sandbox, the generated config
# files pass `fedlearn config validate` (system.checks), and every option is documented
# (nixosOptionsDoc fails on warnings).
{
  pkgs,
  nixosSystem,
  module,
}:
let
  inherit (pkgs) lib;

  evaluate =
    fedlearn: extra:
    nixosSystem {
      modules = [
        module
        extra
        {
          nixpkgs.hostPlatform = pkgs.stdenv.hostPlatform.system;
          boot.isContainer = true;
          system.stateVersion = "25.11";
          services.fedlearn = fedlearn // {
            enable = true;
          };
        }
      ];
    };

  failedMessages =
    system:
    lib.filter (lib.hasPrefix "services.fedlearn.") (
      map (assertion: assertion.message) (lib.filter (assertion: !assertion.assertion) system.config.assertions)
    );

  full = evaluate {
    nodeId = "ci";
    repo.url = "git@example.org:alice/fedlearn-data.git";
    publish = {
      enable = true;
      sshKeyFile = "/run/secrets/fedlearn-ssh";
    };
    qdrant.apiKeyFile = "/run/secrets/qdrant-api-key";
    telemetryPaths = [ "/var/lib/ai-stack/hybrid-events.jsonl" ];
    metrics.textfileDirectory = "/var/lib/node-exporter";
    settings.anonymize.hostnames = [ "corp.example" ];
    # Left at their options' defaults: these reach the config (and the sandbox) as written.
    settings.sync.value_threshold = 0.5;
    settings.sync.fine_tuning = "/home/ai/fine-tuning/dataset.jsonl";
  } { services.qdrant.enable = true; };

  # A set option (mkDefault counts) disagreeing with settings, and a key the units depend on.
  conflicting = evaluate {
    repo.path = "/srv/fedlearn-data";
    valueThreshold = lib.mkDefault 0.8;
    settings.sync.value_threshold = 0.5;
    settings.state_dir = "/srv/fedlearn-state";
  } { };

  broken = evaluate {
    schedule = "custom";
    timers.sync = "hourly";
    qdrant.apiKeyFile = "${builtins.storeDir}/00000000000000000000000000000000-qdrant-api-key";
  } { };

  expectedBroken = [
    ''services.fedlearn.timers: schedule "custom" needs an OnCalendar for every job; missing: export, metrics''
    "services.fedlearn.repo.path: fedlearn needs a federation repo; set repo.path to a git checkout, or repo.url to clone one into /var/lib/fedlearn/repo"
  ];

  unitFile = name: "${full.config.systemd.units.${name}.unit}/${name}";
  optionsDoc = pkgs.nixosOptionsDoc { options.services.fedlearn = full.options.services.fedlearn; };
in
assert lib.assertMsg (failedMessages full == [ ]) "unexpected failed assertions: ${toString (failedMessages full)}";
assert lib.assertMsg (
  lib.all (message: lib.elem message (failedMessages broken)) expectedBroken
  && lib.any (lib.hasPrefix "services.fedlearn.qdrant.apiKeyFile: ") (failedMessages broken)
  && lib.length (failedMessages broken) == 3
) "wrong failed assertions: ${lib.concatStringsSep "; " (failedMessages broken)}";
assert lib.assertMsg (
  lib.sort lib.lessThan (map (message: lib.head (lib.splitString ":" message)) (failedMessages conflicting)) == [
    "services.fedlearn.settings.state_dir"
    "services.fedlearn.valueThreshold"
  ]
) "wrong failed assertions for settings against options: ${lib.concatStringsSep "; " (failedMessages conflicting)}";
# NixOS links wanted units into the target's .wants instead of writing WantedBy= into the file.
assert lib.assertMsg (lib.elem "multi-user.target" full.config.systemd.services.fedlearn-import.wantedBy)
  "fedlearn-import is not wanted by multi-user.target";
pkgs.runCommand "fedlearn-module-check"
  {
    # Building these runs `fedlearn config validate` on every generated file.
    configChecks = full.config.system.checks;
    options = optionsDoc.optionsJSON;
  }
  ''
    set -x
    grep -qx 'OnCalendar=hourly' ${unitFile "fedlearn-sync.timer"}
    grep -qx 'Persistent=true' ${unitFile "fedlearn-sync.timer"}
    grep -qx 'OnCalendar=Sun \*-\*-\* 02:00:00' ${unitFile "fedlearn-export.timer"}
    grep -qx 'OnCalendar=\*:0/5' ${unitFile "fedlearn-metrics.timer"}
    grep -q '^After=.*qdrant.service' ${unitFile "fedlearn-import.service"}
    grep -q '^Wants=.*qdrant.service' ${unitFile "fedlearn-import.service"}
    grep -qx 'RemainAfterExit=true' ${unitFile "fedlearn-import.service"}
    grep -qx 'LoadCredential=qdrant-api-key:/run/secrets/qdrant-api-key' ${unitFile "fedlearn-sync.service"}
    grep -qx 'LoadCredential=ssh-key:/run/secrets/fedlearn-ssh' ${unitFile "fedlearn-sync.service"}
    grep -q '^ExecStartPost=.*/bin/fedlearn publish --config' ${unitFile "fedlearn-sync.service"}
    grep -q '^ExecStartPost=.*/bin/fedlearn pull --config' ${unitFile "fedlearn-sync.service"}
    grep -qx 'ProtectSystem=strict' ${unitFile "fedlearn-sync.service"}
    grep -qx 'SystemCallFilter=@system-service' ${unitFile "fedlearn-sync.service"}
    grep -qx 'CapabilityBoundingSet=' ${unitFile "fedlearn-sync.service"}
    grep -qx 'ProtectHome=read-only' ${unitFile "fedlearn-sync.service"}
    grep -q '^ConditionPathExists=!/var/lib/fedlearn/repo/.git' ${unitFile "fedlearn-clone.service"}
    config=$(sed -n 's/^ExecStart=.*--config //p' ${unitFile "fedlearn-sync.service"})
    grep -qx 'api_key_file = "/run/credentials/fedlearn-sync.service/qdrant-api-key"' "$config"
    grep -qx 'value_threshold = 0.5' "$config"
    grep -qx 'fine_tuning = "/home/ai/fine-tuning/dataset.jsonl"' "$config"
    if grep -q /run/secrets "$config"; then echo "a secret's own path is in $config" >&2; exit 1; fi
    mkdir -p "$out"
    cp ${unitFile "fedlearn-sync.service"} ${unitFile "fedlearn-sync.timer"} ${unitFile "fedlearn-import.service"} "$out/"
  ''
