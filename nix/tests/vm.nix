# A NixOS VM with Qdrant and services.fedlearn: clone the federation repo from a local bare remote,
# sync telemetry (then publish and pull), import into Qdrant, and check the points through
# Qdrant's REST API and the timers through systemctl. Run: nix build .#checks.x86_64-linux.vm
{ module }:
{ pkgs, lib, ... }:
let
  apiKey = "vm-test-key";
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

  nodes.machine = {
    imports = [ module ];
    virtualisation.memorySize = 2048;
    environment.systemPackages = [ pkgs.curl pkgs.git ];
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
      nodeId = "vm";
      repo.url = "/srv/federation.git";
      publish.enable = true;
      qdrant.apiKeyFile = "/etc/fedlearn-test/qdrant-api-key";
      metrics.textfileDirectory = "/var/lib/node-exporter-textfile";
      # Written in settings, not in the typed options (left at their defaults, they give way):
      # the telemetry under /home makes the units' ProtectHome read-only instead of hiding it.
      settings = {
        sync.telemetry = [ "/home/ai/hybrid-events.jsonl" ];
        embedding.dimension = 64;
      };
    };
    systemd.tmpfiles.rules = [ "d /var/lib/node-exporter-textfile 0755 fedlearn fedlearn - -" ];

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
    systemd.services.fedlearn-sync.serviceConfig.ReadWritePaths = [ "/srv/federation.git" ];
  };

  testScript = ''
    import json

    def count(collection):
        answer = machine.succeed(
            "curl -sf -H 'api-key: ${apiKey}' -H 'content-type: application/json' -X POST "
            f"-d '{{\"exact\": true}}' http://127.0.0.1:6333/collections/{collection}/points/count"
        )
        return json.loads(answer)["result"]["count"]

    machine.wait_for_unit("multi-user.target")
    machine.wait_for_open_port(6333)

    with subtest("timers are listed"):
        timers = machine.succeed("systemctl list-timers --all 'fedlearn-*'")
        for job in ("sync", "export", "metrics"):
            assert f"fedlearn-{job}.timer" in timers, timers

    with subtest("clone"):
        machine.wait_for_unit("fedlearn-clone.service")
        machine.succeed("test -d /var/lib/fedlearn/repo/.git")

    with subtest("import ran at boot, after the boot target"):
        machine.wait_for_unit("fedlearn-import.service")

    with subtest("sync, publish, pull"):
        machine.succeed("install -D -m 0644 ${events} /home/ai/hybrid-events.jsonl")
        machine.succeed("systemctl start fedlearn-sync.service")
        machine.succeed("test -s /var/lib/fedlearn/repo/data/patterns/error-solutions/vm.jsonl")
        machine.succeed("runuser -u fedlearn -- git -C /srv/federation.git cat-file -e main:data/patterns/error-solutions/vm.jsonl")

    with subtest("import, twice"):
        for _ in range(2):
            machine.succeed("systemctl restart fedlearn-import.service")
            assert count("error-solutions") == 2, count("error-solutions")

    with subtest("the collection has the dimension written in settings"):
        answer = machine.succeed(
            "curl -sf -H 'api-key: ${apiKey}' http://127.0.0.1:6333/collections/error-solutions"
        )
        size = json.loads(answer)["result"]["config"]["params"]["vectors"]["size"]
        assert size == 64, size

    with subtest("metrics"):
        machine.succeed("systemctl start fedlearn-metrics.service")
        machine.succeed("grep -q 'job=\"sync\"' /var/lib/node-exporter-textfile/fedlearn.prom")
  '';
}
