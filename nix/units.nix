# The pure half of the NixOS module: option values in, systemd units and config tables out.
# Builtins only (no nixpkgs lib), so tests/nix evaluates it with nix-instantiate alone.
{
  # The values of services.fedlearn, every option present (module.nix documents each);
  # cfg.settings is the effective configuration, typed keys and freeform ones alike.
  cfg,
  # The fedlearn package (anything that interpolates to its store path).
  package,
  # The URL of services.qdrant when it runs on this host (./qdrant-url.nix), else null.
  localQdrantUrl ? null,
  # Whether services.ollama runs on this host.
  hasLocalOllama ? false,
  # Whether programs.ssh.knownHosts or .knownHostsFiles pin any host key system-wide.
  hasSystemKnownHosts ? false,
  # name: table: the path of a TOML file holding table (pkgs.formats.toml's generate).
  writeConfig,
  # name: text: the path of a file holding text (pkgs.writeText).
  writeText,
  # git, the ssh client (programs.ssh.package) and systemd, for the units and the wrapper.
  git,
  openssh,
  systemd,
}:
let
  # Jobs with a timer, in the order of the schedule table; import and clone run on other triggers,
  # publish and pull after sync (each its own unit, so each has its own timeout and a failed sync
  # still pulls the commit that may repair it).
  timedJobs = [
    "sync"
    "export"
    "metrics"
  ];

  # Spread runs of many machines sharing one remote; each stays well below its job's period.
  randomizedDelay = {
    sync = "5m";
    export = "30m";
    metrics = "20s";
  };

  concatSep = builtins.concatStringsSep;
  optional = condition: item: if condition then [ item ] else [ ];
  optionals = condition: list: if condition then list else [ ];
  optionalAttrs = condition: attrs: if condition then attrs else { };
  genAttrs =
    names: f:
    builtins.listToAttrs (
      map (name: {
        inherit name;
        value = f name;
      }) names
    );
  hasPrefix = prefix: text: builtins.substring 0 (builtins.stringLength prefix) text == prefix;
  isUnderHome = path: path != "" && (hasPrefix "/home/" path || hasPrefix "/root/" path);
  hasSpace = path: builtins.match ".*[[:space:]].*" path != null;

  # An argument of ExecStart=, as nixpkgs' utils.escapeSystemdExecArg quotes it: JSON string
  # quoting (which systemd reads as C escapes), specifiers (%) and variables ($) doubled.
  execArg = value: builtins.replaceStrings [ "%" "$" ] [ "%%" "$$" ] (builtins.toJSON value);
  # A word of a shell command line (git runs GIT_SSH_COMMAND with sh).
  shellArg = value: "'${builtins.replaceStrings [ "'" ] [ "'\\''" ] value}'";

  settings = cfg.settings;
  stateDir = settings.state_dir;
  repoPath = settings.repo;
  qdrantUrl = settings.qdrant.url;
  provider = settings.embedding.provider;
  metricsDir = if settings.metrics.path == "" then null else dirOf settings.metrics.path;
  readPaths =
    settings.sync.telemetry ++ optional (settings.sync.fine_tuning != "") settings.sync.fine_tuning;
  # The repo is ours to create (and chown) when we clone it or it lives in the state dir.
  isRepoManaged = repoPath != "" && (cfg.repo.url != null || hasPrefix "${stateDir}/" repoPath);
  # sync is followed by pull (which imports what changed) whenever the repo has a remote.
  isSyncPulling = cfg.publish.enable || cfg.repo.url != null;
  isPullImporting = isSyncPulling && settings.pull.import_after;
  # The jobs with a unit of their own.
  fedlearnJobs =
    timedJobs
    ++ [ "import" ]
    ++ optional cfg.publish.enable "publish"
    ++ optional isSyncPulling "pull";

  # Secret files, by credential name. Units load them with LoadCredential; their config files name
  # the copy systemd makes in the unit's credentials directory, so no secret enters the store.
  keyFiles = {
    qdrant-api-key = settings.qdrant.api_key_file;
    embedding-api-key = settings.embedding.api_key_file;
  };
  apiKeyFiles = removeAttrs keyFiles (
    builtins.filter (name: keyFiles.${name} == "") (builtins.attrNames keyFiles)
  );
  gitFiles =
    optionalAttrs (cfg.publish.sshKeyFile != null) { ssh-key = cfg.publish.sshKeyFile; }
    // optionalAttrs (cfg.repo.credentialsFile != null) {
      git-credentials = cfg.repo.credentialsFile;
    };
  credentialPath = unit: name: "/run/credentials/${unit}.service/${name}";
  loadCredential = files: map (name: "${name}:${files.${name}}") (builtins.attrNames files);

  settingsWith =
    unit:
    let
      copy = name: if apiKeyFiles ? ${name} then credentialPath unit name else "";
    in
    settings
    // {
      qdrant = settings.qdrant // { api_key_file = copy "qdrant-api-key"; };
      embedding = settings.embedding // { api_key_file = copy "embedding-api-key"; };
    };
  # Each job's config names the secrets' copies in its unit's credentials directory; `cli` is the
  # wrapper's (a transient fedlearn-cli.service).
  configs = genAttrs (fedlearnJobs ++ [ "cli" ]) (job: settingsWith "fedlearn-${job}");
  configFiles = genAttrs (fedlearnJobs ++ [ "cli" ]) (
    job: writeConfig "fedlearn-${job}.toml" configs.${job}
  );

  fedlearn = job: command: "${package}/bin/fedlearn ${command} --config ${configFiles.${job}}";

  # Host keys: pinned (repo.sshKnownHosts, a file in the store, and programs.ssh.knownHosts in
  # /etc/ssh/ssh_known_hosts) and checked strictly; or, when nothing is pinned, a new host's key
  # accepted on first use into the state dir and a changed key refused (accept-new).
  knownHostsText = concatSep "" (map (line: line + "\n") cfg.repo.sshKnownHosts);
  knownHostsFile =
    if cfg.repo.sshKnownHosts == [ ] then
      "/dev/null"
    else
      writeText "fedlearn-known_hosts" knownHostsText;
  hostKeyOptions =
    if cfg.repo.strictHostKeyChecking then
      [
        "UserKnownHostsFile=${knownHostsFile}"
        "StrictHostKeyChecking=yes"
      ]
    else
      [
        "UserKnownHostsFile=${stateDir}/known_hosts"
        "StrictHostKeyChecking=accept-new"
      ];

  # git over ssh never prompts (BatchMode), gives up on a host that does not answer, and drops a
  # connection that stalls mid-push, so a job ends within its TimeoutStartSec= with a clear error.
  gitSshCommand =
    unit:
    concatSep " " (
      [ "${openssh}/bin/ssh" ]
      ++ optionals (cfg.publish.sshKeyFile != null) [
        "-i ${shellArg (credentialPath unit "ssh-key")}"
        "-o IdentitiesOnly=yes"
      ]
      ++ map (option: "-o ${shellArg option}") hostKeyOptions
      ++ [
        "-o BatchMode=yes"
        "-o ConnectTimeout=30"
        "-o ServerAliveInterval=15"
        "-o ServerAliveCountMax=4"
      ]
    );
  # The environment of a unit that talks to the remote: ssh as above, an HTTPS remote's
  # credentials from the loaded file (git's store helper), and HTTP transfers that stall aborted.
  gitEnvironment =
    unit:
    {
      GIT_SSH_COMMAND = gitSshCommand unit;
      GIT_TERMINAL_PROMPT = "0";
      GIT_HTTP_LOW_SPEED_LIMIT = "1000";
      GIT_HTTP_LOW_SPEED_TIME = "60";
    }
    // optionalAttrs (cfg.repo.credentialsFile != null) {
      GIT_CONFIG_COUNT = "1";
      GIT_CONFIG_KEY_0 = "credential.helper";
      GIT_CONFIG_VALUE_0 = "store --file=${shellArg (credentialPath unit "git-credentials")}";
    };

  # ProtectSystem=strict makes everything read-only but these. A "-" prefix tolerates a path
  # that does not exist yet (fedlearn then reports it), instead of failing the unit's namespace.
  readWritePaths =
    [ stateDir ]
    ++ optional (repoPath != "") (if isRepoManaged then repoPath else "-${repoPath}")
    ++ optional (metricsDir != null) "-${metricsDir}";

  hardening = {
    ProtectSystem = "strict";
    ReadWritePaths = readWritePaths;
    ProtectHome =
      if
        builtins.any isUnderHome [
          repoPath
          stateDir
          (if metricsDir == null then "" else metricsDir)
        ]
      then
        false
      else if builtins.any isUnderHome readPaths then
        "read-only"
      else
        true;
    PrivateTmp = true;
    PrivateDevices = true;
    NoNewPrivileges = true;
    ProtectClock = true;
    ProtectControlGroups = true;
    ProtectHostname = true;
    ProtectKernelLogs = true;
    ProtectKernelModules = true;
    ProtectKernelTunables = true;
    ProtectProc = "invisible";
    ProcSubset = "pid";
    RemoveIPC = true;
    RestrictAddressFamilies = [
      "AF_UNIX"
      "AF_INET"
      "AF_INET6"
    ];
    RestrictNamespaces = true;
    RestrictRealtime = true;
    RestrictSUIDSGID = true;
    LockPersonality = true;
    SystemCallArchitectures = "native";
    SystemCallFilter = [
      "@system-service"
      "~@privileged"
    ];
    SystemCallErrorNumber = "EPERM";
    CapabilityBoundingSet = "";
    UMask = "0027";
    # Background work, as borgbackup's units: the AI stack on the same host comes first.
    CPUSchedulingPolicy = "idle";
    IOSchedulingClass = "idle";
  };

  network = [ "network-online.target" ];
  cloneUnit = optional (cfg.repo.url != null) "fedlearn-clone.service";
  # Qdrant on this host is waited for only when it is the one configured.
  usesLocalQdrant = localQdrantUrl != null && qdrantUrl == localQdrantUrl;
  qdrantUnits =
    optionals (qdrantUrl != "") network
    ++ optional usesLocalQdrant "qdrant.service"
    ++ optionals (provider != "hash") network
    ++ optional (hasLocalOllama && provider != "hash") "ollama.service";
  unique = builtins.foldl' (
    kept: item: if builtins.elem item kept then kept else kept ++ [ item ]
  ) [ ];

  mkJobService =
    job:
    {
      description,
      needs ? [ ],
      # Units started with this one and ordered after it (they order themselves), so they run
      # when it has ended, whether it succeeded or failed.
      followedBy ? [ ],
      # Units this one starts after, without wanting them.
      extraAfter ? [ ],
      isTalkingToRemote ? false,
      command ? job,
      extraServiceConfig ? { },
      extra ? { },
    }:
    let
      unit = "fedlearn-${job}";
      wanted = unique needs ++ cloneUnit;
    in
    {
      inherit description;
      # Wanted, not required: stopping the clone (or Qdrant) must not stop a running job.
      wants = wanted ++ followedBy;
      after = wanted ++ extraAfter;
      # A switch must not kill a run and wait for a rerun: the next timer run sees the change.
      restartIfChanged = false;
      environment = optionalAttrs isTalkingToRemote (gitEnvironment unit);
      serviceConfig =
        hardening
        // {
          Type = "oneshot";
          User = cfg.user;
          Group = cfg.group;
          ExecStart = fedlearn job command;
          LoadCredential = loadCredential (apiKeyFiles // optionalAttrs isTalkingToRemote gitFiles);
          TimeoutStartSec = cfg.timeouts.${job};
          # 3: a lock is held by another run (pull imports too), which does the work; not
          # a failure of this unit.
          SuccessExitStatus = [ 3 ];
        }
        // extraServiceConfig;
    }
    // extra;

  publishUnit = optional cfg.publish.enable "fedlearn-publish.service";
  pullUnit = optional isSyncPulling "fedlearn-pull.service";

  services = {
    fedlearn-sync = mkJobService "sync" {
      description = "fedlearn sync: learn new telemetry and fine-tuning records into the federation repo";
      # Then publish and pull, as units of their own: a failed (or timed out) sync does not skip
      # the pull that may bring the repair, and each has its own TimeoutStartSec=.
      followedBy = publishUnit ++ pullUnit;
      # Reads and writes local files only.
      extraServiceConfig.PrivateNetwork = true;
    };
    fedlearn-export = mkJobService "export" {
      description = "fedlearn export: snapshot the live Qdrant collections' payloads into the federation repo";
      needs = optionals (qdrantUrl != "") network ++ optional usesLocalQdrant "qdrant.service";
    };
    fedlearn-metrics = mkJobService "metrics" {
      description = "fedlearn metrics: write the Prometheus textfile";
      # Reads the state dir and the local repo only.
      extraServiceConfig = {
        PrivateNetwork = true;
      }
      # node_exporter reads the textfile as its own user: with UMask 0027 fedlearn.prom would be
      # 0640 fedlearn:fedlearn, unreadable to it. The state dir stays 0750 either way.
      // optionalAttrs (metricsDir != null) { UMask = "0022"; };
    };
    fedlearn-import = mkJobService "import" {
      description = "fedlearn import: load every node's patterns and snapshots into Qdrant";
      needs = qdrantUnits;
      # Qdrant's unit is started long before it listens (it loads every collection first), so
      # import waits for its /readyz and the embedder, bounded, and is restarted if it fails.
      command = "import --wait-ready ${toString cfg.readyTimeout}";
      extraServiceConfig = {
        RemainAfterExit = true;
        Restart = "on-failure";
        RestartSec = "30s";
      };
      # Ordered after the target it is wanted by, so the boot does not wait for a long import.
      extra = {
        unitConfig = {
          StartLimitIntervalSec = "1h";
          StartLimitBurst = 5;
        };
      }
      // optionalAttrs cfg.importOnBoot {
        wantedBy = [ "multi-user.target" ];
        after = unique qdrantUnits ++ cloneUnit ++ [ "multi-user.target" ];
      };
    };
  }
  // optionalAttrs cfg.publish.enable {
    fedlearn-publish = mkJobService "publish" {
      description = "fedlearn publish: commit this node's files under data/ and push them";
      needs = network;
      extraAfter = [ "fedlearn-sync.service" ];
      isTalkingToRemote = true;
    };
  }
  // optionalAttrs isSyncPulling {
    fedlearn-pull = mkJobService "pull" {
      description = "fedlearn pull: bring the other machines' data into the federation repo and import it";
      needs = network ++ optionals isPullImporting qdrantUnits;
      # After sync and publish when they run (they are one chain), and after a running boot
      # import (a Persistent= catch-up at boot): pull's own import does not wait for Qdrant's
      # readiness. Ordered only, never wanted.
      extraAfter = [ "fedlearn-sync.service" ]
      ++ publishUnit
      ++ optional (isPullImporting && cfg.importOnBoot) "fedlearn-import.service";
      isTalkingToRemote = true;
    };
  }
  // optionalAttrs (cfg.repo.url != null) {
    fedlearn-clone = {
      description = "fedlearn clone: check out the federation repo on first start";
      wantedBy = [ "multi-user.target" ];
      # After the boot target too: a slow or unreachable remote must not hold up the boot.
      after = network ++ [ "multi-user.target" ];
      wants = network;
      restartIfChanged = false;
      environment = gitEnvironment "fedlearn-clone";
      unitConfig.ConditionPathExists = "!${repoPath}/.git";
      serviceConfig = hardening // {
        Type = "oneshot";
        RemainAfterExit = true;
        User = cfg.user;
        Group = cfg.group;
        ExecStart = concatSep " " (
          [ "${git}/bin/git" "clone" "--branch" (execArg settings.publish.branch) "--" ]
          ++ map execArg [ cfg.repo.url repoPath ]
        );
        LoadCredential = loadCredential gitFiles;
        TimeoutStartSec = cfg.timeouts.clone;
      };
    };
  };

  enabledTimers = builtins.filter (job: cfg.timers.${job}.enable) timedJobs;
  unscheduled = builtins.filter (job: cfg.timers.${job}.onCalendar == null) enabledTimers;

  timers = genAttrs' enabledTimers (job: {
    name = "fedlearn-${job}";
    value = {
      description = "fedlearn ${job} on the ${cfg.schedule} schedule";
      wantedBy = [ "timers.target" ];
      timerConfig = {
        OnCalendar = cfg.timers.${job}.onCalendar;
        Persistent = true;
        RandomizedDelaySec = randomizedDelay.${job};
      }
      // cfg.timers.${job}.timerConfig;
    };
  });
  genAttrs' = names: f: builtins.listToAttrs (map f names);

  # `fedlearn` for an admin: as root, the command runs as the service user in a transient unit
  # with the module's config and credentials (restic's createWrapper, through systemd-run); as
  # anyone else, as themselves with /etc/fedlearn/config.toml.
  cliProperties =
    [
      "User=${cfg.user}"
      "Group=${cfg.group}"
      "UMask=0027"
      "WorkingDirectory=${stateDir}"
    ]
    ++ map (credential: "LoadCredential=${credential}") (loadCredential (apiKeyFiles // gitFiles));
  cliEnvironment = {
    FEDLEARN_CONFIG = configFiles.cli;
    HOME = stateDir;
  }
  // gitEnvironment "fedlearn-cli";
  cliArguments =
    map (property: "--property=${shellArg property}") cliProperties
    ++ map (name: "--setenv=${shellArg "${name}=${cliEnvironment.${name}}"}") (
      builtins.attrNames cliEnvironment
    );
  wrapper = ''
    if [ "$(id -u)" != 0 ]; then
      export FEDLEARN_CONFIG="''${FEDLEARN_CONFIG:-/etc/fedlearn/config.toml}"
      exec ${package}/bin/fedlearn "$@"
    fi
    if [ -t 0 ] && [ -t 1 ]; then io=--pty; else io=--pipe; fi
    exec ${systemd}/bin/systemd-run --quiet --wait --collect "$io" --service-type=exec --unit=fedlearn-cli \
      ${concatSep " \\\n  " cliArguments} \
      -- ${package}/bin/fedlearn "$@"
  '';

  # The paths go into ReadWritePaths= and tmpfiles.d lines, which whitespace splits.
  spacedPaths = builtins.filter (entry: entry.value != null && hasSpace entry.value) [
    {
      option = "settings.state_dir";
      value = stateDir;
    }
    {
      option = "settings.repo";
      value = repoPath;
    }
    {
      option = "settings.metrics.path";
      value = metricsDir;
    }
  ];
  # Credentials in a URL would be written world-readable into the Nix store.
  urlCredentials =
    cfg.repo.url != null
    && (
      builtins.match "[A-Za-z][A-Za-z0-9+.-]*://[^/@]*:[^/@]*@.*" cfg.repo.url != null
      || builtins.match "[Hh][Tt][Tt][Pp][Ss]?://[^/@]*@.*" cfg.repo.url != null
    );

  assertions = [
    {
      assertion = unscheduled == [ ];
      message = ''services.fedlearn.timers.${builtins.head (unscheduled ++ [ "" ])}.onCalendar: schedule "${cfg.schedule}" gives no time for ${concatSep ", " unscheduled}; set timers.<job>.onCalendar, or timers.<job>.enable = false'';
    }
    {
      assertion = repoPath != "";
      message = "services.fedlearn.settings.repo: fedlearn needs a federation repo; set it to a git checkout, or set services.fedlearn.repo.url to clone one into ${stateDir}/repo";
    }
    {
      assertion = provider == "hash" || settings.embedding.url != "";
      message = ''services.fedlearn.settings.embedding.url: provider "${provider}" needs the URL of its API'';
    }
    {
      assertion = !urlCredentials;
      message = "services.fedlearn.repo.url: holds credentials (user or token before @), which would be world-readable in the Nix store; put them in a file named by services.fedlearn.repo.credentialsFile (one line: https://USER:TOKEN@HOST), or use ssh with publish.sshKeyFile";
    }
    {
      assertion =
        !cfg.repo.strictHostKeyChecking || cfg.repo.sshKnownHosts != [ ] || hasSystemKnownHosts;
      message = "services.fedlearn.repo.strictHostKeyChecking: no host key is pinned, so ssh would refuse every host; add the forge's key to services.fedlearn.repo.sshKnownHosts (a known_hosts line, e.g. \"github.com ssh-ed25519 AAAA...\") or to programs.ssh.knownHosts";
    }
  ]
  ++ map (entry: {
    assertion = false;
    message = "services.fedlearn.${entry.option}: ${builtins.toJSON entry.value} contains whitespace, which ReadWritePaths= and tmpfiles.d would split; choose a path without";
  }) spacedPaths;
in
{
  inherit
    services
    timers
    assertions
    settings
    configs
    configFiles
    qdrantUrl
    wrapper
    knownHostsText
    ;
  tmpfiles =
    [ "d ${stateDir} 0750 ${cfg.user} ${cfg.group} - -" ]
    ++ optional isRepoManaged "d ${repoPath} 0750 ${cfg.user} ${cfg.group} - -"
    ++ optional (metricsDir != null) "d ${metricsDir} 0755 ${cfg.user} ${cfg.group} - -";
}
