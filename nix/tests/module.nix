# `nix flake check`'s module check: services.fedlearn evaluated inside real NixOS systems. The
# assertions fire with their option-path messages, the units render to the expected unit files
# (readiness, exit 3, timeouts, credentials, sandbox), `settings` reaches the config file, the
# generated config files pass `fedlearn config validate` (system.checks), and every option is
# documented (nixosOptionsDoc fails on warnings). Needs nixpkgs, so a machine with network.
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
    repo.url = "git@example.org:alice/fedlearn-data.git";
    repo.sshKnownHosts = [ "example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl" ];
    publish = {
      enable = true;
      sshKeyFile = "/run/secrets/fedlearn-ssh";
    };
    timers.export.timerConfig.RandomizedDelaySec = "1h";
    settings = {
      node_id = "ci";
      qdrant.api_key_file = "/run/secrets/qdrant-api-key";
      sync.telemetry = [ "/var/lib/ai-stack/hybrid-events.jsonl" ];
      sync.value_threshold = 0.5;
      sync.fine_tuning = "/home/ai/fine-tuning/dataset.jsonl";
      metrics.path = "/var/lib/node-exporter/fedlearn.prom";
      anonymize.hostnames = [ "corp.example" ];
    };
  } { services.qdrant.enable = true; };

  broken = evaluate {
    schedule = "custom";
    timers.sync = "hourly";
    repo.url = "https://alice:token@example.org/fed.git";
  } { };

  expectedBroken = [
    ''services.fedlearn.timers.export.onCalendar: schedule "custom" gives no time for export, metrics; set timers.<job>.onCalendar, or timers.<job>.enable = false''
    "services.fedlearn.repo.url: holds credentials (user or token before @), which would be world-readable in the Nix store; put them in a file named by services.fedlearn.repo.credentialsFile (one line: https://USER:TOKEN@HOST), or use ssh with publish.sshKeyFile"
  ];

  unitFile = name: "${full.config.systemd.units.${name}.unit}/${name}";
  optionsDoc = pkgs.nixosOptionsDoc { options.services.fedlearn = full.options.services.fedlearn; };
in
assert lib.assertMsg (failedMessages full == [ ]) "unexpected failed assertions: ${toString (failedMessages full)}";
assert lib.assertMsg (lib.all (warning: !lib.hasInfix "fedlearn" warning) full.config.warnings)
  "unexpected warnings: ${toString full.config.warnings}";
assert lib.assertMsg (failedMessages broken == expectedBroken)
  "wrong failed assertions: ${lib.concatStringsSep "; " (failedMessages broken)}";
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
    grep -qx 'RandomizedDelaySec=1h' ${unitFile "fedlearn-export.timer"}
    grep -qx 'OnCalendar=\*:0/5' ${unitFile "fedlearn-metrics.timer"}
    grep -q '^After=.*qdrant.service' ${unitFile "fedlearn-import.service"}
    grep -q '^Wants=.*qdrant.service' ${unitFile "fedlearn-import.service"}
    grep -q '^Wants=.*fedlearn-clone.service' ${unitFile "fedlearn-import.service"}
    if grep -q '^Requires=' ${unitFile "fedlearn-sync.service"}; then exit 1; fi
    grep -qx 'RemainAfterExit=true' ${unitFile "fedlearn-import.service"}
    grep -qx 'Restart=on-failure' ${unitFile "fedlearn-import.service"}
    grep -q '^ExecStart=.*/bin/fedlearn import --wait-ready 300 --config' ${unitFile "fedlearn-import.service"}
    grep -qx 'SuccessExitStatus=3' ${unitFile "fedlearn-sync.service"}
    grep -qx 'SuccessExitStatus=3' ${unitFile "fedlearn-pull.service"}
    grep -qx 'TimeoutStartSec=30min' ${unitFile "fedlearn-sync.service"}
    grep -qx 'TimeoutStartSec=30min' ${unitFile "fedlearn-publish.service"}
    grep -qx 'TimeoutStartSec=6h' ${unitFile "fedlearn-pull.service"}
    grep -qx 'TimeoutStartSec=1h' ${unitFile "fedlearn-clone.service"}
    grep -qx 'PrivateNetwork=true' ${unitFile "fedlearn-sync.service"}
    grep -q 'BatchMode=yes' ${unitFile "fedlearn-pull.service"}
    grep -q 'StrictHostKeyChecking=yes' ${unitFile "fedlearn-pull.service"}
    grep -q 'StrictHostKeyChecking=yes' ${unitFile "fedlearn-clone.service"}
    known_hosts=$(grep -o "UserKnownHostsFile=[^' ]*" ${unitFile "fedlearn-publish.service"} | cut -d= -f2)
    grep -qx 'example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl' "$known_hosts"
    grep -qx 'LoadCredential=qdrant-api-key:/run/secrets/qdrant-api-key' ${unitFile "fedlearn-sync.service"}
    if grep -q 'LoadCredential=ssh-key' ${unitFile "fedlearn-sync.service"}; then exit 1; fi
    grep -qx 'LoadCredential=ssh-key:/run/secrets/fedlearn-ssh' ${unitFile "fedlearn-publish.service"}
    grep -qx 'LoadCredential=ssh-key:/run/secrets/fedlearn-ssh' ${unitFile "fedlearn-pull.service"}
    # sync is followed by publish and pull in units of their own, wanted and ordered, never
    # required: a failed sync still pulls.
    grep -q '^ExecStart=.*/bin/fedlearn publish --config' ${unitFile "fedlearn-publish.service"}
    grep -q '^ExecStart=.*/bin/fedlearn pull --config' ${unitFile "fedlearn-pull.service"}
    grep -q '^Wants=.*fedlearn-publish.service' ${unitFile "fedlearn-sync.service"}
    grep -q '^Wants=.*fedlearn-pull.service' ${unitFile "fedlearn-sync.service"}
    grep -q '^After=.*fedlearn-sync.service' ${unitFile "fedlearn-publish.service"}
    grep -q '^After=.*fedlearn-publish.service' ${unitFile "fedlearn-pull.service"}
    for file in ${unitFile "fedlearn-publish.service"} ${unitFile "fedlearn-pull.service"}; do
      if grep -Eq '^(Requires|Requisite|BindsTo)=' "$file"; then exit 1; fi
    done
    grep -qx 'ProtectSystem=strict' ${unitFile "fedlearn-sync.service"}
    grep -qx 'SystemCallFilter=@system-service' ${unitFile "fedlearn-sync.service"}
    grep -qx 'SystemCallFilter=~@privileged' ${unitFile "fedlearn-sync.service"}
    grep -qx 'CapabilityBoundingSet=' ${unitFile "fedlearn-sync.service"}
    grep -qx 'ProtectHome=read-only' ${unitFile "fedlearn-sync.service"}
    grep -qx 'PrivateNetwork=true' ${unitFile "fedlearn-metrics.service"}
    grep -q '^ConditionPathExists=!/var/lib/fedlearn/repo/.git' ${unitFile "fedlearn-clone.service"}
    config=$(sed -n 's/^ExecStart=.*fedlearn sync --config //p' ${unitFile "fedlearn-sync.service"})
    grep -qx 'api_key_file = "/run/credentials/fedlearn-sync.service/qdrant-api-key"' "$config"
    grep -qx 'value_threshold = 0.5' "$config"
    grep -qx 'fine_tuning = "/home/ai/fine-tuning/dataset.jsonl"' "$config"
    if grep -q /run/secrets "$config"; then echo "a secret's own path is in $config" >&2; exit 1; fi
    mkdir -p "$out"
    cp ${unitFile "fedlearn-sync.service"} ${unitFile "fedlearn-sync.timer"} ${unitFile "fedlearn-import.service"} ${unitFile "fedlearn-pull.service"} "$out/"
  ''
