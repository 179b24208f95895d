# services.fedlearn: keep what a self-hosted AI stack learned in a git repository and share it
# between machines. The options are the documentation; nix/units.nix turns them into units.
{
  config,
  options,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.fedlearn;
  settingsFormat = pkgs.formats.toml { };

  units = import ./units.nix {
    inherit cfg;
    # Set: defined at any priority but the option default's (a mkDefault in another module counts).
    isSet =
      path:
      (lib.getAttrFromPath (lib.splitString "." path) options.services.fedlearn).highestPrio
      < (lib.mkOptionDefault null).priority;
    inherit (cfg) package;
    inherit (pkgs) git openssh;
    inherit schedules;
    localQdrant = if config.services.qdrant.enable then config.services.qdrant.settings else null;
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

  # How a typed option and the config key it fills in `settings` combine (nix/units.nix).
  fills = key: "\n\nConfig key `${key}`. Left at its default, this option gives way to `settings.${key}`; set, it must agree with it (see {option}`services.fedlearn.settings`).";
  owns = key: "\n\nConfig key `${key}`. The units depend on it, so `settings.${key}` may only repeat this option's value (see {option}`services.fedlearn.settings`).";

  schedules = builtins.fromJSON (builtins.readFile ../fedlearn/schedules.json);
  scheduleRows = lib.concatMapStrings (
    name:
    let
      jobs = schedules.${name};
    in
    "| ${name} | `${jobs.sync.systemd}` | `${jobs.export.systemd}` | `${jobs.metrics.systemd}` |\n"
  ) (lib.attrNames schedules);
in
{
  # interface
  options.services.fedlearn = {
    enable = lib.mkEnableOption "fedlearn, which keeps what a self-hosted AI stack learned (patterns, fine-tuning records, collection payloads) in a git repository shared between machines";

    package = lib.mkPackageOption pkgs "fedlearn" { };

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
        When the timed jobs run (`OnCalendar=` of each timer). The named schedules come from the
        table inside the package that `fedlearn schedule show NAME --systemd` prints; `--cron`
        prints the same times as crontab lines for machines without NixOS:

        | schedule | sync | export | metrics |
        |---|---|---|---|
        ${scheduleRows}
        `custom` takes every time from {option}`services.fedlearn.timers`.
      '';
    };

    timers = lib.mkOption {
      type = lib.types.attrsOf lib.types.str;
      default = { };
      example = {
        sync = "*:0/30";
        export = "Sat *-*-* 04:00:00";
      };
      description = ''
        Per-job `OnCalendar=` expressions (see {manpage}`systemd.time(7)`) for the jobs `sync`,
        `export` and `metrics`, overriding the schedule's. Required for every job when
        {option}`services.fedlearn.schedule` is `custom`.
      '';
    };

    nodeId = lib.mkOption {
      type = lib.types.nullOr (lib.types.strMatching "[a-z0-9][a-z0-9-]{0,62}");
      default = null;
      example = "workstation";
      description = ''
        This machine's pseudonymous name in the federation repo (never a hostname by default).
        `null` derives it from {file}`/etc/machine-id`.
      ''
      + fills "node_id";
    };

    repo = {
      path = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = if cfg.repo.url != null then "${cfg.stateDir}/repo" else null;
        defaultText = lib.literalExpression ''if repo.url != null then "''${stateDir}/repo" else null'';
        example = "/srv/fedlearn-data";
        description = ''
          The federation repo: a git checkout that holds {file}`data/`. It may be this project's
          repository, a fork, or your NixOS configuration repository. When it lives under
          {file}`/home`, the units run without `ProtectHome`; set {option}`services.fedlearn.user`
          to the checkout's owner then.
        ''
        + owns "repo";
      };

      url = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "git@github.com:alice/fedlearn-data.git";
        description = ''
          Clone the federation repo from here into {option}`services.fedlearn.repo.path` on first
          start (unit `fedlearn-clone`). When set, sync also pulls after each run and imports what
          changed. `null`: the checkout at `repo.path` is managed by you.
        '';
      };

      branch = lib.mkOption {
        type = lib.types.str;
        default = "main";
        example = "fedlearn";
        description = "The branch that is cloned, pulled and pushed." + fills "publish.branch";
      };
    };

    publish = {
      enable = lib.mkEnableOption "committing and pushing data/ after each sync (`fedlearn publish`), then pulling the other machines' data and importing it";

      sshKeyFile = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "/run/secrets/fedlearn-deploy-key";
        description = ''
          A private SSH key that may push to (and clone) the federation repo, e.g. a deploy key.
          Passed to the units with `LoadCredential`, never copied into the Nix store; the host key
          is accepted on first use and kept in {file}`''${stateDir}/known_hosts`.
        '';
      };
    };

    stateDir = lib.mkOption {
      type = lib.types.str;
      default = "/var/lib/fedlearn";
      example = "/srv/fedlearn/state";
      description = ''
        fedlearn's own local state: cursors, locks, quarantine, the embedded Qdrant store and
        (by default) the metrics textfile. Never in git.
      ''
      + owns "state_dir";
    };

    telemetryPaths = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
      example = [ "/var/lib/ai-stack/telemetry/hybrid-events.jsonl" ];
      description = "Telemetry JSONL files (or globs) the AI stack writes; sync reads their new lines." + fills "sync.telemetry";
    };

    fineTuningDataset = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "/var/lib/ai-stack/fine-tuning/dataset.jsonl";
      description = "The runtime fine-tuning dataset (OpenAI chat JSONL) sync reads; `null`: none." + fills "sync.fine_tuning";
    };

    valueThreshold = lib.mkOption {
      type = lib.types.numbers.between 0 1;
      default = 0.7;
      example = 0.8;
      description = "Telemetry events scoring below this value are not federated." + fills "sync.value_threshold";
    };

    qdrant = {
      url = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        defaultText = lib.literalMD ''
          `http://<host>:<http_port>` (`https` with `service.enable_tls`) from {option}`services.qdrant.settings` when
          {option}`services.qdrant.enable` is set, else `null`
        '';
        example = "http://qdrant.internal:6333";
        description = ''
          The live Qdrant that export reads and import fills. `null` with no Qdrant on this host:
          fedlearn's embedded store in {option}`services.fedlearn.stateDir`.
        ''
        + fills "qdrant.url";
      };

      apiKeyFile = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "/run/secrets/qdrant-api-key";
        description = "A file holding Qdrant's API key; passed with `LoadCredential`, never copied into the store." + owns "qdrant.api_key_file";
      };

      collections = lib.mkOption {
        type = lib.types.listOf lib.types.str;
        default = [
          "skills-patterns"
          "error-solutions"
          "best-practices"
        ];
        example = [ "error-solutions" ];
        description = "The Qdrant collections that are exported and imported." + fills "qdrant.collections";
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
          How import regenerates vectors: `hash` (deterministic, offline), or an `openai`-compatible
          or `ollama` embeddings API at {option}`services.fedlearn.embedding.url`.
        ''
        + fills "embedding.provider";
      };

      url = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "http://127.0.0.1:11434";
        description = "The embeddings API; required unless the provider is `hash`." + fills "embedding.url";
      };

      model = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "nomic-embed-text";
        description = "The embedding model name; `null`: fedlearn's default for the provider." + fills "embedding.model";
      };

      dimension = lib.mkOption {
        type = lib.types.ints.positive;
        default = 768;
        example = 1024;
        description = "The vector size of the collections (the stack's are 768, nomic-embed-text)." + fills "embedding.dimension";
      };

      apiKeyFile = lib.mkOption {
        type = lib.types.nullOr lib.types.str;
        default = null;
        example = "/run/secrets/openai-api-key";
        description = "A file holding the embeddings API key; passed with `LoadCredential`." + owns "embedding.api_key_file";
      };
    };

    metrics.textfileDirectory = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "/var/lib/prometheus-node-exporter/textfile";
      description = ''
        Write {file}`fedlearn.prom` here for node_exporter's textfile collector (the directory must
        exist and be writable by {option}`services.fedlearn.user`). `null`: the state dir, unless
        `settings.metrics.path` names a file (whose folder the units then make writable the same
        way).
      ''
      + fills "metrics.path";
    };

    importOnBoot = lib.mkOption {
      type = lib.types.bool;
      default = true;
      example = false;
      description = "Start `fedlearn-import` at boot, after Qdrant (when it runs on this host).";
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
      type = lib.types.submodule { freeformType = settingsFormat.type; };
      default = { };
      example = {
        anonymize.hostnames = [ "corp.example" ];
        sync.snapshots_keep = 10;
        publish.author = "fedlearn on workstation <fedlearn@workstation>";
      };
      description = ''
        Further keys of fedlearn's configuration file (see `fedlearn config show --defaults`).

        The typed options above fill some of these keys (each names its own). A typed option left
        at its default gives way to the same key here. One that your configuration sets (at any
        priority, `lib.mkDefault` included, and even to its default value) fills its key, and a
        different value for that key here is an assertion error naming both: neither silently
        wins. To override a value another module wrote, use `lib.mkForce` on the same option.
        `state_dir`, `repo`, `qdrant.api_key_file` and `embedding.api_key_file` shape the units
        (state directory, sandbox, clone, credentials), so here they may only repeat their typed
        options' values.

        The units follow the values fedlearn reads, wherever they were written: the paths in
        `sync.telemetry`, `sync.fine_tuning` and `metrics.path` decide `ProtectHome` and
        `ReadWritePaths` as the typed options do (so they must be absolute), `publish.branch` is
        the branch `fedlearn-clone` checks out, and `qdrant.url` and `embedding.provider` decide
        whether the jobs wait for the network.

        The generated files are checked with `fedlearn config validate` when the system is built.
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
        home = cfg.stateDir;
        description = "fedlearn knowledge federation";
      };
    };
    users.groups = lib.mkIf (cfg.group == "fedlearn") { fedlearn = { }; };

    systemd.services = units.services;
    systemd.timers = units.timers;
    systemd.tmpfiles.rules = units.tmpfiles;

    # For running fedlearn by hand: sudo -u fedlearn fedlearn status --config /etc/fedlearn/config.toml
    environment.etc."fedlearn/config.toml".source = configFile;
    environment.systemPackages = [ cfg.package ];

    system.checks = [ configCheck ];
  };
}
