# The pure half of the NixOS module: plain option values in, systemd units and config tables out.
# Builtins only (no nixpkgs lib), so tests/nix evaluates it with nix-instantiate alone.
{
  # The values of services.fedlearn, every option present (module.nix documents each).
  cfg,
  # The fedlearn package (anything that interpolates to its store path).
  package,
  # fedlearn/schedules.json, parsed: schedule -> job -> { systemd; cron; }.
  schedules,
  # services.qdrant.settings when Qdrant runs on this host, else null.
  localQdrant ? null,
  # name: table: the path of a TOML file holding table (pkgs.formats.toml's generate).
  writeConfig,
  # The git and openssh packages (or their store paths), put on the units' PATH.
  git,
  openssh,
}:
let
  # Jobs with a timer, in the order of the schedule table; import and clone run on other triggers.
  timedJobs = [
    "sync"
    "export"
    "metrics"
  ];
  fedlearnJobs = timedJobs ++ [ "import" ];

  # Spread runs of many machines sharing one remote; each stays well below its job's period.
  randomizedDelay = {
    sync = "5m";
    export = "30m";
    metrics = "20s";
  };

  hasPrefix = prefix: text: builtins.substring 0 (builtins.stringLength prefix) text == prefix;
  concatSep = builtins.concatStringsSep;
  optional = condition: item: if condition then [ item ] else [ ];
  optionals = condition: list: if condition then list else [ ];
  optionalAttrs = condition: attrs: if condition then attrs else { };
  genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
  withoutNulls = attrs: removeAttrs attrs (builtins.filter (n: attrs.${n} == null) (builtins.attrNames attrs));
  recursiveUpdate =
    lower: upper:
    lower
    // builtins.mapAttrs (
      name: value:
      if builtins.isAttrs value && builtins.isAttrs (lower.${name} or null) then
        recursiveUpdate lower.${name} value
      else
        value
    ) upper;

  # toString on a path value gives the path itself; interpolating it would copy it into the store.
  text = value: if value == null then null else toString value;
  isStorePath = value: value != null && hasPrefix "${builtins.storeDir}/" (toString value);
  # systemd expands %-specifiers and $VARIABLES in ExecStart= (e.g. a URL's %20): double them.
  execArg = value: builtins.replaceStrings [ "%" "$" ] [ "%%" "$$" ] value;
  isUnderHome = path: path != null && (hasPrefix "/home/" path || hasPrefix "/root/" path);

  stateDir = text cfg.stateDir;
  repoPath = text cfg.repo.path;
  metricsDir = text cfg.metrics.textfileDirectory;
  readPaths = map text cfg.telemetryPaths ++ optional (cfg.fineTuningDataset != null) (text cfg.fineTuningDataset);
  # The repo is ours to create (and chown) when we clone it or it lives in the state dir.
  isRepoManaged = repoPath != null && (cfg.repo.url != null || hasPrefix "${stateDir}/" repoPath);
  # sync pulls (and imports what changed) whenever the repo has a remote to pull from.
  isSyncPulling = cfg.publish.enable || cfg.repo.url != null;

  qdrantUrl =
    if cfg.qdrant.url != null then
      cfg.qdrant.url
    else if localQdrant != null then
      localQdrantUrl (localQdrant.service or { })
    else
      ""; # fedlearn's embedded store in <state_dir>/qdrant

  localQdrantUrl =
    service:
    let
      host = toString (service.host or "127.0.0.1");
      reachable =
        if builtins.elem host [ "" "0.0.0.0" ] then
          "127.0.0.1"
        else if host == "::" then
          "[::1]"
        else if builtins.match ".*:.*" host != null then
          "[${host}]"
        else
          host;
    in
    "http://${reachable}:${toString (service.http_port or 6333)}";

  # Secret files, by credential name. Units load them with LoadCredential; the config files name
  # the copy systemd makes in the unit's credentials directory, so no secret enters the store.
  apiKeyFiles = withoutNulls {
    qdrant-api-key = text cfg.qdrant.apiKeyFile;
    embedding-api-key = text cfg.embedding.apiKeyFile;
  };
  sshKeyFile = text cfg.publish.sshKeyFile;
  credentialPath = unit: name: "/run/credentials/${unit}.service/${name}";

  loadCredential =
    names: files: map (name: "${name}:${files.${name}}") (builtins.filter (name: files ? ${name}) names);

  # The [section] keys fedlearn reads (DESIGN.md "Configuration"), from the typed options.
  typedSettings = withoutNulls {
    node_id = cfg.nodeId;
    repo = repoPath;
    state_dir = stateDir;
    sync = withoutNulls {
      telemetry = map text cfg.telemetryPaths;
      # "" tells sync to skip the dataset; fedlearn's own default is under the user's home.
      fine_tuning = if cfg.fineTuningDataset == null then "" else text cfg.fineTuningDataset;
      value_threshold = cfg.valueThreshold;
    };
    qdrant = {
      url = qdrantUrl;
      collections = cfg.qdrant.collections;
    };
    embedding = withoutNulls {
      inherit (cfg.embedding) provider dimension;
      url = cfg.embedding.url;
      model = cfg.embedding.model;
    };
    publish.branch = cfg.repo.branch;
    pull.import_after = true;
    metrics = if metricsDir != null then { path = "${metricsDir}/fedlearn.prom"; } else null;
  };

  # The typed options win over the freeform settings they are merged onto.
  settingsWith =
    keyFile:
    recursiveUpdate cfg.settings (
      recursiveUpdate typedSettings {
        qdrant = optionalAttrs (apiKeyFiles ? qdrant-api-key) { api_key_file = keyFile "qdrant-api-key"; };
        embedding = optionalAttrs (apiKeyFiles ? embedding-api-key) {
          api_key_file = keyFile "embedding-api-key";
        };
      }
    );

  # For people running fedlearn by hand (/etc/fedlearn/config.toml): the secrets' own paths.
  settings = settingsWith (name: apiKeyFiles.${name});
  # For each unit: the secrets' copies in that unit's credentials directory.
  configs = genAttrs fedlearnJobs (job: settingsWith (credentialPath "fedlearn-${job}"));
  configFiles = genAttrs fedlearnJobs (job: writeConfig "fedlearn-${job}.toml" configs.${job});

  fedlearn = job: command: "${package}/bin/fedlearn ${command} --config ${configFiles.${job}}";

  gitSshCommand =
    unit:
    concatSep " " [
      "${openssh}/bin/ssh"
      "-i ${credentialPath unit "ssh-key"}"
      "-o IdentitiesOnly=yes"
      "-o UserKnownHostsFile=${stateDir}/known_hosts"
      "-o StrictHostKeyChecking=accept-new"
    ];

  # ProtectSystem=strict makes everything read-only but these. A "-" prefix tolerates a path
  # that does not exist yet (fedlearn then reports it), instead of failing the unit's namespace.
  readWritePaths =
    [ stateDir ]
    ++ optional (repoPath != null) (if isRepoManaged then repoPath else "-${repoPath}")
    ++ optional (metricsDir != null) "-${metricsDir}";

  hardening = {
    ProtectSystem = "strict";
    ReadWritePaths = readWritePaths;
    ProtectHome =
      if builtins.any isUnderHome ([ repoPath stateDir metricsDir ]) then
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
    SystemCallFilter = "@system-service";
    SystemCallErrorNumber = "EPERM";
    CapabilityBoundingSet = "";
    UMask = "0027";
  };

  cloneDependency = optional (cfg.repo.url != null) "fedlearn-clone.service";
  network = [ "network-online.target" ];
  # Jobs that talk to Qdrant or an embedding API wait for the network, and a Qdrant on this host.
  qdrantService = optional (localQdrant != null) "qdrant.service";
  needsNetwork = qdrantUrl != "" || cfg.embedding.provider != "hash";

  mkJobService =
    job:
    {
      description,
      after ? [ ],
      orderedAfter ? [ ],
      postCommands ? [ ],
      credentials ? builtins.attrNames apiKeyFiles,
      extraServiceConfig ? { },
      extra ? { },
    }:
    let
      unit = "fedlearn-${job}";
      withSsh = builtins.elem "ssh-key" credentials && sshKeyFile != null;
    in
    {
      inherit description;
      after = after ++ cloneDependency ++ orderedAfter;
      wants = after;
      requires = cloneDependency;
      path = [
        git
        openssh
      ];
      environment = optionalAttrs withSsh { GIT_SSH_COMMAND = gitSshCommand unit; };
      serviceConfig =
        hardening
        // {
          Type = "oneshot";
          User = cfg.user;
          Group = cfg.group;
          ExecStart = fedlearn job job;
          LoadCredential = loadCredential credentials (apiKeyFiles // withoutNulls { ssh-key = sshKeyFile; });
        }
        // optionalAttrs (postCommands != [ ]) { ExecStartPost = map (fedlearn job) postCommands; }
        // extraServiceConfig;
    }
    // extra;

  services = {
    fedlearn-sync = mkJobService "sync" {
      description = "fedlearn sync: learn new telemetry and fine-tuning records into the federation repo";
      after = optionals isSyncPulling (network ++ qdrantService);
      postCommands = optional cfg.publish.enable "publish" ++ optional isSyncPulling "pull";
      credentials = builtins.attrNames apiKeyFiles ++ optional isSyncPulling "ssh-key";
    };
    fedlearn-export = mkJobService "export" {
      description = "fedlearn export: snapshot the live Qdrant collections' payloads into the federation repo";
      after = optionals needsNetwork network ++ qdrantService;
    };
    fedlearn-metrics = mkJobService "metrics" {
      description = "fedlearn metrics: write the Prometheus textfile";
      # node_exporter reads the textfile as its own user: with UMask 0027 fedlearn.prom would be
      # 0640 fedlearn:fedlearn, unreadable to it. The state dir stays 0750 either way.
      extraServiceConfig = optionalAttrs (metricsDir != null) { UMask = "0022"; };
    };
    fedlearn-import = mkJobService "import" {
      description = "fedlearn import: load every node's patterns and snapshots into Qdrant";
      after = optionals needsNetwork network ++ qdrantService;
      extraServiceConfig.RemainAfterExit = true;
      # A switch does not rerun the whole import (and wait for it): pulls import what changed.
      # Ordered after the target it is wanted by, so the target does not wait for it: re-embedding
      # a large federation must not hold up the boot (a oneshot has no start timeout).
      orderedAfter = optional cfg.importOnBoot "multi-user.target";
      extra = {
        restartIfChanged = false;
      }
      // optionalAttrs cfg.importOnBoot { wantedBy = [ "multi-user.target" ]; };
    };
  }
  // optionalAttrs (cfg.repo.url != null) {
    fedlearn-clone = {
      description = "fedlearn clone: check out the federation repo on first start";
      wantedBy = [ "multi-user.target" ];
      after = network;
      wants = network;
      path = [
        git
        openssh
      ];
      environment = optionalAttrs (sshKeyFile != null) { GIT_SSH_COMMAND = gitSshCommand "fedlearn-clone"; };
      unitConfig.ConditionPathExists = "!${repoPath}/.git";
      serviceConfig = hardening // {
        Type = "oneshot";
        RemainAfterExit = true;
        User = cfg.user;
        Group = cfg.group;
        ExecStart = "${git}/bin/git clone --branch ${execArg cfg.repo.branch} -- ${execArg cfg.repo.url} ${execArg repoPath}";
        LoadCredential = optional (sshKeyFile != null) "ssh-key:${sshKeyFile}";
      };
    };
  };

  unknownTimers = builtins.filter (job: !builtins.elem job timedJobs) (builtins.attrNames cfg.timers);
  missingTimers = builtins.filter (job: !(cfg.timers ? ${job})) timedJobs;
  missingTimersMessage = ''services.fedlearn.timers: schedule "custom" needs an OnCalendar for every job; missing: ${concatSep ", " missingTimers}'';

  onCalendar = genAttrs timedJobs (
    job:
    if cfg.timers ? ${job} then
      cfg.timers.${job}
    else if cfg.schedule == "custom" then
      throw missingTimersMessage
    else
      schedules.${cfg.schedule}.${job}.systemd
  );

  timers = builtins.listToAttrs (
    map (job: {
      name = "fedlearn-${job}";
      value = {
        description = "fedlearn ${job} on the ${cfg.schedule} schedule";
        wantedBy = [ "timers.target" ];
        timerConfig = {
          OnCalendar = onCalendar.${job};
          Persistent = true;
          RandomizedDelaySec = randomizedDelay.${job};
        };
      };
    }) timedJobs
  );

  secretOptions = {
    "qdrant.apiKeyFile" = cfg.qdrant.apiKeyFile;
    "embedding.apiKeyFile" = cfg.embedding.apiKeyFile;
    "publish.sshKeyFile" = cfg.publish.sshKeyFile;
  };

  assertions =
    [
      {
        assertion = cfg.schedule != "custom" || missingTimers == [ ];
        message = missingTimersMessage;
      }
      {
        assertion = unknownTimers == [ ];
        message = "services.fedlearn.timers: no job named ${concatSep ", " unknownTimers}; the timed jobs are ${concatSep ", " timedJobs}";
      }
      {
        assertion = repoPath != null || cfg.publish.enable;
        message = "services.fedlearn.repo.path: fedlearn needs a federation repo; set repo.path to a git checkout, or repo.url to clone one into ${stateDir}/repo";
      }
      {
        assertion = repoPath != null || !cfg.publish.enable;
        message = "services.fedlearn.publish.enable: publishing needs a federation repo to commit to and push from; set services.fedlearn.repo.url (or repo.path to a checkout with a remote)";
      }
      {
        assertion = cfg.embedding.provider == "hash" || cfg.embedding.url != null;
        message = ''services.fedlearn.embedding.url: provider "${cfg.embedding.provider}" needs the URL of its API'';
      }
    ]
    ++ map (option: {
      assertion = !isStorePath secretOptions.${option};
      message = "services.fedlearn.${option}: ${toString secretOptions.${option}} is in the Nix store, which every local user can read; point it at a file outside the store (e.g. /run/secrets/...)";
    }) (builtins.attrNames secretOptions);
in
{
  inherit
    services
    timers
    assertions
    settings
    configs
    configFiles
    onCalendar
    qdrantUrl
    ;
  tmpfiles =
    [ "d ${stateDir} 0750 ${cfg.user} ${cfg.group} - -" ]
    ++ optional isRepoManaged "d ${repoPath} 0750 ${cfg.user} ${cfg.group} - -";
}
