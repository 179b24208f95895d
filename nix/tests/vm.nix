# A NixOS VM with Qdrant and services.fedlearn: clone the federation repo from a local bare remote,
# sync telemetry (then publish and pull, in units of their own), import into Qdrant, and check the
# points through Qdrant's REST API and the timers through systemctl. Qdrant's port stays closed
# for the first 30 s of the boot (as with a Qdrant loading large collections), so the boot import
# must wait for it; sync and import started together, and an import whose lock is held, must not
# fail their units; a sync that fails still publishes and pulls a peer's commit. Run (needs
# nixpkgs and KVM): nix build .#checks.x86_64-linux.vm
{ module }:
{ pkgs, lib, ... }:
let
  apiKey = "vm-test-key";
  # Qdrant's port refuses connections until this long after fedlearn-import has started.
  closedSeconds = 20;
  reject = "INPUT -p tcp --dport 6333 -j REJECT --reject-with tcp-reset";
  events = pkgs.writeText "hybrid-events.jsonl" (
    lib.concatMapStrings (event: builtins.toJSON event + "\n") [
      {
        timestamp = "2026-01-02T03:04:05Z";
        event_type = "error_resolution";
        value_score = 0.9;
        error_message = "nix-build: attribute 'qdrant' missing";
        solution = "enable services.qdrant before referring to its settings";
      }
      {
        timestamp = "2026-01-02T03:05:00Z";
        event_type = "error_resolution";
        value_score = 0.8;
        error_message = "systemd: Failed to set up mount namespacing";
        solution = "create every ReadWritePaths entry before the unit starts";
      }
    ]
  );
in
{
  name = "fedlearn";

  nodes.machine =
    { config, ... }:
    {
      imports = [ module ];
      virtualisation.memorySize = 2048;
      environment.systemPackages = [
        pkgs.curl
        pkgs.git
        pkgs.util-linux
      ];
      environment.etc."fedlearn-test/qdrant-api-key" = {
        text = apiKey;
        mode = "0400";
      };

      services.qdrant = {
        enable = true;
        settings.service.api_key = apiKey;
      };

      services.fedlearn = {
        enable = true;
        schedule = "conservative";
        repo.url = "/srv/federation.git";
        publish.enable = true;
        timers.export.enable = false;
        settings = {
          node_id = "vm";
          qdrant.api_key_file = "/etc/fedlearn-test/qdrant-api-key";
          # The module creates this folder.
          metrics.path = "/var/lib/node-exporter-textfile/fedlearn.prom";
          # Under /home: the units' ProtectHome is read-only instead of hiding it.
          sync.telemetry = [ "/home/ai/hybrid-events.jsonl" ];
          embedding.dimension = 64;
        };
      };

      # Qdrant starts, but its port refuses connections until the boot import has been running for
      # a while, as a Qdrant still loading its collections does: the import must wait, not fail
      # (before --wait-ready it gave up after about 6 s).
      systemd.services.qdrant-opens-late = {
        wantedBy = [ "qdrant.service" ];
        before = [ "qdrant.service" ];
        after = [ "firewall.service" ];
        path = [
          pkgs.iptables
          config.systemd.package
        ];
        serviceConfig.ExecStartPre = "${pkgs.iptables}/bin/iptables -I ${reject}";
        script = ''
          for _ in $(seq 600); do
            state=$(systemctl show -P ActiveState fedlearn-import.service)
            if [ "$state" = activating ] || [ "$state" = active ]; then break; fi
            sleep 0.5
          done
          sleep ${toString closedSeconds}
          iptables -D ${reject}
        '';
      };

      # The "forge": a bare repository with one commit, ready before fedlearn-clone runs.
      systemd.services.federation-remote = {
        wantedBy = [ "multi-user.target" ];
        requiredBy = [ "fedlearn-clone.service" ];
        before = [ "fedlearn-clone.service" ];
        path = [ pkgs.git ];
        serviceConfig.Type = "oneshot";
        serviceConfig.RemainAfterExit = true;
        script = ''
          git init -q --bare -b main /srv/federation.git
          git clone -q /srv/federation.git /tmp/seed && cd /tmp/seed
          echo "federation repo" > README.md && git add README.md
          git -c user.name=seed -c user.email=seed@localhost commit -qm initial && git push -q origin main
          chown -R fedlearn:fedlearn /srv/federation.git
        '';
      };
      # publish pushes into the local "forge".
      systemd.services.fedlearn-publish.serviceConfig.ReadWritePaths = [ "/srv/federation.git" ];
    };

  testScript = ''
    import json
    import shlex

    def count(collection):
        answer = machine.succeed(
            "curl -sf -H 'api-key: ${apiKey}' -H 'content-type: application/json' -X POST "
            f"-d '{{\"exact\": true}}' http://127.0.0.1:6333/collections/{collection}/points/count"
        )
        return json.loads(answer)["result"]["count"]

    def result(unit):
        return machine.succeed(f"systemctl show -P Result {unit}").strip()

    def wait_for_jobs():
        # fedlearn-sync wants publish and pull, ordered after it: `systemctl start` returns when
        # sync has ended, while they still run.
        machine.wait_until_succeeds("test -z \"$(systemctl list-jobs --no-legend 'fedlearn-*')\"")

    def sync_chain():
        machine.succeed("systemctl start fedlearn-sync.service")
        wait_for_jobs()
        for job in ("sync", "publish", "pull"):
            assert result(f"fedlearn-{job}.service") == "success", (job, result(f"fedlearn-{job}.service"))

    machine.wait_for_unit("multi-user.target")

    with subtest("timers are listed, export's switched off"):
        timers = machine.succeed("systemctl list-timers --all 'fedlearn-*'")
        for job in ("sync", "metrics"):
            assert f"fedlearn-{job}.timer" in timers, timers
        assert "fedlearn-export.timer" not in timers, timers

    with subtest("clone"):
        machine.wait_for_unit("fedlearn-clone.service")
        machine.succeed("test -d /var/lib/fedlearn/repo/.git")

    with subtest("the boot import waited for Qdrant's port to open, then succeeded"):
        machine.wait_for_unit("fedlearn-import.service")
        assert result("fedlearn-import.service") == "success"
        assert machine.succeed("systemctl show -P NRestarts fedlearn-import.service").strip() == "0"
        machine.succeed("journalctl -b -u fedlearn-import.service | grep -q 'qdrant readiness attempt 1 of'")
        machine.wait_for_open_port(6333)

    with subtest("sync, then publish and pull in units of their own"):
        machine.succeed("install -D -m 0644 ${events} /home/ai/hybrid-events.jsonl")
        sync_chain()
        machine.succeed("test -s /var/lib/fedlearn/repo/data/patterns/error-solutions/vm.jsonl")
        machine.succeed("runuser -u fedlearn -- git -C /srv/federation.git cat-file -e main:data/patterns/error-solutions/vm.jsonl")

    with subtest("import, twice"):
        for _ in range(2):
            machine.succeed("systemctl restart fedlearn-import.service")
            assert count("error-solutions") == 2, count("error-solutions")

    def add_event(message):
        # New telemetry, so that sync publishes and its pull imports.
        event = {
            "timestamp": "2026-01-03T00:00:00Z",
            "event_type": "error_resolution",
            "value_score": 0.95,
            "error_message": message,
            "solution": "wait for /readyz before importing",
        }
        machine.succeed(f"echo {shlex.quote(json.dumps(event))} >> /home/ai/hybrid-events.jsonl")

    with subtest("sync and import started together: neither unit fails"):
        add_event("fedlearn-import: qdrant not ready at boot")
        machine.succeed("systemctl stop fedlearn-import.service")
        machine.succeed("systemctl start fedlearn-sync.service fedlearn-import.service")
        wait_for_jobs()
        for unit in ("fedlearn-sync.service", "fedlearn-import.service", "fedlearn-pull.service"):
            assert result(unit) == "success", (unit, result(unit))

    with subtest("pull importing while a by-hand import runs: pull does not fail"):
        add_event("fedlearn-pull: its import found the lock held")
        status, output = machine.execute(
            "fedlearn import --full > /tmp/import.log 2>&1 & by_hand=$!; "
            "systemctl start fedlearn-sync.service fedlearn-pull.service; started=$?; "
            "wait $by_hand; echo $started $?"
        )
        started, by_hand_status = output.split()
        assert started == "0" and result("fedlearn-pull.service") == "success", output
        assert result("fedlearn-sync.service") == "success", result("fedlearn-sync.service")
        assert by_hand_status in ("0", "3"), machine.succeed("cat /tmp/import.log")

    with subtest("a sync that fails still publishes and pulls (the pull may bring the repair)"):
        # A peer's commit on the forge, as the repair of a bad tree would come.
        machine.succeed(
            "runuser -u fedlearn -- sh -c 'cd /tmp && rm -rf /tmp/peer && git clone -q /srv/federation.git /tmp/peer "
            "&& cd /tmp/peer && echo repaired > PEER.md && git add PEER.md "
            "&& git -c user.name=peer -c user.email=peer@localhost commit -qm peer-repair "
            "&& git push -q origin HEAD:main'"
        )
        machine.succeed(
            "mkdir -p /run/systemd/system/fedlearn-sync.service.d && printf '%s\\n' '[Service]' "
            "'ExecStart=' 'ExecStart=/run/current-system/sw/bin/false' "
            "> /run/systemd/system/fedlearn-sync.service.d/fail.conf && systemctl daemon-reload"
        )
        machine.fail("systemctl start fedlearn-sync.service")
        wait_for_jobs()
        assert result("fedlearn-sync.service") == "exit-code", result("fedlearn-sync.service")
        for job in ("publish", "pull"):
            assert result(f"fedlearn-{job}.service") == "success", (job, result(f"fedlearn-{job}.service"))
        machine.succeed("test \"$(cat /var/lib/fedlearn/repo/PEER.md)\" = repaired")
        machine.succeed(
            "rm -r /run/systemd/system/fedlearn-sync.service.d && systemctl daemon-reload "
            "&& systemctl reset-failed fedlearn-sync.service"
        )
        sync_chain()

    with subtest("an import whose lock is held exits 3, and its unit does not fail"):
        machine.succeed(
            "systemd-run --unit=hold-import-lock --uid=fedlearn --gid=fedlearn "
            "flock /var/lib/fedlearn/locks/import.lock sleep 600"
        )
        machine.wait_until_fails("flock -n /var/lib/fedlearn/locks/import.lock true")
        machine.succeed("systemctl restart fedlearn-import.service")
        assert machine.succeed("systemctl show -P ExecMainStatus fedlearn-import.service").strip() == "3"
        assert result("fedlearn-import.service") == "success"
        machine.succeed("systemctl stop hold-import-lock.service")

    with subtest("the collection has the dimension written in settings"):
        answer = machine.succeed(
            "curl -sf -H 'api-key: ${apiKey}' http://127.0.0.1:6333/collections/error-solutions"
        )
        size = json.loads(answer)["result"]["config"]["params"]["vectors"]["size"]
        assert size == 64, size

    with subtest("metrics, into the folder the module made"):
        machine.succeed("systemctl start fedlearn-metrics.service")
        machine.succeed("grep -q 'job=\"sync\"' /var/lib/node-exporter-textfile/fedlearn.prom")

    with subtest("fedlearn by hand as root runs as the service user, with its credentials"):
        status = json.loads(machine.succeed("fedlearn status --json"))
        assert status["node"] == "vm", status
        machine.succeed("fedlearn export")
        machine.succeed("test $(stat -c %U /var/lib/fedlearn/repo/data/collections/error-solutions/vm) = fedlearn")
  '';
}
