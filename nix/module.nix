# services.fedlearn: keep what a self-hosted AI stack learned in a git repository and share it
# between machines. The options are the documentation; nix/units.nix turns them into units.
# Works with or without the flake: imported alone, the package is built with this system's pkgs.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.fedlearn;
  settingsFormat = pkgs.formats.toml { };
  schedules = lib.importJSON ../fedlearn/schedules.json;
  timedJobs = [
    "sync"
    "export"
    "metrics"
  ];

  localQdrantUrl =
    if config.services.qdrant.enable then
      import ./qdrant-url.nix (config.services.qdrant.settings.service or { })
    else
      null;

  units = import ./units.nix {
    inherit cfg localQdrantUrl;
    inherit (cfg) package;
    hasLocalOllama = config.services.ollama.enable or false;
    hasSystemKnownHosts =
      config.programs.ssh.knownHosts != { } || config.programs.ssh.knownHostsFiles != [ ];
    inherit (pkgs) git writeText;
    openssh = config.programs.ssh.package;
    systemd = config.systemd.package;
    writeConfig = settingsFormat.generate;
  };

  configFile = settingsFormat.generate "fedlearn.toml" units.settings;

  # Like nixpkgs' borgmatic module: the generated files must pass fedlearn's own validation at
  # build time, so a typo in `settings` fails `nixos-rebuild`, not the first timer run.
  configCheck =
    pkgs.runCommand "fedlearn-config-check"
      {
        nativeBuildInputs = [ pkgs.git ];
      }
      ''
        export HOME="$TMPDIR" XDG_CONFIG_HOME="$TMPDIR/config" XDG_STATE_HOME="$TMPDIR/state"
        ${lib.concatMapStringsSep "\n" (file: "${lib.getExe cfg.package} config validate ${file}") (
          [ configFile ] ++ lib.attrValues units.configFiles
        )}
        touch "$out"
      '';

  wrapper = pkgs.writeShellScriptBin "fedlearn" units.wrapper;

  # A path, or "" for fedlearn's own meaning of the key (none, or its default place).
  pathOrEmpty = lib.types.either (lib.types.enum [ "" ]) lib.types.externalPath;
  # systemd's unit option values, as nixpkgs' systemd-lib types them.
  unitOption =
    let
      primitive = lib.types.oneOf [
        lib.types.bool
        lib.types.int
        lib.types.str
      ];
    in
    lib.types.either primitive (lib.types.listOf primitive);

  scheduleRows = lib.concatMapStrings (
    name:
    let
      jobs = schedules.${name};
    in
    "| ${name} | `${jobs.sync.systemd}` | `${jobs.export.systemd}` | `${jobs.metrics.systemd}` |\n"
  ) (lib.attrNames schedules);

  timerModule = job: {
    options = {
      enable = lib.mkOption {
        type = lib.types.bool;
        default = true;
        example = false;
        description = "Whether `fedlearn-${job}.timer` runs `fedlearn ${job}`; the service stays, to start by hand.";
      };
      onCalendar = lib.mkOption {
        type = lib.types.nullOr (lib.types.either lib.types.str (lib.types.listOf lib.types.str));
        default =
          if cfg.schedule == "custom" then null else schedules.${cfg.schedule}.${job}.systemd;
        defaultText = lib.literalMD "the time of `${job}` in {option}`services.fedlearn.schedule` (`null` for `custom`)";
        example = [
          "Mon..Fri *-*-* 09..18:00/30"
          "Sat,Sun *-*-* 12:00"
        ];
        description = "`OnCalendar=` of the timer (see {manpage}`systemd.time(7)`); a list gives one line each.";
      };
      timerConfig = lib.mkOption {
        type = lib.types.attrsOf unitOption;
        default = { };
        example = {
          RandomizedDelaySec = "1h";
          Persistent = false;
        };
        description = ''
          Further `[Timer]` settings (see {manpage}`systemd.timer(5)`), over the module's
          `Persistent=true` and `RandomizedDelaySec=`.
        '';
      };
    };
  };

  timerOption =
    job:
    lib.mkOption {
      # A string is the OnCalendar= alone, as in earlier versions of this module.
      type = lib.types.coercedTo lib.types.str (onCalendar: { inherit onCalendar; }) (
        lib.types.submodule (timerModule job)
      );
      default = { };
      example = {
        onCalendar = "*:0/30";
        timerConfig.RandomizedDelaySec = "10m";
      };
      description = "The timer of `fedlearn ${job}`.";
    };

  timeoutOption =
    unit: default: why:
    lib.mkOption {
      type = lib.types.nonEmptyStr;
      inherit default;
      example = "2h";
      description = ''
        `TimeoutStartSec=` of `fedlearn-${unit}.service` (a {manpage}`systemd.time(7)` span, or
        `infinity`): a run still going after this is stopped, and the next run resumes it.
        ${why}
      '';
    };

  settingsModule = {
    freeformType = settingsFormat.type;
    options = {
      node_id = lib.mkOption {
        type = lib.types.strMatching "([a-z0-9][a-z0-9-]{0,62})?";
        default = "";
        example = "workstation";
        description = ''
          This machine's pseudonymous name in the federation repo (never a hostname by default).
          `""` derives it from {file}`/etc/machine-id`.
        '';
      };
      state_dir = lib.mkOption {
        type = lib.types.externalPath;
        default = "/var/lib/fedlearn";
        example = "/srv/fedlearn/state";
        description = ''
          fedlearn's own local state: cursors, locks, quarantine, the embedded Qdrant store and
          (by default) the metrics textfile. Never in git. Created by the module, writable by the
          units, the `fedlearn` user's home.
        '';
      };
      repo = lib.mkOption {
        type = pathOrEmpty;
        default = if cfg.repo.url != null then "${cfg.settings.state_dir}/repo" else "";
        defaultText = lib.literalExpression ''if config.services.fedlearn.repo.url != null then "''${config.services.fedlearn.settings.state_dir}/repo" else ""'';
        example = "/srv/fedlearn-data";
        description = ''
          The federation repo: a git checkout that holds {file}`data/`. It may be this project's
          repository, a fork, or your NixOS configuration repository. When it lives under
          {file}`/home`, the units run without `ProtectHome`; set {option}`services.fedlearn.user`
          to the checkout's owner then.
        '';
      };
      sync = {
        telemetry = lib.mkOption {
          type = lib.types.listOf lib.types.externalPath;
          default = [ ];
          example = [ "/var/lib/ai-stack/telemetry/hybrid-events.jsonl" ];
          description = "Telemetry JSONL files (or globs) the AI stack writes; sync reads their new lines. Under {file}`/home`, the units see /home read-only.";
        };
        fine_tuning = lib.mkOption {
          type = pathOrEmpty;
          default = "";
          example = "/var/lib/ai-stack/fine-tuning/dataset.jsonl";
          description = "The runtime fine-tuning dataset (OpenAI chat JSONL) sync reads; `\"\"`: none.";
        };
        value_threshold = lib.mkOption {
          type = lib.types.numbers.between 0 1;
          default = 0.7;
          example = 0.8;
          description = "Telemetry events scoring below this value are not federated.";
        };
      };
      qdrant = {
        url = lib.mkOption {
          type = lib.types.str;
          default = if localQdrantUrl != null then localQdrantUrl else "";
          defaultText = lib.literalMD ''
            `http://<host>:<http_port>` (`https` with `service.enable_tls`; a wildcard host is
            reached on loopback) from {option}`services.qdrant.settings` when
            {option}`services.qdrant.enable` is set, else `""`
          '';
          example = "http://qdrant.internal:6333";
          description = ''
            The live Qdrant that export reads and import fills. `""`: fedlearn's embedded store in
            the state dir. Only when it is this host's Qdrant do the units wait for `qdrant.service`.
          '';
        };
        api_key_file = lib.mkOption {
          type = pathOrEmpty;
          default = "";
          example = "/run/secrets/qdrant-api-key";
          description = ''
            A file holding Qdrant's API key. The units load it with `LoadCredential` and their
            config files name their own copy, so it stays readable by root only and never enters
            the store (a store path is refused).
          '';
        };
        collections = lib.mkOption {
          type = lib.types.listOf lib.types.str;
          default = [
            "skills-patterns"
            "error-solutions"
            "best-practices"
          ];
          example = [ "error-solutions" ];
          description = "The Qdrant collections that are exported and imported.";
        };
      };
      embedding = {
        provider = lib.mkOption {
          type = lib.types.enum [
            "hash"
            "openai"
            "ollama"
          ];
          default = "hash";
          example = "ollama";
          description = ''
            How import regenerates vectors: `hash` (deterministic, offline), or an
            `openai`-compatible or `ollama` embeddings API at `embedding.url`. With
            {option}`services.ollama.enable`, the units that embed start after `ollama.service`.
          '';
        };
        url = lib.mkOption {
          type = lib.types.str;
          default = "";
          example = "http://127.0.0.1:11434";
          description = "The embeddings API; required unless the provider is `hash`.";
        };
        model = lib.mkOption {
          type = lib.types.str;
          default = "";
          example = "nomic-embed-text";
          description = "The embedding model name; `\"\"`: fedlearn's default for the provider.";
        };
        dimension = lib.mkOption {
          type = lib.types.ints.positive;
          default = 768;
          example = 1024;
          description = "The vector size of the collections (the stack's are 768, nomic-embed-text).";
        };
        api_key_file = lib.mkOption {
          type = pathOrEmpty;
          default = "";
          example = "/run/secrets/openai-api-key";
          description = "A file holding the embeddings API key; loaded with `LoadCredential` as `qdrant.api_key_file` is.";
        };
      };
      publish.branch = lib.mkOption {
        type = lib.types.str;
        default = "main";
        example = "fedlearn";
        description = "The branch that is cloned, pulled and pushed.";
      };
      pull.import_after = lib.mkOption {
        type = lib.types.bool;
        default = true;
        example = false;
        description = "Import what a pull brought (sync's pull, when the repo has a remote).";
      };
      metrics.path = lib.mkOption {
        type = pathOrEmpty;
        default = "";
        example = "/var/lib/prometheus-node-exporter-text/fedlearn.prom";
        description = ''
          Where `fedlearn metrics` writes its textfile for node_exporter's textfile collector:
          its folder is created (0755, owned by {option}`services.fedlearn.user`) and writable by
          the units, and the file is readable by all. `""`: the state dir.
        '';
      };
    };
  };

  renamed = from: to: lib.mkRenamedOptionModule (prefix ++ from) (prefix ++ [ "settings" ] ++ to);
  # Options of earlier versions whose `null` is `""` in settings.
  changed =
    from: to: change:
    lib.mkChangedOptionModule (prefix ++ from) (prefix ++ [ "settings" ] ++ to) (
      config: change (lib.getAttrFromPath (prefix ++ from) config)
    );
  prefix = [
    "services"
    "fedlearn"
  ];
  orEmpty = value: if value == null then "" else value;
in
{
  imports = [
    (renamed [ "stateDir" ] [ "state_dir" ])
    (changed [ "repo" "path" ] [ "repo" ] orEmpty)
    (renamed [ "repo" "branch" ] [ "publish" "branch" ])
    (changed [ "nodeId" ] [ "node_id" ] orEmpty)
    (renamed [ "telemetryPaths" ] [ "sync" "telemetry" ])
    (changed [ "fineTuningDataset" ] [ "sync" "fine_tuning" ] orEmpty)
    (renamed [ "valueThreshold" ] [ "sync" "value_threshold" ])
    (changed [ "qdrant" "url" ] [ "qdrant" "url" ] orEmpty)
    (changed [ "qdrant" "apiKeyFile" ] [ "qdrant" "api_key_file" ] orEmpty)
    (renamed [ "qdrant" "collections" ] [ "qdrant" "collections" ])
    (renamed [ "embedding" "provider" ] [ "embedding" "provider" ])
    (changed [ "embedding" "url" ] [ "embedding" "url" ] orEmpty)
    (changed [ "embedding" "model" ] [ "embedding" "model" ] orEmpty)
    (renamed [ "embedding" "dimension" ] [ "embedding" "dimension" ])
    (changed [ "embedding" "apiKeyFile" ] [ "embedding" "api_key_file" ] orEmpty)
    (changed [ "metrics" "textfileDirectory" ] [ "metrics" "path" ] (
      directory: if directory == null then "" else "${directory}/fedlearn.prom"
    ))
  ];

  # interface
  options.services.fedlearn = {
    enable = lib.mkEnableOption "fedlearn, which keeps what a self-hosted AI stack learned (patterns, fine-tuning records, collection payloads) in a git repository shared between machines";

    package = lib.mkPackageOption pkgs "fedlearn" { } // {
      # Built with this system's pkgs (its overlays and Python), also without the flake.
      default = pkgs.fedlearn or (pkgs.callPackage ./package.nix { });
      defaultText = lib.literalExpression "pkgs.fedlearn or (pkgs.callPackage <fedlearn>/nix/package.nix { })";
    };

    schedule = lib.mkOption {
      type = lib.types.enum [
        "conservative"
        "aggressive"
        "minimal"
        "custom"
      ];
      default = "conservative";
      example = "aggressive";
      description = ''
        When the timed jobs run: the default of each `services.fedlearn.timers.<job>.onCalendar`.
        The named schedules come from the table inside the package that
        `fedlearn schedule show NAME --systemd` prints; `--cron` prints the same times as crontab
        lines for machines without NixOS:

        | schedule | sync | export | metrics |
        |---|---|---|---|
        ${scheduleRows}
        `custom` gives no time: set `onCalendar` of every enabled timer.
      '';
    };

    timers = lib.genAttrs timedJobs timerOption;

    timeouts = {
      clone = timeoutOption "clone" "1h" ''
        The first clone of a large federation repository (after a reinstall) may take long on a
        slow link; a stalled transfer is dropped well before (ssh keep-alives, git's low-speed
        limit).
      '';
      sync = timeoutOption "sync" "30min" ''
        sync reads local files only (a million telemetry events take about a second); publish
        and pull run after it in units of their own, each with its own timeout.
      '';
      publish = timeoutOption "publish" "30min" ''
        Each git fetch and push inside is bounded by `publish.timeout` in
        {option}`services.fedlearn.settings` (600 s).
      '';
      pull = timeoutOption "pull" "6h" ''
        pull imports what it brought, which after a reinstall or a long absence is everything
        the other machines published: as long as `import`.
      '';
      export = timeoutOption "export" "1h" "";
      metrics = timeoutOption "metrics" "5min" "";
      import = timeoutOption "import" "6h" ''
        A full import re-embeds every point with the configured embedder (hours on a CPU for a
        large federation).
      '';
    };

    readyTimeout = lib.mkOption {
      type = lib.types.ints.positive;
      default = 300;
      example = 900;
      description = ''
        Seconds `fedlearn-import` waits at start for Qdrant's `/readyz` (Qdrant opens its port only
        after loading every collection) and the embedding server (`fedlearn import --wait-ready`).
        Past it the unit fails and is restarted 30 s later, up to 5 times an hour.
      '';
    };

    repo = {
      url = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "git@github.com:alice/fedlearn-data.git";
        description = ''
          Clone the federation repo from here into {option}`services.fedlearn.settings.repo` on
          first start (unit `fedlearn-clone`). When set, sync also pulls after each run and imports
          what changed. `null`: the checkout is managed by you. It must hold no credentials (they
          would be world-readable in the store): see {option}`services.fedlearn.repo.credentialsFile`.
        '';
      };

      sshKnownHosts = lib.mkOption {
        type = lib.types.listOf (lib.types.strMatching "[^[:space:]]+([[:blank:]]+[^[:space:]]+){2,}[[:blank:]]*");
        default = [ ];
        example = [
          "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
        ];
        description = ''
          Pinned host keys of an ssh remote, as lines of a {manpage}`ssh_known_hosts(5)` file
          (`HOST KEYTYPE KEY`; `[host]:port` for another port), e.g. the key your forge
          publishes or a line of `ssh-keyscan HOST`. They are written to a file in the Nix store
          (public keys only). When any is set, ssh trusts only these and
          {option}`programs.ssh.knownHosts` and refuses any other key
          (see {option}`services.fedlearn.repo.strictHostKeyChecking`).
        '';
      };

      strictHostKeyChecking = lib.mkOption {
        type = lib.types.bool;
        default = cfg.repo.sshKnownHosts != [ ];
        defaultText = lib.literalExpression "config.services.fedlearn.repo.sshKnownHosts != [ ]";
        example = true;
        description = ''
          `true`: ssh runs with `StrictHostKeyChecking=yes` and trusts only the keys in
          {option}`services.fedlearn.repo.sshKnownHosts` and {option}`programs.ssh.knownHosts`
          (an assertion asks for one). `false`: a host not pinned there has its key accepted on
          first use and kept in {file}`<state_dir>/known_hosts` (`accept-new`); a key that
          later changes is refused.
        '';
      };

      credentialsFile = lib.mkOption {
        type = lib.types.nullOr lib.types.externalPath;
        default = null;
        example = "/run/secrets/fedlearn-git-credentials";
        description = ''
          For an HTTPS remote: a file in git-credential-store format (one line,
          `https://USER:TOKEN@HOST`), loaded with `LoadCredential` by the units that talk to the
          remote and read by git's `store` credential helper.
        '';
      };
    };

    publish = {
      enable = lib.mkEnableOption "committing and pushing data/ after each sync (`fedlearn publish`), then pulling the other machines' data and importing it";

      sshKeyFile = lib.mkOption {
        type = lib.types.nullOr lib.types.externalPath;
        default = null;
        example = "/run/secrets/fedlearn-deploy-key";
        description = ''
          A private SSH key that may push to (and clone) the federation repo, e.g. a deploy key.
          Passed to the units with `LoadCredential`, never copied into the Nix store. Host keys:
          {option}`services.fedlearn.repo.sshKnownHosts`.
        '';
      };
    };

    importOnBoot = lib.mkOption {
      type = lib.types.bool;
      default = true;
      example = false;
      description = "Start `fedlearn-import` at boot (after the boot target, and after Qdrant and Ollama when they run on this host).";
    };

    checkConfig = lib.mkOption {
      type = lib.types.bool;
      default = pkgs.stdenv.buildPlatform.canExecute pkgs.stdenv.hostPlatform;
      defaultText = lib.literalExpression "pkgs.stdenv.buildPlatform.canExecute pkgs.stdenv.hostPlatform";
      example = false;
      description = ''
        Run `fedlearn config validate` on the generated files while the system builds. It runs
        the package being installed, so it is off by default when the build machine cannot
        execute it (cross-compiling).
      '';
    };

    user = lib.mkOption {
      type = lib.types.str;
      default = "fedlearn";
      example = "alice";
      description = "The user the units run as; `fedlearn` is created as a system user.";
    };

    group = lib.mkOption {
      type = lib.types.str;
      default = "fedlearn";
      example = "users";
      description = "The group the units run as; `fedlearn` is created.";
    };

    settings = lib.mkOption {
      type = lib.types.submodule settingsModule;
      default = { };
      example = {
        node_id = "workstation";
        sync.telemetry = [ "/var/lib/ai-stack/telemetry/hybrid-events.jsonl" ];
        anonymize.hostnames = [ "corp.example" ];
        publish.author = "fedlearn on workstation <fedlearn@workstation>";
      };
      description = ''
        fedlearn's configuration file, as it is written (see `fedlearn config show --defaults`;
        RFC 42). The keys the units depend on are typed options below; any other key of the file
        may be set too. The units follow these values: the paths decide `ProtectHome`,
        `ReadWritePaths` and tmpfiles rules, `publish.branch` is the branch cloned, `qdrant.url`
        and `embedding.provider` what the jobs wait for. The files are checked with
        `fedlearn config validate` when the system is built ({option}`services.fedlearn.checkConfig`).
      '';
    };
  };

  # implementation
  config = lib.mkIf cfg.enable {
    inherit (units) assertions;

    users.users = lib.mkIf (cfg.user == "fedlearn") {
      fedlearn = {
        isSystemUser = true;
        inherit (cfg) group;
        home = cfg.settings.state_dir;
        description = "fedlearn knowledge federation";
      };
    };
    users.groups = lib.mkIf (cfg.group == "fedlearn") { fedlearn = { }; };

    systemd.services = units.services;
    systemd.timers = units.timers;
    systemd.tmpfiles.rules = units.tmpfiles;

    # The effective configuration, naming the secrets' own paths (for reading, and for the
    # wrapper's runs as another user than root).
    environment.etc."fedlearn/config.toml".source = configFile;
    # `fedlearn` as root runs as the service user with the units' config and credentials.
    environment.systemPackages = [ wrapper ];

    system.checks = lib.optional cfg.checkConfig configCheck;
  };
}
