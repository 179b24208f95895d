"""Kinds from the model side of a self-hosted AI stack: model files, registries, inference APIs."""

from __future__ import annotations

import json
import random

from rand import B62, HF_ORGS, MODELS, OLLAMA, QUANTS, SIZES, TOOLS, b64, hx, pick, s, ts

R = random.Random


def k_gguf_filenames(r: R) -> str:
    m, q = pick(r, MODELS), pick(r, QUANTS)
    name = f"{m.title().replace('-Instruct', '-Instruct')}-{q}.gguf"
    return pick(
        r,
        [
            f"llama-server -m /var/lib/models/{name} -c 8192 -ngl 99 --port 8080",
            f"llama_model_loader: loaded meta data with 34 key-value pairs and 292 tensors from /models/{name} (version GGUF V3 (latest))",
            f"FileNotFoundError: [Errno 2] No such file or directory: '/srv/models/{name}'",
            f"ls -lh ~/models\n-rw-r--r-- 1 ai ai {r.randint(2, 19)}.{r.randint(1, 9)}G {name}",
        ],
    )


def k_safetensors_shards(r: R) -> str:
    n = r.randint(2, 8)
    i = r.randint(1, n)
    shard = f"model-{i:05d}-of-{n:05d}.safetensors"
    return pick(
        r,
        [
            f"Loading checkpoint shards: {100 * i // n}%|███▌ | {i}/{n} [00:0{r.randint(1, 9)}<00:0{r.randint(1, 9)}, {r.randint(1, 3)}.{r.randint(10, 99)}s/it] {shard}",
            json.dumps(
                {
                    "metadata": {"total_size": r.randint(10**9, 10**11)},
                    "weight_map": {
                        f"model.layers.{r.randint(0, 31)}.self_attn.q_proj.weight": shard,
                        "lm_head.weight": f"model-{n:05d}-of-{n:05d}.safetensors",
                    },
                }
            ),
            f"safetensors_rust.SafetensorError: Error while deserializing header: HeaderTooLarge ({shard})",
        ],
    )


def k_hf_repo_revisions(r: R) -> str:
    repo = f"{pick(r, HF_ORGS)}/{pick(r, MODELS).replace('llama', 'Llama')}-GGUF"
    rev = hx(r, 40)
    return pick(
        r,
        [
            f"huggingface-cli download {repo} --revision {rev} --local-dir ./models",
            f'AutoModelForCausalLM.from_pretrained("{repo}", revision="{rev}", torch_dtype=torch.bfloat16)',
            f"Fetching 4 files: 100%|██████████| 4/4 [00:{r.randint(10, 59)}<00:00] snapshots/{rev}/config.json",
            f"https://huggingface.co/{repo}/resolve/{rev}/tokenizer.json",
        ],
    )


def k_hf_cache_paths(r: R) -> str:
    repo = f"models--{pick(r, HF_ORGS)}--{pick(r, MODELS)}"
    blob = hx(r, 64)
    return pick(
        r,
        [
            f"/var/lib/huggingface/hub/{repo}/blobs/{blob}",
            f"lrwxrwxrwx 1 ai ai 52 Dec  5 21:04 model.safetensors -> ../../blobs/{blob}",
            f"du -sh $HF_HOME/hub/{repo}\n{r.randint(1, 60)}G\t/var/lib/huggingface/hub/{repo}",
        ],
    )


def k_ollama_tags(r: R) -> str:
    tag = f"{pick(r, OLLAMA)}:{pick(r, SIZES)}"
    if r.random() < 0.5:
        tag += f"-instruct-{pick(r, QUANTS).lower()}"
    ident = hx(r, 12)
    return pick(
        r,
        [
            f"ollama pull {tag}",
            f"NAME                              ID              SIZE      MODIFIED\n{tag:<33} {ident}    {r.randint(1, 40)}.{r.randint(0, 9)} GB    {r.randint(2, 9)} days ago",
            f'{{"model":"{tag}","created_at":"{ts(r)}","response":"","done":true,"done_reason":"stop"}}',
            f'Error: model "{tag}" not found, try pulling it first',
        ],
    )


def k_ollama_blob_digests(r: R) -> str:
    d = hx(r, 64)
    return pick(
        r,
        [
            f"pulling {d[:12]}... 100% ▕████████████████▏ {r.randint(1, 9)}.{r.randint(0, 9)} GB",
            f"verifying sha256 digest\nwriting manifest\nsuccess  (sha256:{d})",
            f"/usr/share/ollama/.ollama/models/blobs/sha256-{d}",
            json.dumps(
                {
                    "mediaType": "application/vnd.ollama.image.model",
                    "digest": f"sha256:{d}",
                    "size": r.randint(10**8, 10**10),
                }
            ),
        ],
    )


def k_modelfile(r: R) -> str:
    return pick(
        r,
        [
            f"FROM {pick(r, OLLAMA)}:{pick(r, SIZES)}\nPARAMETER temperature 0.{r.randint(1, 9)}\nPARAMETER num_ctx {pick(r, ['4096', '8192', '32768'])}\nSYSTEM You are a careful coding assistant.",
            f'FROM ./{pick(r, MODELS)}-{pick(r, QUANTS)}.gguf\nTEMPLATE """{{{{ .System }}}}<|user|>{{{{ .Prompt }}}}<|assistant|>"""',
            f"ADAPTER ./lora/{pick(r, ['sql', 'nix', 'shell'])}-adapter-r{pick(r, ['8', '16', '32'])}.gguf",
        ],
    )


def k_embedding_vectors(r: R) -> str:
    vec = [round(r.uniform(-0.2, 0.2), r.randint(6, 8)) for _ in range(r.randint(6, 12))]
    body = ", ".join(str(v) for v in vec)
    return pick(
        r,
        [
            f'{{"object":"embedding","index":0,"embedding":[{body}, ...]}}',
            f"vector=[{body}] dim={pick(r, ['384', '768', '1024', '1536'])}",
            f"np.array([{body}], dtype=np.float32)",
            f'{{"embeddings": [[{body}]], "model": "{pick(r, OLLAMA)}"}}',
        ],
    )


def k_token_usage(r: R) -> str:
    p, c = r.randint(50, 120000), r.randint(1, 4000)
    return pick(
        r,
        [
            json.dumps(
                {"usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}}
            ),
            f"usage: input_tokens={p} output_tokens={c} cache_read_input_tokens={r.randint(0, p)}",
            f"prompt eval count: {p} token(s)\neval count: {c} token(s)\neval rate: {r.randint(5, 120)}.{r.randint(10, 99)} tokens/s",
            f"max_tokens ({c}) + prompt tokens ({p}) exceeds context window ({pick(r, ['8192', '32768'])})",
        ],
    )


def k_logprobs(r: R) -> str:
    toks = r.sample(
        ["def", " get", "_secret", "(", "name", " token", " password", "_hash", " key", ":"], 3
    )
    lps = [round(-r.random() * 4, 6) for _ in toks]
    return pick(
        r,
        [
            json.dumps(
                {
                    "logprobs": {
                        "content": [
                            {"token": t, "logprob": lp, "bytes": list(t.encode())}
                            for t, lp in zip(toks, lps, strict=True)
                        ]
                    }
                }
            ),
            f"top_logprobs: {{{', '.join(f'{t!r}: {lp}' for t, lp in zip(toks, lps, strict=True))}}}",
            f"token={toks[0]!r} logprob={lps[0]} p={round(2.718281828 ** lps[0], 4)}",
        ],
    )


def k_chatcmpl_ids(r: R) -> str:
    cid = "chatcmpl-" + s(r, B62, 29)
    return pick(
        r,
        [
            json.dumps(
                {
                    "id": cid,
                    "object": "chat.completion",
                    "created": r.randint(1767225600, 1796000000),
                    "model": pick(r, MODELS),
                    "system_fingerprint": "fp_" + hx(r, 10),
                }
            ),
            f"litellm.RateLimitError: response {cid} rate limited, retry in {r.randint(1, 30)}s",
            f"INFO  completion {cid} finish_reason=stop latency_ms={r.randint(80, 9000)}",
        ],
    )


def k_openai_tool_calls(r: R) -> str:
    call = "call_" + s(r, B62, 24)
    tool = pick(r, TOOLS)
    args = json.dumps({"path": pick(r, ["src/main.py", "README.md", "flake.nix"])})
    return pick(
        r,
        [
            json.dumps(
                {
                    "tool_calls": [
                        {
                            "id": call,
                            "type": "function",
                            "function": {"name": tool, "arguments": args},
                        }
                    ]
                }
            ),
            json.dumps({"role": "tool", "tool_call_id": call, "content": "exit code 0"}),
            f"agent: dispatching {tool} for tool_call_id={call}",
            f"BadRequestError: An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {call}",
        ],
    )


def k_anthropic_tool_use(r: R) -> str:
    tid = "toolu_01" + s(r, B62, 22)
    mid = "msg_01" + s(r, B62, 22)
    tool = pick(r, TOOLS)
    return pick(
        r,
        [
            json.dumps(
                {
                    "id": mid,
                    "type": "message",
                    "role": "assistant",
                    "content": [
                        {
                            "type": "tool_use",
                            "id": tid,
                            "name": tool,
                            "input": {"command": "ls -la"},
                        }
                    ],
                    "stop_reason": "tool_use",
                }
            ),
            json.dumps(
                {
                    "type": "tool_result",
                    "tool_use_id": tid,
                    "content": "3 files changed",
                    "is_error": False,
                }
            ),
            f"anthropic.BadRequestError: Error code: 400 - messages.2: `tool_use` ids were found without `tool_result` blocks immediately after: {tid}",
            f"[{ts(r)}] message {mid} stop_reason=end_turn output_tokens={r.randint(10, 900)}",
        ],
    )


def k_request_ids(r: R) -> str:
    return pick(
        r,
        [
            f"x-request-id: req_{s(r, B62, 24)}",
            f"openai.APIConnectionError: Connection error. (request id: req_{hx(r, 32)})",
            f"request-id: req_011C{s(r, B62, 20)} status=529 overloaded_error",
        ],
    )


def k_llama_cpp_logs(r: R) -> str:
    return pick(
        r,
        [
            f"slot launch_slot_: id  {r.randint(0, 3)} | task {r.randint(0, 9999)} | processing task",
            f"llm_load_print_meta: model params     = {r.randint(1, 70)}.{r.randint(10, 99)} B\nllm_load_print_meta: model size       = {r.randint(1, 40)}.{r.randint(10, 99)} GiB ({r.randint(4, 8)}.{r.randint(10, 99)} BPW)",
            f"llama_kv_cache_init:      CUDA0 KV buffer size = {r.randint(64, 4096)}.00 MiB",
            f"print_timings: prompt eval time = {r.randint(10, 900)}.{r.randint(10, 99)} ms / {r.randint(10, 900)} tokens",
        ],
    )


def k_vllm_logs(r: R) -> str:
    rid = f"chatcmpl-{hx(r, 32)}"
    return pick(
        r,
        [
            f"INFO {ts(r)[11:19]} async_llm_engine.py:208] Added request {rid}.",
            f"INFO: Avg prompt throughput: {r.randint(0, 900)}.{r.randint(0, 9)} tokens/s, GPU KV cache usage: {r.randint(0, 99)}.{r.randint(0, 9)}%",
            f"vllm serve {pick(r, HF_ORGS)}/{pick(r, MODELS)} --max-model-len 16384 --gpu-memory-utilization 0.9{r.randint(0, 5)}",
        ],
    )


def k_model_checksums(r: R) -> str:
    d = hx(r, 64)
    f = f"{pick(r, MODELS)}-{pick(r, QUANTS)}.gguf"
    return pick(
        r,
        [
            f"{d}  {f}",
            f"sha256sum -c SHA256SUMS\n{f}: OK",
            f"expected sha256 {d} for {f}, got {hx(r, 64)}: re-downloading",
            f'"sha256": "{d}", "filename": "{f}"',
        ],
    )


def k_lora_adapters(r: R) -> str:
    return pick(
        r,
        [
            f'peft.PeftModel.from_pretrained(base, "adapters/{pick(r, ["nix", "sql", "rag"])}-lora-r{r.choice([8, 16, 64])}-a{r.choice([16, 32])}")',
            f"trainable params: {r.randint(1, 90):,}{r.randint(100, 999)},{r.randint(100, 999)} || all params: {r.randint(1, 9)},{r.randint(100, 999)},{r.randint(100, 999)},{r.randint(100, 999)} || trainable%: 0.{r.randint(1000, 9999)}",
            f"{{'loss': {round(r.uniform(0.2, 2.5), 4)}, 'grad_norm': {round(r.uniform(0.1, 5), 4)}, 'learning_rate': {r.randint(1, 9)}e-05, 'epoch': {round(r.random() * 3, 2)}}}",
        ],
    )


def k_tokenizer_ids(r: R) -> str:
    ids = [r.randint(0, 151000) for _ in range(r.randint(6, 14))]
    return pick(
        r,
        [
            f"input_ids: {ids}",
            f"tokenizer.encode('api_key = os.environ[\"API_KEY\"]') -> {ids}",
            json.dumps(
                {
                    "bos_token_id": ids[0],
                    "eos_token_id": ids[1],
                    "pad_token_id": ids[2],
                    "vocab_size": 151936,
                }
            ),
        ],
    )


def k_openwebui_chat_ids(r: R) -> str:
    from rand import uid4

    return pick(
        r,
        [
            f'GET /api/v1/chats/{uid4(r)} HTTP/1.1" 200',
            f"open_webui.routers.chats: chat {uid4(r)} archived by user {uid4(r)}",
            f"DEBUG [open_webui.retrieval] collection_name=file-{uid4(r)} k=4",
        ],
    )


def k_gpu_telemetry(r: R) -> str:
    return pick(
        r,
        [
            f"| {r.randint(0, 3)}  NVIDIA GeForce RTX 4090   On  |   00000000:{hx(r, 2).upper()}:00.0 Off |  Off |",
            f"GPU-{hx(r, 8)}-{hx(r, 4)}-{hx(r, 4)}-{hx(r, 4)}-{hx(r, 12)}",
            f"CUDA_VISIBLE_DEVICES=GPU-{hx(r, 8)}-{hx(r, 4)}-{hx(r, 4)}-{hx(r, 4)}-{hx(r, 12)} ollama serve",
            f"torch.OutOfMemoryError: CUDA out of memory. Tried to allocate {r.randint(1, 9)}.{r.randint(10, 99)} GiB. GPU 0 has a total capacity of 23.64 GiB of which {r.randint(10, 900)}.{r.randint(10, 99)} MiB is free.",
        ],
    )


def k_image_base64(r: R) -> str:
    png = "iVBORw0KGgoAAAANSUhEUgAA" + b64(r, r.randint(30, 60))
    return pick(
        r,
        [
            json.dumps({"type": "image_url", "image_url": {"url": "data:image/png;base64," + png}}),
            json.dumps(
                {
                    "type": "image",
                    "source": {"type": "base64", "media_type": "image/png", "data": png},
                }
            ),
            f'<img src="data:image/png;base64,{png}" alt="chart">',
            f'{{"model":"llava","prompt":"describe","images":["{png}"]}}',
        ],
    )


def k_protobuf_base64(r: R) -> str:
    blob = b64(r, r.randint(20, 48))
    return pick(
        r,
        [
            f"grpc-status-details-bin: {blob}",
            f"otlp payload (base64 protobuf, {r.randint(100, 9000)} bytes): {blob}",
            f"decode_message failed: wire type 7 at offset {r.randint(1, 90)} in {blob}",
        ],
    )


def k_sampling_params(r: R) -> str:
    return pick(
        r,
        [
            json.dumps(
                {
                    "temperature": round(r.random(), 2),
                    "top_p": round(r.uniform(0.8, 1), 2),
                    "top_k": r.randint(10, 80),
                    "seed": r.randint(0, 2**31),
                    "repeat_penalty": 1.1,
                }
            ),
            f"--temp 0.{r.randint(1, 9)} --top-p 0.9{r.randint(0, 9)} --min-p 0.0{r.randint(1, 9)} --seed {r.randint(0, 2**31)}",
            f"SamplingParams(n=1, temperature={round(r.random(), 2)}, seed={r.randint(0, 2**31)}, max_tokens={r.randint(64, 4096)})",
        ],
    )


def k_ai_hex_prefixes(r: R) -> str:
    return pick(
        r,
        [
            f"system_fingerprint=fp_{hx(r, 10)}",
            f"model revision {hx(r, 7)} (main), tokenizer revision {hx(r, 7)}",
            f"cache key prompt:{hx(r, 16)} hit=true ttl={r.randint(60, 3600)}s",
        ],
    )
