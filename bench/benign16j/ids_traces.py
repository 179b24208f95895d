"""Kinds of identifiers and measurements in agent telemetry: vector stores, traces, metrics, ids."""

from __future__ import annotations

import json
import random

from rand import B62, COLLS, CROCK, UNITS, D, epoch, hx, pick, s, ts, uid4, uid7, ulid

R = random.Random


def k_qdrant_point_ids(r: R) -> str:
    pid = uid4(r)
    c = pick(r, COLLS)
    return pick(
        r,
        [
            f'PUT /collections/{c}/points?wait=true {{"points":[{{"id":"{pid}","vector":[0.{r.randint(100, 999)},0.{r.randint(100, 999)}]}}]}}',
            json.dumps(
                {
                    "result": [
                        {
                            "id": pid,
                            "version": r.randint(0, 999),
                            "score": round(r.random(), 6),
                            "payload": {"source": "docs/setup.md"},
                        }
                    ],
                    "status": "ok",
                    "time": round(r.random() / 100, 6),
                }
            ),
            f"qdrant_client.http.exceptions.UnexpectedResponse: Unexpected Response: 404 (Not Found) - No point with id {pid} found",
            f"upserted point {r.randint(10**15, 10**17)} into {c} (operation_id={r.randint(1, 99999)})",
        ],
    )


def k_qdrant_filters(r: R) -> str:
    return pick(
        r,
        [
            json.dumps(
                {
                    "filter": {
                        "must": [
                            {"key": "repo", "match": {"value": pick(r, COLLS)}},
                            {"key": "ts", "range": {"gte": epoch(r)}},
                        ]
                    },
                    "limit": r.randint(1, 50),
                    "with_payload": True,
                }
            ),
            json.dumps(
                {
                    "filter": {
                        "must_not": [
                            {"key": "kind", "match": {"any": ["secret", "password", "token"]}}
                        ]
                    }
                }
            ),
            f'models.FieldCondition(key="metadata.api_key_id", match=models.MatchValue(value="{uid4(r)}"))',
        ],
    )


def k_qdrant_collections(r: R) -> str:
    c = pick(r, COLLS)
    return pick(
        r,
        [
            f"INFO storage::content_manager::toc: Creating collection {c}",
            json.dumps(
                {
                    "result": {
                        "status": "green",
                        "optimizer_status": "ok",
                        "points_count": r.randint(0, 10**6),
                        "config": {
                            "params": {
                                "vectors": {"size": pick(r, [384, 768, 1024]), "distance": "Cosine"}
                            }
                        },
                    }
                }
            ),
            f"snapshot {c}-{r.randint(10**14, 10**15)}-{ts(r)[:10]}-{ts(r)[11:19].replace(':', '-')}.snapshot created, checksum {hx(r, 64)}",
        ],
    )


def k_otel_trace_ids(r: R) -> str:
    t, sp = hx(r, 32), hx(r, 16)
    return pick(
        r,
        [
            f"traceparent: 00-{t}-{sp}-01",
            json.dumps(
                {
                    "traceId": t,
                    "spanId": sp,
                    "parentSpanId": hx(r, 16),
                    "name": f"tool.{pick(r, ['read_file', 'run_shell'])}",
                    "kind": 1,
                }
            ),
            f'trace_id={t} span_id={sp} level=info msg="tool call finished"',
            f"https://jaeger.lan/trace/{t}?uiFind={sp}",
        ],
    )


def k_uuid_v4(r: R) -> str:
    u = uid4(r)
    return pick(
        r,
        [
            f"conversation_id={u}",
            f"X-Correlation-ID: {u}",
            f"ValueError: conversation {u} not found",
            json.dumps({"run_id": u, "status": "completed"}),
        ],
    )


def k_uuid_v7(r: R) -> str:
    u = uid7(r)
    return pick(
        r,
        [
            f"event_id: {u}",
            f"INSERT INTO events (id, kind) VALUES ('{u}', 'tool_call');",  # noqa: S608
            f"/api/runs/{u}/steps",
        ],
    )


def k_ulids(r: R) -> str:
    u = ulid(r)
    return pick(
        r,
        [
            f"job {u} queued",
            json.dumps({"id": u, "type": "ingest"}),
            f"s3://backups/snapshots/{u}.tar.zst",
        ],
    )


def k_ksuids(r: R) -> str:
    k = s(r, B62, 27)
    return pick(
        r,
        [
            f"ksuid={k}",
            f"segment event messageId: {k}",
            f'msg_id="{k}" queue=embeddings attempts={r.randint(1, 5)}',
        ],
    )


def k_snowflake_ids(r: R) -> str:
    sid = r.randint(10**17, 10**19 - 1)
    return pick(
        r,
        [
            f"discord bot: message {sid} in channel {r.randint(10**17, 10**18)} handled",
            f"https://twitter.com/i/web/status/{sid}",
            json.dumps({"id": sid, "id_str": str(sid)}),
        ],
    )


def k_content_hashes(r: R) -> str:
    return pick(
        r,
        [
            f"blake3:{hx(r, 64)}",
            f"xxh64={hx(r, 16)} chunk={r.randint(0, 999)}",
            f"cas/sha256/{hx(r, 2)}/{hx(r, 62)}",
            f"dedup: chunk {hx(r, 40)} already stored ({r.randint(1, 9999)} bytes)",
        ],
    )


def k_timestamps(r: R) -> str:
    return pick(
        r,
        [
            f"{ts(r)} INFO agent step finished",
            f"Date: {pick(r, ['Mon', 'Tue', 'Sat'])}, 0{r.randint(1, 9)} Dec 2026 0{r.randint(0, 9)}:{r.randint(10, 59)}:{r.randint(10, 59)} GMT",
            f"created_at={epoch(r)}{r.randint(100, 999)} updated_at={epoch(r)}",
            f"[{ts(r)[:10]} {ts(r)[11:23]}] WARN retrying",
        ],
    )


def k_ports(r: R) -> str:
    p = r.choice([6333, 6334, 11434, 8080, 3000, 9090, 4317, 4318, 5432, 8000])
    return pick(
        r,
        [
            f"OSError: [Errno 98] Address already in use: ('0.0.0.0', {p})",
            f'ss -ltnp | grep {p}\nLISTEN 0 4096 *:{p} *:* users:(("{pick(r, UNITS)}",pid={r.randint(100, 99999)},fd={r.randint(3, 40)}))',
            f"networking.firewall.allowedTCPPorts = [ {p} {r.randint(1024, 65535)} ];",
        ],
    )


def k_prometheus_metrics(r: R) -> str:
    return pick(
        r,
        [
            f'ollama_request_duration_seconds_bucket{{model="{pick(r, ["llama3.1", "qwen2.5"])}",le="{pick(r, ["0.5", "1", "2.5"])}"}} {r.randint(0, 99999)}',
            f"# HELP qdrant_collections_vector_total Number of vectors\n# TYPE qdrant_collections_vector_total gauge\nqdrant_collections_vector_total {r.randint(0, 10**7)}",
            f'node_filesystem_avail_bytes{{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"}} {r.randint(10**9, 10**12)}',
            f'http_requests_total{{handler="/v1/chat/completions",code="{pick(r, ["200", "429", "500"])}"}} {r.randint(0, 10**6)} {epoch(r)}000',
        ],
    )


def k_cron_expressions(r: R) -> str:
    return pick(
        r,
        [
            f"{r.randint(0, 59)} {r.randint(0, 23)} * * {r.randint(0, 6)} /run/current-system/sw/bin/fedlearn sync",
            f'services.cron.systemCronJobs = [ "*/{r.randint(2, 30)} * * * *  root  /etc/ai/reindex.sh" ];',
            f"OnCalendar=*-*-* 0{r.randint(0, 9)}:{r.randint(10, 59)}:00",
            f'schedule: "{r.randint(0, 59)} */{r.randint(2, 12)} * * 1-5"',
        ],
    )


def k_css_hex_colors(r: R) -> str:
    c1, c2 = hx(r, 6), hx(r, 6)
    return pick(
        r,
        [
            f".chat-bubble {{ background: #{c1}; border: 1px solid #{c2}; }}",
            f"--accent: #{c1.upper()};",
            f'theme.colors.primary = "#{c1}"',
            f'fill="#{c1}" stroke="#{c2}{hx(r, 2)}"',
        ],
    )


def k_hardware_ids(r: R) -> str:
    return pick(
        r,
        [
            f"/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_2TB_S{s(r, D + CROCK[10:], 14)}",
            f'boot.initrd.luks.devices."cryptroot".device = "/dev/disk/by-uuid/{uid4(r)}";',
            f'fileSystems."/boot" = {{ device = "/dev/disk/by-uuid/{hx(r, 4).upper()}-{hx(r, 4).upper()}"; fsType = "vfat"; }};',
            f"{hx(r, 2)}:00.0 VGA compatible controller [0300]: NVIDIA Corporation AD102 [GeForce RTX 4090] [10de:2684] (rev a1)",
        ],
    )


def k_semver_ranges(r: R) -> str:
    a, b = (
        f"{r.randint(0, 4)}.{r.randint(0, 30)}",
        f"{r.randint(0, 4)}.{r.randint(0, 30)}.{r.randint(0, 9)}",
    )
    return pick(
        r,
        [
            f'"openai": "^{b}", "@qdrant/js-client-rest": "~{a}.0"',
            f"qdrant-client>={a},<{r.randint(2, 3)}.0",
            f"ERROR: Cannot install ollama=={b} because these package versions have conflicting dependencies (httpx>={a},<0.{r.randint(28, 29)})",
            f'langchain-core = ">={b}, <1.0"',
        ],
    )


def k_journal_cursors(r: R) -> str:
    cur = f"s={hx(r, 32)};i={hx(r, 5)};b={hx(r, 32)};m={hx(r, 8)};t={hx(r, 13)};x={hx(r, 16)}"
    return pick(
        r,
        [
            f"-- cursor: {cur}",
            f"journalctl -u {pick(r, UNITS)} --after-cursor='{cur}'",
            json.dumps(
                {
                    "__CURSOR": cur,
                    "_SYSTEMD_UNIT": f"{pick(r, UNITS)}.service",
                    "MESSAGE": "Started",
                }
            ),
        ],
    )


def k_machine_boot_ids(r: R) -> str:
    return pick(
        r,
        [
            f"_BOOT_ID={hx(r, 32)}\n_MACHINE_ID={hx(r, 32)}",
            f"cat /etc/machine-id\n{hx(r, 32)}",
            f"systemd-journald: Journal started (/var/log/journal/{hx(r, 32)})",
        ],
    )


def k_container_ids(r: R) -> str:
    cid = hx(r, 64)
    return pick(
        r,
        [
            f"docker logs {cid[:12]}",
            f"Error response from daemon: container {cid} is not running",
            f"/sys/fs/cgroup/system.slice/docker-{cid}.scope/memory.max",
            f"podman ps\nCONTAINER ID  IMAGE                            STATUS\n{cid[:12]}  ghcr.io/open-webui/open-webui:main  Up {r.randint(2, 50)} hours",
        ],
    )


def k_image_digests(r: R) -> str:
    d = hx(r, 64)
    return pick(
        r,
        [
            f"image: qdrant/qdrant:v1.{r.randint(9, 13)}.{r.randint(0, 6)}@sha256:{d}",
            f"Digest: sha256:{d}\nStatus: Downloaded newer image for ollama/ollama:latest",
            f'virtualisation.oci-containers.containers.searxng.image = "searxng/searxng@sha256:{d}";',
        ],
    )


def k_k8s_pod_names(r: R) -> str:
    pod = f"{pick(r, ['ollama', 'qdrant', 'litellm', 'webui'])}-{hx(r, 10)}-{s(r, 'bcdfghjklmnpqrstvwxz2456789', 5)}"
    return pick(
        r,
        [
            f"kubectl logs -n ai {pod} --tail=50",
            f"Warning  BackOff  {r.randint(1, 59)}s  kubelet  Back-off restarting failed container in pod {pod}",
            f"pod/{pod}   1/1   Running   {r.randint(0, 9)}   {r.randint(1, 30)}d",
        ],
    )


def k_etags(r: R) -> str:
    return pick(
        r,
        [
            f'ETag: "{hx(r, 32)}"',
            f'If-None-Match: W/"{hx(r, 8)}-{s(r, B62 + "_-", 27)}"',
            f"304 Not Modified (etag {hx(r, 40)})",
        ],
    )


def k_idempotency_keys(r: R) -> str:
    return pick(
        r,
        [
            f"Idempotency-Key: {uid4(r)}",
            f"dedupe_key=ingest:{hx(r, 16)}:{r.randint(0, 99)}",
            f"duplicate delivery ignored (idempotency key {uid4(r)})",
        ],
    )
