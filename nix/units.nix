# The pure half of the NixOS module: plain option values in, systemd units and config tables out.
# Builtins only (no nixpkgs lib), so tests/nix evaluates it with nix-instantiate alone.
{
  # The values of services.fedlearn, every option present (module.nix documents each).
  cfg,
  # Option path below services.fedlearn ("embedding.dimension") -> whether the configuration
  # defines it, at any priority but the option's own default's. Only the paths in `typedKeys`.
  isSet,
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
  metricsOption = text cfg.metrics.textfileDirectory;
  # The repo is ours to create (and chown) when we clone it or it lives in the state dir.
  isRepoManaged = repoPath != null && (cfg.repo.url != null || hasPrefix "${stateDir}/" repoPath);
  # sync pulls (and imports what changed) whenever the repo has a remote to pull from.
  isSyncPulling = cfg.publish.enable || cfg.repo.url != null;

  # qdrant.url's own value: the option, else the Qdrant on this host.
  typedQdrantUrl =
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
      # Qdrant with TLS serves https only (its certificate must then name this host, else set
      # services.fedlearn.qdrant.url to a name it holds).
      scheme = if service.enable_tls or false then "https" else "http";
    in
    "${scheme}://${reachable}:${toString (service.http_port or 6333)}";

  # The config keys (DESIGN.md "Configuration") the typed options fill, with the option's value
  # there (null: no key). A typed option the configuration sets fills its key, and a different
  # value for that key in `settings` is an assertion error; one left at its default gives way to
  # the key in `settings`. `owned` keys shape the units, so `settings` may not give them another
  # value than their option's (`why`: what follows the option). `paths`: the option's paths the
  # sandbox is computed from.
  typedKeys = map (entry: entry // { key = dotted entry.key; }) [
    {
      option = "nodeId";
      key = "node_id";
      value = cfg.nodeId;
    }
    {
      option = "stateDir";
      key = "state_dir";
      value = stateDir;
      owned = true;
      why = "the state directory's tmpfiles rule, the units' ReadWritePaths and the fedlearn user's home follow that option";
      paths = [ stateDir ];
    }
    {
      option = "repo.path";
      key = "repo";
      value = repoPath;
      owned = true;
      why = "the units' ReadWritePaths and ProtectHome, the clone unit and the tmpfiles rule follow that option";
      paths = optional (repoPath != null) repoPath;
    }
    {
      option = "telemetryPaths";
      key = "sync.telemetry";
      value = map text cfg.telemetryPaths;
      paths = map text cfg.telemetryPaths;
    }
    {
      option = "fineTuningDataset";
      key = "sync.fine_tuning";
      # "" tells sync to skip the dataset; fedlearn's own default is under the user's home.
      value = if cfg.fineTuningDataset == null then "" else text cfg.fineTuningDataset;
      paths = optional (cfg.fineTuningDataset != null) (text cfg.fineTuningDataset);
    }
    {
      option = "valueThreshold";
      key = "sync.value_threshold";
      value = cfg.valueThreshold;
    }
    {
      option = "qdrant.url";
      key = "qdrant.url";
      value = typedQdrantUrl;
    }
    (sameKey "qdrant.collections")
    (credentialKey "qdrant.apiKeyFile" "qdrant.api_key_file")
    (sameKey "embedding.provider")
    (sameKey "embedding.url")
    (sameKey "embedding.model")
    (sameKey "embedding.dimension")
    (credentialKey "embedding.apiKeyFile" "embedding.api_key_file")
    {
      option = "repo.branch";
      key = "publish.branch";
      value = cfg.repo.branch;
    }
    {
      option = "metrics.textfileDirectory";
      key = "metrics.path";
      value = if metricsOption == null then null else "${metricsOption}/fedlearn.prom";
      paths = optional (metricsOption != null) metricsOption;
    }
  ];
  dotted = name: builtins.filter builtins.isString (builtins.split "[.]" name);
  optionValue = option: builtins.foldl' (table: name: table.${name}) cfg (dotted option);
  # A row whose config key is named like its option and holds the option's value.
  sameKey = option: {
    inherit option;
    key = option;
    value = optionValue option;
  };
  # A secret file's row: units pass it with LoadCredential, so settings may not name another one.
  credentialKey = option: key: {
    inherit option key;
    value = text (optionValue option);
    owned = true;
    why = "the units load the key with LoadCredential, and their config files name their own copy of it";
  };
  typedKey = builtins.listToAttrs (map (entry: { name = entry.option; value = entry; }) typedKeys);

  # Keys the module sets that have no option: `settings` may set them too.
  moduleDefaults = {
    pull.import_after = true;
  };

  # { found; value; } for the key at path in `settings` (found = false when absent).
  setting =
    path:
    let
      walk =
        table: keys:
        if keys == [ ] then
          {
            found = true;
            value = table;
          }
        else if builtins.isAttrs table && table ? ${builtins.head keys} then
          walk table.${builtins.head keys} (builtins.tail keys)
        else
          { found = false; };
    in
    walk cfg.settings path;
  keyName = entry: concatSep "." entry.key;
  isFromSettings = entry: !(entry.owned or false) && !(isSet entry.option) && (setting entry.key).found;
  # The value fedlearn reads for a typed option's key, wherever it was written.
  effective = entry: if isFromSettings entry then (setting entry.key).value else entry.value;
  effectiveOf = option: effective typedKey.${option};
  # Where the effective value was written, for messages.
  sourceOf = entry: "services.fedlearn.${if isFromSettings entry then "settings.${keyName entry}" else entry.option}";

  # Keys written both in `settings` and by an option that was set (or owns the key), disagreeing.
  # An assertion, not a silent winner: either choice would drop a value written in the
  # configuration; lib.mkForce on the one option is the module system's way to override.
  conflicts = builtins.filter (
    entry:
    let
      written = setting entry.key;
    in
    written.found && (entry.owned or false || isSet entry.option) && written.value != entry.value
  ) typedKeys;
  conflictMessage =
    entry:
    let
      written = builtins.toJSON (setting entry.key).value;
      own = builtins.toJSON entry.value;
    in
    if entry.owned or false then
      "services.fedlearn.settings.${keyName entry}: ${written} differs from services.fedlearn.${entry.option} (${own}); set ${entry.option} instead, ${entry.why}"
    else
      "services.fedlearn.${entry.option}: sets ${keyName entry} to ${own}, while services.fedlearn.settings.${keyName entry} is ${written}; set only one of them (an option left at its default gives way to settings)";

  # The sandbox is computed from the paths fedlearn reads and writes, so they must be absolute:
  # fedlearn resolves a relative one against its config file (in the Nix store), ~ against the
  # user's home, which the units may hide (ProtectHome).
  strings = value: builtins.filter builtins.isString (if builtins.isList value then value else [ value ]);
  pathsOf = entry: if isFromSettings entry then builtins.filter (path: path != "") (strings (effective entry)) else entry.paths;
  relativePaths = entry: builtins.filter (path: !hasPrefix "/" path) (pathsOf entry);
  sandboxedKeys = map (option: typedKey.${option}) [
    "stateDir"
    "repo.path"
    "telemetryPaths"
    "fineTuningDataset"
    "metrics.textfileDirectory"
  ];

  # What the units depend on, from the effective values (ill-typed ones are left to the build-time
  # `fedlearn config validate`, which names them).
  readPaths = strings (effectiveOf "telemetryPaths") ++ builtins.filter (path: path != "") (strings (effectiveOf "fineTuningDataset"));
  metricsPath = effectiveOf "metrics.textfileDirectory";
  metricsDir =
    if metricsOption != null then
      metricsOption
    else if builtins.isString metricsPath && metricsPath != "" then
      dirOf metricsPath
    else
      null;
  qdrantUrl = effectiveOf "qdrant.url";
  provider = effectiveOf "embedding.provider";
  branch =
    let
      value = effectiveOf "repo.branch";
    in
    if builtins.isString value then value else cfg.repo.branch;

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

  # The typed options' keys at their effective values, over `settings`, over the module's defaults.
  setAt = keys: value: if keys == [ ] then value else { ${builtins.head keys} = setAt (builtins.tail keys) value; };
  typedSettings = builtins.foldl' (
    table: entry: if effective entry == null then table else recursiveUpdate table (setAt entry.key (effective entry))
  ) { } typedKeys;

  settingsWith =
    keyFile:
    recursiveUpdate (recursiveUpdate moduleDefaults cfg.settings) (
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
  needsNetwork = qdrantUrl != "" || provider != "hash";

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
        ExecStart = "${git}/bin/git clone --branch ${execArg branch} -- ${execArg cfg.repo.url} ${execArg repoPath}";
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
        assertion = !builtins.isString provider || provider == "hash" || !builtins.elem (effectiveOf "embedding.url") [ null "" ];
        message = ''services.fedlearn.embedding.url: provider "${provider}" needs the URL of its API'';
      }
    ]
    ++ map (entry: {
      assertion = false;
      message = conflictMessage entry;
    }) conflicts
    ++ map (entry: {
      assertion = relativePaths entry == [ ];
      message = "${sourceOf entry}: not an absolute path: ${concatSep ", " (map builtins.toJSON (relativePaths entry))}; the units' sandbox (ReadWritePaths, ProtectHome) is computed from absolute ones, and fedlearn would resolve it against the unit's home (~) or its config file's folder in the Nix store";
    }) sandboxedKeys
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
