# nix/module.nix (and the flake's outputs) evaluated with nixpkgs' lib.evalModules from a local lib
# checkout, against the stub NixOS options in ./nixos-options.nix and a stand-in `pkgs` whose TOML
# generator writes JSON. Run through ./eval-module.sh; returns the number of checks that passed and
# the module's option defaults (tests/nix compares them with its own), or throws a list of the
# checks that failed.
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

  # Stand-ins for the Python packages the flake's devShell asks for.
  python = lib.genAttrs [
    "msgspec"
    "attrs"
    "cattrs"
    "tenacity"
    "qdrant-client"
    "numpy"
    "httpx"
    "httpcore"
    "hatchling"
    "google-re2"
    "pytest"
    "pytest-xdist"
    "hypothesis"
    "prometheus-client"
    "mypy"
  ] (name: name);

  basePkgs = {
    git = derivation "git";
    openssh = derivation "openssh";
    ruff = derivation "ruff";
    nixfmt = derivation "nixfmt";
    nixfmt-tree = derivation "nixfmt-tree";
    python3.withPackages = select: select python;
    mkShell = attrs: attrs;
    formats.toml = _: {
      type = lib.types.attrsOf lib.types.anything;
      generate = name: value: builtins.toFile name (builtins.toJSON value);
    };
    runCommand = name: environment: script: { inherit name environment script; };
    writeShellScriptBin = name: text: derivation name // { inherit text; };
    writeText = builtins.toFile;
    # What nix/module.nix builds the package with when pkgs has no fedlearn (no overlay).
    callPackage = path: arguments: derivation "fedlearn-from-callPackage" // { inherit path arguments; };
    stdenv = {
      hostPlatform.system = "x86_64-linux";
      buildPlatform.canExecute = platform: platform.system == "x86_64-linux";
    };
  };
  # With the flake's overlay (or any that adds fedlearn).
  overlaid = basePkgs // {
    fedlearn = derivation "fedlearn-0.1.0";
  };
  # Building for aarch64 on x86_64.
  cross = basePkgs // {
    stdenv = basePkgs.stdenv // {
      hostPlatform.system = "aarch64-linux";
    };
  };

  evaluateWith =
    {
      fedlearn ? { },
      extra ? { },
      module ? ../module.nix,
      pkgs ? overlaid,
    }:
    lib.evalModules {
      modules = [
        ./nixos-options.nix
        module
        extra
        { services.fedlearn = { enable = true; } // fedlearn; }
      ];
      specialArgs = { inherit pkgs; };
    };
  evaluate = arguments: (evaluateWith arguments).config;
  # Whether evaluating the configuration's units (and their config files) fails.
  isRefused =
    arguments:
    !(builtins.tryEval (
      builtins.deepSeq [
        (evaluate arguments).systemd.services
        (evaluate arguments).services.fedlearn.settings
      ] true
    )).success;

  failed = config: map (a: a.message) (lib.filter (a: !a.assertion) config.assertions);
  readConfig = path: builtins.fromJSON (builtins.readFile path);
  jobConfig =
    service:
    readConfig (lib.last (lib.splitString " --config " (lib.head (lib.toList service.serviceConfig.ExecStart))));
  check = what: ok: { inherit what ok; };

  minimal = evaluate { fedlearn.settings.repo = "/srv/fed"; };
  minimalChecks = [
    (check "minimal: no failed assertion" (failed minimal == [ ] && minimal.warnings == [ ]))
    (check "minimal: the four job services" (
      lib.attrNames minimal.systemd.services == [
        "fedlearn-export"
        "fedlearn-import"
        "fedlearn-metrics"
        "fedlearn-sync"
      ]
    ))
    (check "minimal: the system user" minimal.users.users.fedlearn.isSystemUser)
    (check "minimal: embedded Qdrant" ((jobConfig minimal.systemd.services.fedlearn-export).qdrant.url == ""))
    (check "minimal: system.checks validates the six config files (etc, four jobs, the wrapper's)" (
      lib.length (lib.filter (lib.hasInfix "config validate") (lib.splitString "\n" (lib.head minimal.system.checks).script)) == 6
    ))
  ];

  # Item 8: the package comes from the host's pkgs.
  fromHostPkgs = evaluate {
    pkgs = basePkgs;
    fedlearn.settings.repo = "/srv/fed";
  };
  packageChecks = [
    (check "package: pkgs.fedlearn when an overlay gives it" (minimal.services.fedlearn.package.name == "fedlearn-0.1.0"))
    (check "package: else nix/package.nix with the host's callPackage" (
      fromHostPkgs.services.fedlearn.package.name == "fedlearn-from-callPackage"
      && fromHostPkgs.services.fedlearn.package.path == ../package.nix
      && lib.hasInfix "fedlearn-from-callPackage/bin/fedlearn import" fromHostPkgs.systemd.services.fedlearn-import.serviceConfig.ExecStart
    ))
  ];

  # Item 6: the build-time check can be switched off, and is off when cross-compiling.
  crossBuilt = evaluate {
    pkgs = cross;
    fedlearn.settings.repo = "/srv/fed";
  };
  unchecked = evaluate {
    fedlearn = {
      settings.repo = "/srv/fed";
      checkConfig = false;
    };
  };
  checkChecks = [
    (check "checkConfig: off when the build machine cannot run the host's package" (
      !crossBuilt.services.fedlearn.checkConfig && crossBuilt.system.checks == [ ]
    ))
    (check "checkConfig = false: no system.checks" (unchecked.system.checks == [ ]))
  ];

  # Item 9: per-job timers filled by the schedule presets.
  scheduleChecks = lib.concatMap (
    name:
    let
      config = evaluate {
        fedlearn = {
          settings.repo = "/srv/fed";
          schedule = name;
        };
      };
    in
    map (
      job:
      check "schedule ${name}: ${job} OnCalendar from schedules.json" (
        config.services.fedlearn.timers.${job}.onCalendar == schedules.${name}.${job}.systemd
        && config.systemd.timers."fedlearn-${job}".timerConfig.OnCalendar == schedules.${name}.${job}.systemd
        && config.systemd.timers."fedlearn-${job}".timerConfig.Persistent
      )
    ) (lib.attrNames schedules.${name})
  ) (lib.attrNames schedules);
  timed = evaluate {
    fedlearn = {
      settings.repo = "/srv/fed";
      schedule = "minimal";
      timers = {
        sync = "*:0/30"; # the earlier form: OnCalendar alone
        export = {
          onCalendar = [
            "Sat 04:00"
            "Wed 04:00"
          ];
          timerConfig.RandomizedDelaySec = "2h";
        };
        metrics.enable = false;
      };
    };
  };
  custom = evaluate {
    fedlearn = {
      settings.repo = "/srv/fed";
      schedule = "custom";
      timers.sync.onCalendar = "hourly";
    };
  };
  timerChecks = [
    (check "timers: a string is OnCalendar" (timed.systemd.timers.fedlearn-sync.timerConfig.OnCalendar == "*:0/30"))
    (check "timers: a list of times and timerConfig over the module's" (
      timed.systemd.timers.fedlearn-export.timerConfig == {
        OnCalendar = [
          "Sat 04:00"
          "Wed 04:00"
        ];
        Persistent = true;
        RandomizedDelaySec = "2h";
      }
    ))
    (check "timers: one switched off, its service kept" (
      !(timed.systemd.timers ? fedlearn-metrics) && timed.systemd.services ? fedlearn-metrics
    ))
    (check "timers: custom without times fails naming the timers" (
      failed custom == [
        ''services.fedlearn.timers.export.onCalendar: schedule "custom" gives no time for export, metrics; set timers.<job>.onCalendar, or timers.<job>.enable = false''
      ]
    ))
    (check "timers: no timer for a job without one" (
      isRefused {
        fedlearn = {
          settings.repo = "/srv/fed";
          timers.import = "hourly";
        };
      }
    ))
  ];

  connected = evaluate {
    fedlearn = {
      repo.url = "git@example.org:alice/fed.git";
      publish = {
        enable = true;
        sshKeyFile = "/run/secrets/deploy-key";
      };
      timeouts.pull = "8h";
      settings = {
        qdrant.api_key_file = "/run/secrets/qdrant";
        embedding = {
          provider = "ollama";
          url = "http://127.0.0.1:11434";
        };
        sync.max_line_bytes = 4096;
      };
    };
    extra = {
      services.qdrant = {
        enable = true;
        settings.service = {
          host = "0.0.0.0";
          http_port = 7333;
        };
      };
      services.ollama.enable = true;
      programs.ssh.package = derivation "openssh-hpn";
    };
  };
  connectedSync = connected.systemd.services.fedlearn-sync;
  connectedImport = connected.systemd.services.fedlearn-import;
  connectedPublish = connected.systemd.services.fedlearn-publish;
  connectedPull = connected.systemd.services.fedlearn-pull;
  connectedChecks = [
    (check "connected: no failed assertion" (failed connected == [ ]))
    (check "connected: repo defaults into the state dir" ((jobConfig connectedSync).repo == "/var/lib/fedlearn/repo"))
    # Item 12: the computed URL is the option's real default.
    (check "connected: settings.qdrant.url defaults to services.qdrant's address" (
      connected.services.fedlearn.settings.qdrant.url == "http://127.0.0.1:7333"
      && (jobConfig connectedSync).qdrant.url == "http://127.0.0.1:7333"
    ))
    # Item 1: readiness at boot.
    (check "connected: import after qdrant.service and ollama.service, waits, restarts" (
      lib.all (unit: lib.elem unit connectedImport.after && lib.elem unit connectedImport.wants) [
        "qdrant.service"
        "ollama.service"
        "fedlearn-clone.service"
      ]
      && lib.hasInfix "/bin/fedlearn import --wait-ready 300 --config" connectedImport.serviceConfig.ExecStart
      && connectedImport.serviceConfig.Restart == "on-failure"
    ))
    # Item 2: a lost lock race.
    (check "connected: exit 3 is success for every job" (
      lib.all (job: connected.systemd.services."fedlearn-${job}".serviceConfig.SuccessExitStatus == [ 3 ]) [
        "sync"
        "export"
        "metrics"
        "import"
      ]
    ))
    # Items 3, 4, 5.
    (check "connected: no restart on switch, clone wanted not required, timeouts" (
      lib.all (
        unit:
        let
          service = connected.systemd.services.${unit};
        in
        !service.restartIfChanged && service.requires == [ ] && service.serviceConfig ? TimeoutStartSec
      ) (lib.attrNames connected.systemd.services)
    ))
    # Issue 15 item 6: a failed sync must not skip the pull that may bring the repair.
    (check "connected: sync wants publish and pull, which run after it in units of their own" (
      lib.all (job: lib.hasInfix "/bin/fedlearn ${job} --config" connected.systemd.services."fedlearn-${job}".serviceConfig.ExecStart) [
        "sync"
        "publish"
        "pull"
      ]
      && lib.all (unit: lib.elem unit connectedSync.wants && !(lib.elem unit connectedSync.after)) [
        "fedlearn-publish.service"
        "fedlearn-pull.service"
      ]
      && lib.elem "fedlearn-sync.service" connectedPublish.after
      && lib.all (unit: lib.elem unit connectedPull.after) [
        "fedlearn-sync.service"
        "fedlearn-publish.service"
        "fedlearn-import.service"
      ]
      # Ordered, not required either way: a failed sync (or publish) fails no other job.
      && lib.all (unit: !(lib.elem unit connectedPull.wants) && !(lib.elem unit connectedPublish.wants)) [
        "fedlearn-sync.service"
        "fedlearn-publish.service"
      ]
      && lib.all (service: service.requires == [ ] && !(service.unitConfig ? Requisite) && !(service.unitConfig ? BindsTo)) (
        lib.attrValues connected.systemd.services
      )
    ))
    (check "connected: sync has no network and no remote's secrets; publish and pull talk to it" (
      connectedSync.serviceConfig.PrivateNetwork
      && !(connectedSync.environment ? GIT_SSH_COMMAND)
      && lib.all (service: lib.elem "ssh-key:/run/secrets/deploy-key" service.serviceConfig.LoadCredential) [
        connectedPublish
        connectedPull
      ]
      && lib.all (service: lib.elem "network-online.target" service.wants) [
        connectedPublish
        connectedPull
      ]
      && lib.all (unit: lib.elem unit connectedPull.wants) [
        "qdrant.service"
        "ollama.service"
      ]
    ))
    (check "connected: each job unit has its own timeout, from timeouts.<job>" (
      lib.mapAttrs (_: service: service.serviceConfig.TimeoutStartSec) connected.systemd.services == {
        fedlearn-clone = "1h";
        fedlearn-sync = "30min";
        fedlearn-publish = "30min";
        fedlearn-pull = "8h";
        fedlearn-export = "1h";
        fedlearn-metrics = "5min";
        fedlearn-import = "6h";
      }
    ))
    # nixpkgs warns of After=network-online.target without Wants= (it is not pulled in otherwise).
    (check "connected: every unit after network-online.target also wants it" (
      lib.all (service: lib.elem "network-online.target" service.after -> lib.elem "network-online.target" service.wants) (
        lib.attrValues connected.systemd.services
      )
    ))
    (check "connected: system.checks validates every unit's config file (etc, six jobs, the wrapper's)" (
      lib.length (lib.filter (lib.hasInfix "config validate") (lib.splitString "\n" (lib.head connected.system.checks).script)) == 8
    ))
    (check "connected: secrets by LoadCredential, the configs naming the copies" (
      connectedPull.serviceConfig.LoadCredential == [
        "qdrant-api-key:/run/secrets/qdrant"
        "ssh-key:/run/secrets/deploy-key"
      ]
      && connectedSync.serviceConfig.LoadCredential == [ "qdrant-api-key:/run/secrets/qdrant" ]
      && (jobConfig connectedPull).qdrant.api_key_file == "/run/credentials/fedlearn-pull.service/qdrant-api-key"
      && (readConfig connected.environment.etc."fedlearn/config.toml".source).qdrant.api_key_file == "/run/secrets/qdrant"
    ))
    # Item 14: the ssh the system configures.
    (check "connected: git runs programs.ssh.package, in batch mode, a new host's key accepted once" (
      lib.hasPrefix "${storePath "openssh-hpn"}/bin/ssh -i " connectedPublish.environment.GIT_SSH_COMMAND
      && lib.hasInfix "-o BatchMode=yes" connectedPublish.environment.GIT_SSH_COMMAND
      && lib.hasInfix "-o 'StrictHostKeyChecking=accept-new'" connectedPull.environment.GIT_SSH_COMMAND
      && lib.hasInfix "-o 'UserKnownHostsFile=/var/lib/fedlearn/known_hosts'" connectedPull.environment.GIT_SSH_COMMAND
    ))
    (check "connected: freeform settings kept" ((jobConfig connectedSync).sync.max_line_bytes == 4096))
    # Item 15: the wrapper is the fedlearn on PATH.
    (check "connected: the wrapper is installed as fedlearn" (
      map (package: package.name) connected.environment.systemPackages == [ "fedlearn" ]
      && lib.hasInfix "systemd-run" (lib.head connected.environment.systemPackages).text
      && lib.hasInfix "--property='LoadCredential=ssh-key:/run/secrets/deploy-key'" (lib.head connected.environment.systemPackages).text
      && lib.hasInfix "${storePath "systemd"}/bin/systemd-run " (lib.head connected.environment.systemPackages).text
    ))
  ];

  # Pinned host keys: a file of the lines, checked strictly, in every unit that talks to the remote.
  githubKey = "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
  pinned = evaluate {
    fedlearn = {
      repo.url = "git@github.com:alice/fed.git";
      repo.sshKnownHosts = [
        githubKey
        "[git.lan]:2222 ssh-rsa AAAAB3NzaC1yc2E comment"
      ];
      publish.enable = true;
    };
  };
  sshOptions =
    service:
    let
      words = lib.splitString " " service.environment.GIT_SSH_COMMAND;
    in
    lib.genAttrs [ "UserKnownHostsFile" "StrictHostKeyChecking" ] (
      name: lib.removeSuffix "'" (lib.removePrefix "'${name}=" (lib.findFirst (lib.hasPrefix "'${name}=") "'${name}=" words))
    );
  pinnedFile = (sshOptions pinned.systemd.services.fedlearn-pull).UserKnownHostsFile;
  strictAlone = fedlearn: extra: evaluate {
    inherit extra;
    fedlearn = lib.recursiveUpdate {
      repo.url = "git@github.com:alice/fed.git";
      repo.strictHostKeyChecking = true;
    } fedlearn;
  };
  knownHostsChecks = [
    (check "known hosts: pinned lines give StrictHostKeyChecking=yes and a file of exactly them" (
      failed pinned == [ ]
      && lib.all (unit: sshOptions pinned.systemd.services.${unit} == {
        UserKnownHostsFile = pinnedFile;
        StrictHostKeyChecking = "yes";
      }) [ "fedlearn-clone" "fedlearn-publish" "fedlearn-pull" ]
      && lib.hasPrefix builtins.storeDir pinnedFile
      && builtins.readFile pinnedFile == "${githubKey}\n[git.lan]:2222 ssh-rsa AAAAB3NzaC1yc2E comment\n"
      && lib.hasInfix "StrictHostKeyChecking=yes" (lib.head pinned.environment.systemPackages).text
    ))
    (check "known hosts: nothing pinned is accept-new into the state dir" (
      sshOptions connectedPublish == {
        UserKnownHostsFile = "/var/lib/fedlearn/known_hosts";
        StrictHostKeyChecking = "accept-new";
      }
    ))
    (check "known hosts: strict with only programs.ssh.knownHosts reads no file of its own" (
      let
        system = strictAlone { } { programs.ssh.knownHosts."github.com".publicKey = "ssh-ed25519 AAAA"; };
      in
      failed system == [ ]
      && sshOptions system.systemd.services.fedlearn-clone == {
        UserKnownHostsFile = "/dev/null";
        StrictHostKeyChecking = "yes";
      }
    ))
    (check "known hosts: strict with no key pinned anywhere fails naming the option" (
      lib.any (lib.hasPrefix "services.fedlearn.repo.strictHostKeyChecking: no host key is pinned") (failed (strictAlone { } { }))
    ))
    (check "known hosts: strictHostKeyChecking = false keeps accept-new despite pinned lines" (
      sshOptions (strictAlone {
        repo.strictHostKeyChecking = false;
        repo.sshKnownHosts = [ githubKey ];
      } { }).systemd.services.fedlearn-clone == {
        UserKnownHostsFile = "/var/lib/fedlearn/known_hosts";
        StrictHostKeyChecking = "accept-new";
      }
    ))
  ]
  ++ map (line: check "known hosts: ${builtins.toJSON line} is refused by the type" (
    isRefused {
      fedlearn = {
        repo.url = "git@github.com:alice/fed.git";
        repo.sshKnownHosts = [ line ];
      };
    }
  )) [
    "github.com"
    "github.com ssh-ed25519"
    "${githubKey}\nevil.example ssh-ed25519 AAAA"
  ];

  # Item 14: this host's Qdrant is not waited for when another is configured.
  remoteQdrant = evaluate {
    fedlearn.settings = {
      repo = "/srv/fed";
      qdrant.url = "http://qdrant.lan:6333";
    };
    extra.services.qdrant.enable = true;
  };

  # Item 13: settings is the effective configuration, with the module system's priorities.
  forced = evaluate {
    fedlearn.settings = {
      repo = "/srv/fed";
      embedding.dimension = 768;
    };
    extra.services.fedlearn.settings.embedding.dimension = lib.mkForce 1024;
  };
  renamed = evaluateWith {
    fedlearn = {
      repo.path = "/srv/fed";
      valueThreshold = 0.9;
      nodeId = "lab";
      qdrant.apiKeyFile = "/run/secrets/q";
      metrics.textfileDirectory = "/var/lib/node-exporter";
    };
  };
  settingsChecks = [
    (check "settings: mkForce wins, and the files follow" (
      forced.services.fedlearn.settings.embedding.dimension == 1024
      && (jobConfig forced.systemd.services.fedlearn-import).embedding.dimension == 1024
    ))
    (check "settings: two values for one key at one priority are an error" (
      isRefused {
        fedlearn.settings = {
          repo = "/srv/fed";
          embedding.dimension = 768;
        };
        extra.services.fedlearn.settings.embedding.dimension = 1024;
      }
    ))
    (check "settings: a misspelled typed key's value is refused by its type" (
      isRefused {
        fedlearn.settings = {
          repo = "/srv/fed";
          sync.value_threshold = 2;
        };
      }
    ))
    (check "settings: the earlier options fill their keys, with a warning each" (
      renamed.config.services.fedlearn.settings.repo == "/srv/fed"
      && renamed.config.services.fedlearn.settings.sync.value_threshold == 0.9
      && renamed.config.services.fedlearn.settings.node_id == "lab"
      && renamed.config.services.fedlearn.settings.qdrant.api_key_file == "/run/secrets/q"
      && renamed.config.services.fedlearn.settings.metrics.path == "/var/lib/node-exporter/fedlearn.prom"
      && lib.length renamed.config.warnings >= 2
    ))
    (check "settings: repo's default is documented with qualified names" (
      lib.hasInfix "config.services.fedlearn.repo.url"
        (renamed.options.services.fedlearn.settings.type.getSubOptions [ ]).repo.defaultText.text
    ))
    (check "settings: a local Qdrant not configured is not waited for" (
      !(lib.elem "qdrant.service" remoteQdrant.systemd.services.fedlearn-import.wants)
      && !(lib.elem "qdrant.service" remoteQdrant.systemd.services.fedlearn-export.wants)
    ))
  ];

  # Item 10: path types.
  pathChecks =
    map
      (
        case:
        check "paths: ${case.what} is refused by its type" (
          isRefused {
            fedlearn = {
              settings.repo = "/srv/fed";
            }
            // case.options;
          }
        )
      )
      [
        {
          what = "a relative telemetry path";
          options.settings.sync.telemetry = [ "events.jsonl" ];
        }
        {
          what = "a state dir under ~";
          options.settings.state_dir = "~/fedlearn";
        }
        {
          what = "an API key file in the Nix store";
          options.settings.qdrant.api_key_file = storePath "qdrant-key";
        }
        {
          what = "an ssh key in the Nix store";
          options.publish = {
            enable = true;
            sshKeyFile = storePath "deploy-key";
          };
        }
      ];

  # Item 11 (the assertion's logic is tested in tests/nix/test_units.py).
  broken = evaluate {
    fedlearn.repo.url = "https://alice:ghp_token@github.com/alice/fed.git";
  };
  # The flake's module check (./module.nix) with nixosSystem standing in: its assertions (the
  # expected messages) hold; its unit files and system.checks need real NixOS.
  nixosCheck = import ./module.nix {
    pkgs = overlaid // {
      inherit lib;
      nixosOptionsDoc = _: { optionsJSON = null; };
    };
    nixosSystem =
      { modules }:
      lib.evalModules {
        modules = modules ++ [
          ./nixos-options.nix
          {
            options = {
              nixpkgs.hostPlatform = lib.mkOption { type = lib.types.anything; };
              boot.isContainer = lib.mkOption { type = lib.types.bool; };
              system.stateVersion = lib.mkOption { type = lib.types.str; };
            };
          }
        ];
        specialArgs.pkgs = overlaid;
      };
    module = ../module.nix;
  };
  documented = lib.filter (option: option.visible && !option.internal) (
    lib.optionAttrSetToDocList renamed.options.services.fedlearn
  );
  otherChecks = [
    (check "nix/tests/module.nix: its assertions hold" ((builtins.tryEval nixosCheck.name).success))
    (check "every visible option has a description, and an example (the package's is its name)" (
      lib.all (option: option.description or null != null) documented
      && map (option: option.name) (lib.filter (option: !(option ? example)) documented) == [
        "services.fedlearn.package"
      ]
    ))
    (check "broken: credentials in the URL, message starting with the option path" (
      lib.any (lib.hasPrefix "services.fedlearn.repo.url: holds credentials") (failed broken)
    ))
    (check "the flake's nixosModules.default is nix/module.nix" (flake.nixosModules.default == ../module.nix))
  ];

  # The flake's outputs with a stand-in nixpkgs.
  systems = [
    "x86_64-linux"
    "aarch64-linux"
  ];
  flake = (import ../../flake.nix).outputs {
    self = flake;
    nixpkgs = {
      inherit lib;
      legacyPackages = lib.genAttrs systems (_: basePkgs);
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
    (check "flake: systems" (
      lib.all (output: lib.attrNames flake.${output} == lib.sort lib.lessThan systems) [
        "apps"
        "checks"
        "devShells"
        "formatter"
        "packages"
      ]
    ))
    (check "flake: packages" (lib.attrNames flake.packages.x86_64-linux == [ "default" "fedlearn" ]))
    (check "flake: apps, the default one the bare CLI" (
      lib.attrNames flake.apps.aarch64-linux == [
        "default"
        "export"
        "import"
        "publish"
        "pull"
        "sync"
      ]
      && flake.apps.x86_64-linux.default.program == "${storePath "fedlearn-from-callPackage"}/bin/fedlearn"
    ))
    (check "flake: the devShell has google-re2" (lib.elem "google-re2" (lib.head flake.devShells.x86_64-linux.default.packages)))
    (check "flake: checks" (lib.attrNames flake.checks.x86_64-linux == [ "module" "package" "vm" ]))
  ];

  checks =
    minimalChecks
    ++ packageChecks
    ++ checkChecks
    ++ scheduleChecks
    ++ timerChecks
    ++ connectedChecks
    ++ knownHostsChecks
    ++ settingsChecks
    ++ pathChecks
    ++ otherChecks
    ++ flakeChecks;
  failures = map (c: c.what) (lib.filter (c: !c.ok) checks);

  # The option values nix/units.nix receives for the defaults (tests/nix/conftest.py's DEFAULTS).
  reference = (evaluate { fedlearn.settings.repo = "/srv/federation"; }).services.fedlearn;
  defaults = {
    inherit (reference)
      enable
      schedule
      timers
      timeouts
      readyTimeout
      publish
      importOnBoot
      checkConfig
      user
      group
      settings
      ;
    repo = {
      inherit (reference.repo)
        url
        credentialsFile
        sshKnownHosts
        strictHostKeyChecking
        ;
    };
  };

  # The VM test's Python, for tests/nix to compile (the VM itself needs nixpkgs and KVM).
  vmTestScript =
    (import ./vm.nix { module = ../module.nix; } {
      inherit lib;
      pkgs = basePkgs // {
        writeText = name: _text: storePath name;
      };
    }).testScript;
in
if failures == [ ] then
  {
    passed = lib.length checks;
    inherit defaults vmTestScript;
  }
else
  throw "nix/module.nix: ${toString (lib.length failures)} check(s) failed:\n  ${lib.concatStringsSep "\n  " failures}"
