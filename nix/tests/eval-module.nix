# nix/module.nix (and the flake's outputs) evaluated with nixpkgs' lib.evalModules from a local lib
# checkout, against the stub NixOS options in ./nixos-options.nix and a stand-in `pkgs` whose TOML
# generator writes JSON. Run through ./eval-module.sh; returns the number of checks that passed and
# throws a list of the ones that failed.
{ lib }:
let
  schedules = lib.importJSON ../../fedlearn/schedules.json;
  storePath = name: "${builtins.storeDir}/00000000000000000000000000000000-${name}";
  derivation = name: {
    type = "derivation";
    inherit name;
    outPath = storePath name;
    meta.mainProgram = "fedlearn";
  };

  pkgs = {
    fedlearn = derivation "fedlearn-0.1.0";
    git = derivation "git";
    openssh = derivation "openssh";
    formats.toml = _: {
      type = lib.types.attrsOf lib.types.anything;
      generate = name: value: builtins.toFile name (builtins.toJSON value);
    };
    runCommand = name: environment: script: { inherit name environment script; };
    stdenv.hostPlatform.system = "x86_64-linux";
  };

  evaluate =
    {
      fedlearn ? { },
      extra ? { },
      module ? ../module.nix,
    }:
    (lib.evalModules {
      modules = [
        ./nixos-options.nix
        module
        extra
        { services.fedlearn = { enable = true; } // fedlearn; }
      ];
      specialArgs = { inherit pkgs; };
    }).config;

  failed = config: map (a: a.message) (lib.filter (a: !a.assertion) config.assertions);
  readConfig = path: builtins.fromJSON (builtins.readFile path);
  jobConfig = service: readConfig (lib.last (lib.splitString " --config " service.serviceConfig.ExecStart));
  check = what: ok: { inherit what ok; };

  minimal = evaluate { fedlearn.repo.path = "/srv/fed"; };
  minimalChecks = [
    (check "minimal: no failed assertion" (failed minimal == [ ]))
    (check "minimal: the four job services" (
      lib.attrNames minimal.systemd.services == [
        "fedlearn-export"
        "fedlearn-import"
        "fedlearn-metrics"
        "fedlearn-sync"
      ]
    ))
    (check "minimal: the system user" minimal.users.users.fedlearn.isSystemUser)
    (check "minimal: state dir by tmpfiles, the user's repo left alone" (
      minimal.systemd.tmpfiles.rules == [ "d /var/lib/fedlearn 0750 fedlearn fedlearn - -" ]
    ))
    (check "minimal: writable state dir and repo" (
      minimal.systemd.services.fedlearn-sync.serviceConfig.ReadWritePaths == [
        "/var/lib/fedlearn"
        "-/srv/fed"
      ]
    ))
    (check "minimal: embedded Qdrant" ((jobConfig minimal.systemd.services.fedlearn-import).qdrant.url == ""))
    (check "minimal: no pull or publish after sync" (
      !(minimal.systemd.services.fedlearn-sync.serviceConfig ? ExecStartPost)
    ))
    (check "minimal: system.checks validates the five config files" (
      lib.length (lib.filter (lib.hasInfix "config validate") (lib.splitString "\n" (lib.head minimal.system.checks).script)) == 5
    ))
  ];

  scheduleChecks = lib.concatMap (
    name:
    let
      config = evaluate {
        fedlearn = {
          repo.path = "/srv/fed";
          schedule = name;
        };
      };
    in
    map (
      job:
      check "schedule ${name}: ${job} OnCalendar from schedules.json" (
        config.systemd.timers."fedlearn-${job}".timerConfig.OnCalendar == schedules.${name}.${job}.systemd
        && config.systemd.timers."fedlearn-${job}".timerConfig.Persistent
      )
    ) (lib.attrNames schedules.${name})
  ) (lib.attrNames schedules);

  custom = evaluate {
    fedlearn = {
      repo.path = "/srv/fed";
      schedule = "custom";
      timers = {
        sync = "*:0/30";
        export = "Sat 04:00";
        metrics = "minutely";
      };
    };
  };

  connected = evaluate {
    fedlearn = {
      repo.url = "git@example.org:alice/fed.git";
      publish = {
        enable = true;
        sshKeyFile = "/run/secrets/deploy-key";
      };
      qdrant.apiKeyFile = "/run/secrets/qdrant";
      settings = {
        sync.max_line_bytes = 4096;
        sync.value_threshold = 0.9;
      };
      valueThreshold = 0.9;
    };
    extra.services.qdrant = {
      enable = true;
      settings.service = {
        host = "0.0.0.0";
        http_port = 7333;
      };
    };
  };
  connectedSync = connected.systemd.services.fedlearn-sync;
  connectedChecks = [
    (check "connected: no failed assertion" (failed connected == [ ]))
    (check "connected: repo defaults into the state dir" (
      (jobConfig connectedSync).repo == "/var/lib/fedlearn/repo"
    ))
    (check "connected: clone unit only when the repo is absent" (
      connected.systemd.services.fedlearn-clone.unitConfig.ConditionPathExists == "!/var/lib/fedlearn/repo/.git"
    ))
    (check "connected: import after and wanting the local qdrant.service" (
      lib.elem "qdrant.service" connected.systemd.services.fedlearn-import.after
      && lib.elem "qdrant.service" connected.systemd.services.fedlearn-import.wants
      && connected.systemd.services.fedlearn-import.wantedBy == [ "multi-user.target" ]
    ))
    (check "connected: import at boot runs after the boot target, not rerun by a switch" (
      lib.last connected.systemd.services.fedlearn-import.after == "multi-user.target"
      && !(lib.elem "multi-user.target" connected.systemd.services.fedlearn-import.wants)
      && !connected.systemd.services.fedlearn-import.restartIfChanged
    ))
    (check "connected: Qdrant URL from services.qdrant.settings" (
      (jobConfig connectedSync).qdrant.url == "http://127.0.0.1:7333"
    ))
    (check "connected: publish then pull after sync" (
      map (command: lib.head (lib.splitString " --config" (lib.last (lib.splitString "/bin/fedlearn " command))))
        connectedSync.serviceConfig.ExecStartPost == [
        "publish"
        "pull"
      ]
    ))
    (check "connected: secrets by LoadCredential" (
      connectedSync.serviceConfig.LoadCredential == [
        "qdrant-api-key:/run/secrets/qdrant"
        "ssh-key:/run/secrets/deploy-key"
      ]
    ))
    (check "connected: config names the credential copy" (
      (jobConfig connectedSync).qdrant.api_key_file == "/run/credentials/fedlearn-sync.service/qdrant-api-key"
    ))
    (check "connected: /etc config names the secret's own path" (
      (readConfig connected.environment.etc."fedlearn/config.toml".source).qdrant.api_key_file == "/run/secrets/qdrant"
    ))
    (check "connected: git uses the ssh key credential" (
      lib.hasInfix "-i /run/credentials/fedlearn-sync.service/ssh-key" connectedSync.environment.GIT_SSH_COMMAND
    ))
    (check "connected: a typed option and settings agreeing, the rest kept" (
      (jobConfig connectedSync).sync.value_threshold == 0.9 && (jobConfig connectedSync).sync.max_line_bytes == 4096
    ))
  ];

  # Typed options left at their defaults give way to the same keys in settings, and the units
  # follow the values fedlearn reads.
  fromSettings = evaluate {
    fedlearn = {
      repo = {
        path = "/srv/fed";
        url = "https://example.org/fed.git";
      };
      settings = {
        sync.telemetry = [ "/home/alice/.local/share/ai/hybrid-events.jsonl" ];
        sync.value_threshold = 0.5;
        embedding.dimension = 1024;
        qdrant.url = "http://qdrant.lan:6333";
        publish.branch = "fedlearn";
        metrics.path = "/var/lib/node-exporter/fedlearn.prom";
        pull.import_after = false;
      };
    };
  };
  fromSettingsServices = fromSettings.systemd.services;
  fromSettingsSync = jobConfig fromSettingsServices.fedlearn-sync;
  # Set typed options (at any priority but their default's, even to the default's value) that
  # disagree with settings fail, naming both; so do settings for keys the units depend on.
  conflicting = evaluate {
    fedlearn = {
      repo.path = "/srv/fed";
      embedding.dimension = 768;
      telemetryPaths = [ "/var/log/ai/events.jsonl" ];
      settings = {
        embedding.dimension = 1024;
        sync.telemetry = [ "/var/log/other.jsonl" ];
        sync.value_threshold = 0.5;
        state_dir = "/srv/fedlearn-state";
      };
    };
    extra.services.fedlearn.valueThreshold = lib.mkDefault 0.8;
  };
  settingsChecks = [
    (check "settings: no failed assertion" (failed fromSettings == [ ]))
    (check "settings: keys of typed options left at their defaults reach the config" (
      fromSettingsSync.sync.telemetry == [ "/home/alice/.local/share/ai/hybrid-events.jsonl" ]
      && fromSettingsSync.sync.value_threshold == 0.5
      && fromSettingsSync.embedding.dimension == 1024
      && fromSettingsSync.qdrant.url == "http://qdrant.lan:6333"
      && fromSettingsSync.publish.branch == "fedlearn"
      && fromSettingsSync.metrics.path == "/var/lib/node-exporter/fedlearn.prom"
      && !fromSettingsSync.pull.import_after
      && (readConfig fromSettings.environment.etc."fedlearn/config.toml".source).embedding.dimension == 1024
    ))
    (check "settings: typed options still fill the keys settings leaves out" (
      fromSettingsSync.embedding.provider == "hash" && fromSettingsSync.sync.fine_tuning == ""
    ))
    (check "settings: the sandbox reads telemetry under /home and writes the metrics folder" (
      fromSettingsServices.fedlearn-sync.serviceConfig.ProtectHome == "read-only"
      && lib.elem "-/var/lib/node-exporter" fromSettingsServices.fedlearn-metrics.serviceConfig.ReadWritePaths
      && fromSettingsServices.fedlearn-metrics.serviceConfig.UMask == "0022"
    ))
    (check "settings: the clone checks out the branch published to" (
      lib.hasInfix " clone --branch fedlearn -- " fromSettingsServices.fedlearn-clone.serviceConfig.ExecStart
    ))
    (check "settings: a remote Qdrant orders export after the network" (
      fromSettingsServices.fedlearn-export.wants == [ "network-online.target" ]
    ))
    (check "conflicting: one failed assertion each, starting with the option path" (
      lib.sort lib.lessThan (map (message: lib.head (lib.splitString ":" message)) (failed conflicting)) == [
        "services.fedlearn.embedding.dimension"
        "services.fedlearn.settings.state_dir"
        "services.fedlearn.telemetryPaths"
        "services.fedlearn.valueThreshold"
      ]
    ))
    (check "conflicting: the message names both values" (
      lib.elem "services.fedlearn.embedding.dimension: sets embedding.dimension to 768, while services.fedlearn.settings.embedding.dimension is 1024; set only one of them (an option left at its default gives way to settings)" (
        failed conflicting
      )
    ))
  ];

  home = evaluate {
    fedlearn = {
      repo.path = "/home/alice/fed";
      user = "alice";
      group = "users";
    };
  };
  readsHome = evaluate {
    fedlearn = {
      repo.path = "/srv/fed";
      telemetryPaths = [ "/home/alice/.local/share/ai/hybrid-events.jsonl" ];
    };
  };
  noBoot = evaluate {
    fedlearn = {
      repo.path = "/srv/fed";
      importOnBoot = false;
    };
  };
  broken = evaluate {
    fedlearn = {
      schedule = "custom";
      timers.sync = "hourly";
      qdrant.apiKeyFile = storePath "qdrant-key";
    };
  };
  badNodeId = builtins.tryEval (
    builtins.deepSeq
      (evaluate {
        fedlearn = {
          repo.path = "/srv/fed";
          nodeId = "My Laptop";
        };
      }).services.fedlearn.nodeId
      true
  );
  flakeModule = evaluate {
    module = flake.nixosModules.default;
    fedlearn = {
      repo.path = "/srv/fed";
      package = pkgs.fedlearn;
    };
  };
  otherChecks = [
    (check "custom: OnCalendar from timers" (
      map (job: custom.systemd.timers."fedlearn-${job}".timerConfig.OnCalendar) [ "sync" "export" "metrics" ] == [
        "*:0/30"
        "Sat 04:00"
        "minutely"
      ]
    ))
    (check "home: ProtectHome off for a repo under /home" (
      home.systemd.services.fedlearn-sync.serviceConfig.ProtectHome == false && !(home.users.users ? alice)
    ))
    (check "home: telemetry under /home is read-only" (
      readsHome.systemd.services.fedlearn-sync.serviceConfig.ProtectHome == "read-only"
    ))
    (check "importOnBoot = false: import not wanted at boot" (
      noBoot.systemd.services.fedlearn-import.wantedBy == [ ]
    ))
    (check "broken: three failed assertions, each naming its option" (
      lib.length (failed broken) == 3
      && lib.elem ''services.fedlearn.timers: schedule "custom" needs an OnCalendar for every job; missing: export, metrics'' (failed broken)
      && lib.any (lib.hasPrefix "services.fedlearn.repo.path: ") (failed broken)
      && lib.any (lib.hasPrefix "services.fedlearn.qdrant.apiKeyFile: ") (failed broken)
    ))
    (check "nodeId must match the node id pattern" (!badNodeId.success))
    (check "the flake's nixosModules.default imports the module" (
      lib.attrNames flakeModule.systemd.timers == [
        "fedlearn-export"
        "fedlearn-metrics"
        "fedlearn-sync"
      ]
    ))
  ];

  # The flake's outputs with a stand-in nixpkgs: only their names are forced, not the packages.
  systems = [
    "x86_64-linux"
    "aarch64-linux"
  ];
  flake = (import ../../flake.nix).outputs {
    self = flake;
    nixpkgs = {
      inherit lib;
      legacyPackages = lib.genAttrs systems (_: pkgs);
    };
  };
  flakeChecks = [
    (check "flake: outputs" (
      lib.attrNames flake == [
        "apps"
        "checks"
        "devShells"
        "formatter"
        "nixosModules"
        "overlays"
        "packages"
      ]
    ))
    (check "flake: systems" (lib.all (output: lib.attrNames flake.${output} == lib.sort lib.lessThan systems) [
      "apps"
      "checks"
      "devShells"
      "formatter"
      "packages"
    ]))
    (check "flake: packages" (lib.attrNames flake.packages.x86_64-linux == [ "default" "fedlearn" ]))
    (check "flake: apps" (
      lib.attrNames flake.apps.aarch64-linux == [
        "default"
        "export"
        "import"
        "publish"
        "sync"
      ]
    ))
    (check "flake: checks" (lib.attrNames flake.checks.x86_64-linux == [ "module" "package" "vm" ]))
  ];

  checks = minimalChecks ++ scheduleChecks ++ connectedChecks ++ settingsChecks ++ otherChecks ++ flakeChecks;
  failures = map (c: c.what) (lib.filter (c: !c.ok) checks);
in
if failures == [ ] then
  { passed = lib.length checks; }
else
  throw "nix/module.nix: ${toString (lib.length failures)} check(s) failed:\n  ${lib.concatStringsSep "\n  " failures}"
