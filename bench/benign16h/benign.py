"""Benign strings of the blind benign corpus bench/benign16h: an AI stack's everyday ids.

Each kind writes a value in its tool's real format (formats.py of bench/benign16g, plus the
encoders below) inside a context a self-hosted AI stack's telemetry would carry: LLM provider
responses and headers, model artefacts, vector databases and RAG, tracing and host operations,
masked and referenced secrets. None is a secret or personal data; README.md says why for each
judgement call. ``DEBATABLE`` kinds are reported apart.
"""

from __future__ import annotations

import base64
import hashlib
import random
import uuid
from collections.abc import Callable

import formats as f
from formats import B62, B64URL, HEX, LOWER, UPPER, D, s

B58 = f.B58
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
MODELS = [
    "qwen2.5:7b",
    "llama3.1:8b",
    "mistral-nemo:12b",
    "phi3.5:3.8b",
    "gemma2:9b",
    "nomic-embed-text:latest",
]
HF = [
    "Qwen/Qwen2.5-7B-Instruct",
    "meta-llama/Llama-3.1-8B-Instruct",
    "mistralai/Mistral-Nemo-Instruct-2407",
    "BAAI/bge-m3",
    "nomic-ai/nomic-embed-text-v1.5",
    "google/gemma-2-9b-it",
]
COLLECTIONS = ["skills-patterns", "error-solutions", "best-practices", "docs_chunks", "codebase_v3"]
UNITS = [
    "ollama.service",
    "qdrant.service",
    "fedlearn-sync.service",
    "llama-server.service",
    "open-webui.service",
]
WORDS = [
    "retry",
    "ingest",
    "embed",
    "rerank",
    "chunk",
    "answer",
    "plan",
    "route",
    "summarise",
    "classify",
]


def uid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def pick(r: random.Random, *options: str) -> str:
    return r.choice(options)


def hexd(r: random.Random, n: int) -> str:
    return s(r, HEX, n)


def u64(r: random.Random) -> int:
    return r.getrandbits(64)


def stamp(r: random.Random) -> str:
    return f"2026-12-0{r.randint(1, 5)}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"


def nix32(r: random.Random, n: int = 32) -> str:
    return s(r, f.NIX32, n)


def sri(r: random.Random, nbytes: int = 32, algo: str = "sha256") -> str:
    return f"{algo}-{f.b64(r.randbytes(nbytes))}"


def luhn32(group: str) -> str:
    """Syncthing's Luhn mod 32 check character over base32 characters."""
    factor, total = 1, 0
    for ch in group:
        addend = factor * B32.index(ch)
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return B32[(32 - total % 32) % 32]


def floats(r: random.Random, n: int, digits: int = 16) -> str:
    return ", ".join(repr(round(r.uniform(-0.12, 0.12), digits)) for _ in range(n))


# --- LLM providers ---------------------------------------------------------------------------


def ratelimit_headers(r: random.Random) -> str:
    return pick(
        r,
        f"HTTP 429 Too Many Requests\nx-ratelimit-limit-requests: {r.choice([500, 5000, 10000])}\nx-ratelimit-limit-tokens: {r.choice([200000, 2000000, 30000000])}\nx-ratelimit-remaining-requests: {r.randint(0, 9)}\nx-ratelimit-remaining-tokens: {r.randint(0, 199999)}\nx-ratelimit-reset-requests: {r.randint(1, 59)}ms\nx-ratelimit-reset-tokens: {r.randint(1, 9)}m{r.randint(0, 59)}s",
        f"anthropic.RateLimitError: 429 rate_limit_error (anthropic-ratelimit-input-tokens-remaining: {r.randint(0, 9999)}, anthropic-ratelimit-input-tokens-reset: {stamp(r)}, retry-after: {r.randint(1, 60)})",
        f'level=warn msg="backing off" provider=openai retry_after_ms={r.randint(100, 60000)} x_ratelimit_remaining_tokens={r.randint(0, 99999)} reset_tokens={r.randint(1, 59)}.{r.randint(100, 999)}s',
    )


def system_fingerprint(r: random.Random) -> str:
    fp = "fp_" + hexd(r, 10)
    return pick(
        r,
        f'{{"object": "chat.completion", "created": {r.randint(1733000000, 1764000000)}, "model": "gpt-4o-mini-2024-07-18", "system_fingerprint": "{fp}", "choices": []}}',
        f"warning: system_fingerprint changed from {fp} to fp_{hexd(r, 10)} between runs; outputs with seed={r.randint(1, 99999)} may differ",
        f"eval run {r.randint(1, 400)}: model=gpt-4o fingerprint={fp} pass@1=0.{r.randint(100, 999)}",
    )


def anthropic_headers(r: random.Random) -> str:
    req = "req_011C" + s(r, B58, 20)
    return pick(
        r,
        f"anthropic.InternalServerError: Error code: 529 - {{'type': 'error', 'error': {{'type': 'overloaded_error', 'message': 'Overloaded'}}, 'request_id': '{req}'}}",
        f"< HTTP/2 200\n< request-id: {req}\n< anthropic-organization-id: {uid(r)}\n< via: 1.1 google",
        f"APIStatusError: 500 api_error (request_id={req}) while streaming message for skill {r.choice(WORDS)}",
    )


def tool_call_transcript(r: random.Random) -> str:
    toolu = "toolu_01" + s(r, B58, 22)
    call = "call_" + s(r, B62, 24)
    return pick(
        r,
        f'ValidationError: tool_result block refers to unknown tool_use_id "{toolu}" (last assistant turn had {r.randint(1, 4)} tool_use blocks)',
        f'{{"role": "tool", "tool_call_id": "{call}", "content": "{{\\"status\\": \\"ok\\", \\"rows\\": {r.randint(0, 90)}}}"}}',
        f"openai.BadRequestError: 400 An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: {call}",
        f'{{"type": "tool_use", "id": "{toolu}", "name": "search_docs", "input": {{"query": "qdrant snapshot restore", "k": {r.randint(3, 12)}}}}}',
    )


def openai_batch_output(r: random.Random) -> str:
    return pick(
        r,
        f'{{"id": "batch_req_{hexd(r, 32)}", "custom_id": "request-{r.randint(1, 5000)}", "response": {{"status_code": 200, "request_id": "{hexd(r, 32)}", "body": {{}}}}, "error": null}}',
        f"batch batch_{hexd(r, 32)} status=failed: {r.randint(1, 90)} of {r.randint(100, 900)} requests failed (error_file_id=file-{s(r, B62, 22)})",
        f"openai.NotFoundError: Error code: 404 - No batch found with id 'batch_{hexd(r, 32)}'.",
    )


def files_vector_stores(r: random.Random) -> str:
    vs = "vs_" + s(r, B62, 24)
    fid = "file-" + s(r, B62, 22)
    return pick(
        r,
        f"vector store {vs}: file {fid} status=failed last_error=unsupported_file (chunking_strategy=auto)",
        f'{{"id": "{fid}", "object": "vector_store.file", "vector_store_id": "{vs}", "status": "completed", "usage_bytes": {r.randint(1000, 999999)}}}',
        f"openai.NotFoundError: Error code: 404 - {{'error': {{'message': \"No file found with id '{fid}'.\", 'type': 'invalid_request_error'}}}}",
    )


def openai_finetune_ids(r: random.Random) -> str:
    job = "ftjob-" + s(r, B62, 24)
    model = (
        f"ft:gpt-4o-mini-2024-07-18:acme-labs:{r.choice(WORDS)}-v{r.randint(1, 9)}:{s(r, B62, 8)}"
    )
    return pick(
        r,
        f"fine-tuning job {job} succeeded: fine_tuned_model={model} trained_tokens={r.randint(10000, 9999999)}",
        f"openai.NotFoundError: The model `{model}` does not exist or you do not have access to it.",
        f'{{"object": "fine_tuning.job.checkpoint", "id": "ftckpt_{s(r, B62, 24)}", "fine_tuning_job_id": "{job}", "step_number": {r.randint(10, 2000)}}}',
    )


def openrouter_generation(r: random.Random) -> str:
    gen = f"gen-{r.randint(1733000000, 1764000000)}-{s(r, B62, 20)}"
    return pick(
        r,
        f"GET https://openrouter.ai/api/v1/generation?id={gen} -> 404 (generation not yet indexed)",
        f'{{"id": "{gen}", "provider": "DeepInfra", "model": "qwen/qwen-2.5-72b-instruct", "object": "chat.completion", "choices": []}}',
        f"cost lookup for {gen}: total_cost=0.000{r.randint(100, 999)} native_tokens_prompt={r.randint(10, 9000)}",
    )


def gemini_response_ids(r: random.Random) -> str:
    rid = s(r, B64URL.replace("-", "").replace("_", ""), r.randint(22, 24))
    return pick(
        r,
        f'{{"candidates": [{{"finishReason": "MAX_TOKENS", "index": 0}}], "modelVersion": "gemini-1.5-flash-002", "responseId": "{rid}"}}',
        f"google.genai.errors.ServerError: 503 UNAVAILABLE (responseId={rid}): The model is overloaded. Please try again later.",
        f"gemini: finish_reason=SAFETY response_id={rid} blocked category=HARM_CATEGORY_DANGEROUS_CONTENT",
    )


def litellm_headers(r: random.Random) -> str:
    return pick(
        r,
        f"x-litellm-call-id: {uid(r)}\nx-litellm-model-id: {hexd(r, 64)}\nx-litellm-model-api-base: http://127.0.0.1:11434\nx-litellm-response-cost: 0.0\nx-litellm-version: 1.5{r.randint(0, 9)}.{r.randint(0, 9)}",
        f"litellm.exceptions.Timeout: litellm.Timeout: Connection timed out after 600.0 seconds. (model_id={hexd(r, 64)}, litellm_call_id={uid(r)})",
        f'{{"model_group": "local-qwen", "model_info": {{"id": "{hexd(r, 64)}", "db_model": false}}, "litellm_params": {{"model": "ollama_chat/{r.choice(MODELS)}"}}}}',
    )


def llm_auth_errors(r: random.Random) -> str:
    return pick(
        r,
        "openai.OpenAIError: The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable",
        f"anthropic.AuthenticationError: Error code: 401 - {{'type': 'error', 'error': {{'type': 'authentication_error', 'message': 'invalid x-api-key'}}, 'request_id': 'req_011C{s(r, B58, 20)}'}}",
        f"ValueError: Did not find groq_api_key, please add an environment variable `GROQ_API_KEY` which contains it, or pass `groq_api_key` as a named parameter. (chain step {r.randint(1, 9)})",
        f"google.auth.exceptions.DefaultCredentialsError: Your default credentials were not found. To set up Application Default Credentials, see https://cloud.google.com/docs/authentication/external/set-up-adc (retry {r.randint(1, 5)})",
        f"litellm.AuthenticationError: MistralException - Unauthorized. Set MISTRAL_API_KEY in the environment (deployment {r.choice(WORDS)}-{r.randint(1, 9)})",
    )


# --- model artefacts -------------------------------------------------------------------------


def ollama_manifest(r: random.Random) -> str:
    model, params, tmpl = (hexd(r, 64) for _ in range(3))
    return pick(
        r,
        f'{{"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json", "config": {{"mediaType": "application/vnd.docker.container.image.v1+json", "digest": "sha256:{hexd(r, 64)}", "size": {r.randint(400, 600)}}}, "layers": [{{"mediaType": "application/vnd.ollama.image.model", "digest": "sha256:{model}", "size": {r.randint(10**9, 9 * 10**9)}}}, {{"mediaType": "application/vnd.ollama.image.template", "digest": "sha256:{tmpl}", "size": {r.randint(100, 2000)}}}]}}',
        f"Error: pull model manifest: file does not exist (digest sha256:{model} of layer application/vnd.ollama.image.params, blob sha256-{params} missing)",
        f'level=WARN source=images.go:{r.randint(100, 999)} msg="digest mismatch" layer=sha256:{model} want=sha256:{params}',
    )


def ollama_list(r: random.Random) -> str:
    rows = "\n".join(
        f"{m:<28}{hexd(r, 12)}    {r.randint(1, 9)}.{r.randint(0, 9)} GB    {r.randint(2, 30)} days ago"
        for m in r.sample(MODELS, 3)
    )
    return pick(
        r,
        f"NAME                        ID              SIZE      MODIFIED\n{rows}",
        f"NAME             ID              SIZE      PROCESSOR    UNTIL\n{r.choice(MODELS)}    {hexd(r, 12)}    {r.randint(2, 9)}.{r.randint(0, 9)} GB    100% GPU     4 minutes from now",
        f"Error: model {r.choice(MODELS)} (id {hexd(r, 12)}) is still loaded; stop it before rm",
    )


def hf_lfs_metadata(r: random.Random) -> str:
    part = r.randint(1, 4)
    return pick(
        r,
        f'{{"rfilename": "model-0000{part}-of-00004.safetensors", "blobId": "{hexd(r, 40)}", "size": {r.randint(10**9, 5 * 10**9)}, "lfs": {{"sha256": "{hexd(r, 64)}", "size": {r.randint(10**9, 5 * 10**9)}, "pointerSize": 135}}}}',
        f"huggingface_hub.errors.EntryNotFoundError: 404 for model-0000{part}-of-00004.safetensors at revision {hexd(r, 40)} (expected lfs sha256 {hexd(r, 64)})",
        f"OSError: Consistency check failed: file should be of size {r.randint(10**9, 5 * 10**9)} but has size {r.randint(10**8, 10**9)} ((…)0000{part}-of-00004.safetensors, etag {hexd(r, 64)})",
    )


def hf_cache_paths(r: random.Random) -> str:
    name = r.choice(HF)
    repo, pr = name.replace("/", "--"), r.randint(1, 90)
    rev = hexd(r, 40)
    return pick(
        r,
        f"/var/lib/llm/hf/hub/models--{repo}/snapshots/{rev}/model-0000{r.randint(1, 4)}-of-00004.safetensors -> ../../blobs/{hexd(r, 64)}",
        f"FileNotFoundError: [Errno 2] No such file or directory: '/var/lib/llm/hf/hub/models--{repo}/snapshots/{rev}/tokenizer.json'",
        f"huggingface-cli download {name} --revision refs/pr/{pr} -> resolved {rev} (cache /var/lib/llm/hf/hub/models--{repo}/refs/refs%2Fpr%2F{pr})",
    )


def safetensors_header(r: random.Random) -> str:
    a = r.randint(0, 10**9)
    layer = r.randint(0, 31)
    return pick(
        r,
        f'safetensors_rust.SafetensorError: Error while deserializing header: {{"__metadata__": {{"format": "pt"}}, "model.layers.{layer}.self_attn.q_proj.weight": {{"dtype": "BF16", "shape": [4096, 4096], "data_offsets": [{a}, {a + 33554432}]}}}}',
        f"RuntimeError: Error(s) in loading state_dict: size mismatch for model.layers.{layer}.mlp.gate_proj.weight: copying a param with shape torch.Size([14336, 4096]) (data_offsets [{a}, {a + 117440512}])",
        f"header of model-00002-of-00004.safetensors: {r.randint(8000, 90000)} bytes, {r.randint(100, 400)} tensors, first data_offsets [{a}, {a + r.randint(10**6, 10**8)}]",
    )


def lora_adapter(r: random.Random) -> str:
    name = f"{r.choice(['qwen2.5-7b', 'llama3.1-8b', 'mistral-7b'])}-{r.choice(WORDS)}-lora-r{r.choice([8, 16, 32, 64])}-{hexd(r, 8)}"
    return pick(
        r,
        f'{{"base_model_name_or_path": "{r.choice(HF)}", "peft_type": "LORA", "r": {r.choice([8, 16, 32])}, "lora_alpha": {r.choice([16, 32, 64])}, "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"], "revision": "{hexd(r, 40)}"}}',
        f"ValueError: adapter '{name}' was trained for a different base model (adapter_model.safetensors sha256 {hexd(r, 64)})",
        f"llama_adapter_lora_init: loading lora adapter from '/var/lib/llm/adapters/{name}.gguf' ... (alpha {r.choice([16, 32])}, {r.randint(100, 400)} tensors)",
    )


def sentencepiece_pieces(r: random.Random) -> str:
    pieces = r.sample(
        [
            "▁the",
            "▁Qdrant",
            "▁snapshot",
            "<0x0A>",
            "<0xE2>",
            "▁▁▁",
            "▁retr",
            "ieval",
            "▁emb",
            "ed",
            "dings",
            "<unk>",
            "▁(",
            "▁sync",
        ],
        6,
    )
    return pick(
        r,
        f"tokenizer.convert_ids_to_tokens(ids) = {pieces!r}; ids = {[r.randint(3, 151000) for _ in pieces]}",
        "\n".join(f"{p}\t{-r.uniform(0, 14):.4f}" for p in pieces),
        f"warning: {r.randint(2, 40)} pieces fell back to bytes ({', '.join(p for p in pieces if p.startswith('<0x')) or '<0x0A>'}) in chunk {r.randint(1, 900)}",
    )


def embedding_json(r: random.Random) -> str:
    return pick(
        r,
        f'{{"model": "nomic-embed-text", "embeddings": [[{floats(r, 8)}, ...]], "total_duration": {r.randint(10**7, 10**9)}, "load_duration": {r.randint(10**5, 10**8)}}}',
        f"ValueError: expected dim 768, got 384: embedding[:6] = [{floats(r, 6, 17)}]",
        f"INSERT INTO chunks (id, embedding) VALUES ({r.randint(1, 99999)}, '[{floats(r, 5, 8).replace(' ', '')}]'::vector) -- failed: expected 1024 dimensions",  # noqa: S608
        f'{{"object": "embedding", "index": {r.randint(0, 63)}, "embedding": [{floats(r, 7, 18)}]}}',
    )


def logprobs(r: random.Random) -> str:
    toks = r.sample(
        [" the", " Paris", "ĠQ", "drant", " snapshot", " error", ".", " is", " not", " retry"], 3
    )
    items = ", ".join(
        f'{{"token": "{t}", "logprob": {-r.uniform(0, 9):.11f}, "bytes": {list(t.encode())}}}'
        for t in toks
    )
    return pick(
        r,
        f'{{"logprobs": {{"content": [{{"token": "{toks[0]}", "logprob": {-r.uniform(0, 3):.13f}, "top_logprobs": [{items}]}}]}}}}',
        f"low-confidence answer: mean token logprob {-r.uniform(0.5, 4):.9f} (min {-r.uniform(4, 20):.9f} at position {r.randint(1, 900)})",
        f"completion_probabilities: [{{'content': '{toks[1]}', 'probs': [{{'tok_str': '{toks[2]}', 'prob': {r.random():.16f}}}]}}]",
    )


def sampling_settings(r: random.Random) -> str:
    seed = r.choice([r.getrandbits(32), r.getrandbits(63), r.randint(0, 99999)])
    return pick(
        r,
        f"sampler seed: {seed}\nsampler params: repeat_last_n = 64, repeat_penalty = 1.{r.randint(0, 200):03d}, top_k = {r.randint(10, 100)}, top_p = 0.{r.randint(800, 990)}, min_p = 0.0{r.randint(1, 9)}, temp = 0.{r.randint(100, 999)}",
        f"SamplingParams(n=1, presence_penalty=0.0, frequency_penalty=0.0, repetition_penalty=1.0{r.randint(0, 9)}, temperature=0.{r.randint(1, 9)}, top_p=0.9{r.randint(0, 9)}, top_k=-1, min_p=0.0, seed={seed}, stop=[], max_tokens={r.randint(64, 4096)})",
        f'{{"model": "{r.choice(MODELS)}", "options": {{"temperature": 0.{r.randint(1, 9)}, "seed": {seed}, "num_ctx": {r.choice([2048, 8192, 32768])}, "mirostat_tau": 5.0}}}}',
    )


def chat_template_tokens(r: random.Random) -> str:
    return pick(
        r,
        f"<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nhow do I restore {r.choice(COLLECTIONS)}?<|im_end|>\n<|im_start|>assistant",
        f"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nsummarise incident {r.randint(100, 9999)}<|eot_id|><|start_header_id|>assistant<|end_header_id|>",
        f"warning: special token '<|eot_id|>' (id {r.choice([128009, 128001])}) found in user content; chat template {hexd(r, 8)} escaped it",
        f"[INST] classify: {r.choice(WORDS)} failed after {r.randint(2, 9)} retries [/INST] stop reason: token {r.choice(['</s>', '<end_of_turn>', '<|endoftext|>'])}",
    )


def sd_infotext(r: random.Random) -> str:
    return pick(
        r,
        f"Steps: {r.randint(10, 50)}, Sampler: DPM++ 2M Karras, CFG scale: {r.randint(3, 12)}, Seed: {r.getrandbits(32)}, Size: 1024x1024, Model hash: {hexd(r, 10)}, Model: sd_xl_base_1.0, VAE hash: {hexd(r, 10)}, Version: v1.10.1",
        f'{{"{r.randint(3, 40)}": {{"class_type": "KSampler", "inputs": {{"seed": {r.getrandbits(50)}, "steps": {r.randint(10, 50)}, "cfg": {r.randint(3, 9)}.0, "sampler_name": "euler", "denoise": 1.0}}}}}}',
        f'Lora hashes: "{r.choice(["detail-tweaker", "film-grain", "lineart"])}: {hexd(r, 12)}", TI hashes: "easynegative: {hexd(r, 12)}"',
    )


def model_urns(r: random.Random) -> str:
    air = f"urn:air:{r.choice(['sdxl', 'sd1', 'flux1'])}:{r.choice(['checkpoint', 'lora', 'embedding'])}:civitai:{r.randint(1000, 999999)}@{r.randint(10000, 999999)}"
    return pick(
        r,
        f"resource {air} not found in local cache (sha256 {hexd(r, 64).upper()})",
        f'{{"air": "{air}", "type": "Checkpoint", "hashes": {{"AutoV2": "{hexd(r, 10).upper()}", "SHA256": "{hexd(r, 64).upper()}", "BLAKE3": "{hexd(r, 64).upper()}"}}}}',
        f"download of {air} failed: 416 Range Not Satisfiable (CRC32 {hexd(r, 8).upper()})",
    )


def triton_cache(r: random.Random) -> str:
    key = base64.b32encode(r.randbytes(32)).decode().rstrip("=")
    return pick(
        r,
        f"/var/cache/triton/{key}/matmul_kernel.cubin",
        f"triton.compiler.errors.CompilationError: at 12:4 (cache dir /var/cache/triton/{key}, kernel _fwd_kernel)",
        f"triton cache hit: {key} -> _attn_fwd.json ({r.randint(1, 90)} KiB, num_warps={r.choice([4, 8])})",
    )


def ort_trt_engine(r: random.Random) -> str:
    h = r.getrandbits(64)
    return pick(
        r,
        f"/var/cache/ort/TensorrtExecutionProvider_TRTKernel_graph_main_graph_{h}_0_0_fp16_sm86.engine",
        f"[W:onnxruntime:Default, tensorrt_execution_provider.cc:{r.randint(100, 4000)}] engine cache TensorrtExecutionProvider_TRTKernel_graph_torch_jit_{h}_{r.randint(0, 3)}_0 is stale; rebuilding",
        f"[TensorRT] timing cache /var/cache/ort/TensorrtExecutionProvider_cache_sm89.timing loaded; profile {h}_0_0 rebuilt in {r.randint(2, 300)} s",
    )


def hf_datasets_cache(r: random.Random) -> str:
    fp = hexd(r, 16)
    return pick(
        r,
        f"Loading cached processed dataset at /var/cache/hf/datasets/json/default-{hexd(r, 16)}/0.0.0/{hexd(r, 64)}/cache-{fp}.arrow",
        f"Parameter 'function'=<function tokenize at 0x7f{hexd(r, 10)}> of the transform datasets.arrow_dataset.Dataset.map@2.0.1 couldn't be hashed properly, a random hash was used instead. (_fingerprint {fp})",
        f'{{"_fingerprint": "{fp}", "_format_type": null, "_output_all_columns": false, "_split": "train"}}',
    )


# --- vector databases and RAG ----------------------------------------------------------------


def qdrant_scroll(r: random.Random) -> str:
    ids = [u64(r) for _ in range(3)]
    return pick(
        r,
        f'{{"result": {{"points": [{{"id": {ids[0]}, "payload": {{"category": "error-solutions"}}}}, {{"id": {ids[1]}, "payload": {{}}}}], "next_page_offset": {ids[2]}}}, "status": "ok", "time": 0.00{r.randint(1000, 9999)}}}',
        f'qdrant_client.http.exceptions.UnexpectedResponse: Unexpected Response: 404 (Not Found) Raw response content: b\'{{"status":{{"error":"Not found: No point with id {ids[0]} found"}},"time":0.000{r.randint(100, 999)}}}\'',
        f"upsert {r.choice(COLLECTIONS)}: point {ids[1]} conflicts with existing point {ids[2]} (same content id)",
    )


def qdrant_cluster(r: random.Random) -> str:
    peer, other = u64(r), u64(r)
    return pick(
        r,
        f'{{"result": {{"status": "enabled", "peer_id": {peer}, "peers": {{"{peer}": {{"uri": "http://qdrant-0.qdrant-headless:6335/"}}, "{other}": {{"uri": "http://qdrant-1.qdrant-headless:6335/"}}}}, "raft_info": {{"term": {r.randint(1, 90)}, "commit": {r.randint(10, 99999)}, "leader": {peer}, "role": "Leader"}}}}}}',
        f"ERROR qdrant::consensus: Failed to apply collection meta operation: shard {r.randint(0, 11)} of {r.choice(COLLECTIONS)} has no active replica on peer {other}",
        f"INFO storage::content_manager::toc: Recovering shard {r.randint(0, 11)} from peer {peer} (transfer_id {uid(r)})",
    )


def qdrant_snapshots(r: random.Random) -> str:
    name = f"{r.choice(COLLECTIONS)}-{u64(r) % 10**16}-2026-12-0{r.randint(1, 5)}-{r.randint(10, 23)}-{r.randint(10, 59)}-{r.randint(10, 59)}.snapshot"
    return pick(
        r,
        f'{{"result": [{{"name": "{name}", "creation_time": "{stamp(r)[:-1]}", "size": {r.randint(10**5, 10**9)}, "checksum": "{hexd(r, 64)}"}}], "status": "ok"}}',
        f"snapshot {name} checksum mismatch: expected {hexd(r, 64)}",
        f'PUT /collections/{r.choice(COLLECTIONS)}/snapshots/recover {{"location": "file:///var/lib/qdrant/snapshots/{name}", "priority": "snapshot"}} -> 500',
    )


def qdrant_aliases(r: random.Random) -> str:
    col = r.choice(COLLECTIONS)
    return pick(
        r,
        f'{{"actions": [{{"delete_alias": {{"alias_name": "{col}"}}}}, {{"create_alias": {{"collection_name": "{col}_{hexd(r, 8)}", "alias_name": "{col}"}}}}]}}',
        f"Bad request: Alias {col} already exists (collection {col}-{stamp(r)[:10].replace('-', '')}-{hexd(r, 6)})",
        f'{{"result": {{"aliases": [{{"alias_name": "{col}", "collection_name": "{col}_v{r.randint(2, 9)}_{hexd(r, 12)}"}}]}}}}',
    )


def chroma_ids(r: random.Random) -> str:
    return pick(
        r,
        f"Collection(id=UUID('{uid(r)}'), name='{r.choice(COLLECTIONS)}', configuration_json={{'hnsw_configuration': {{'space': 'cosine'}}}}, metadata=None, dimension=768, tenant='default_tenant', database='default_database')",
        f"chromadb.errors.IDAlreadyExistsError: ID {hexd(r, 64)} already exists in collection {r.choice(COLLECTIONS)}",
        f"Add of existing embedding ID: {hexd(r, 32)}-{r.randint(0, 40)}",
    )


def weaviate_objects(r: random.Random) -> str:
    oid = uid(r)
    return pick(
        r,
        f'{{"class": "Document", "id": "{oid}", "properties": {{"source": {{"beacon": "weaviate://localhost/Source/{uid(r)}"}}}}, "_additional": {{"distance": 0.{r.randint(10**5, 10**6 - 1)}, "creationTimeUnix": "{r.randint(1733000000000, 1764000000000)}"}}}}',
        f"weaviate.exceptions.UnexpectedStatusCodeError: Object was not added! Unexpected status code: 422, with response body: {{'error': [{{'message': \"id '{oid}' already exists\"}}]}}",
        f"cross-reference weaviate://localhost/Chunk/{oid} points to a deleted object (shard {s(r, LOWER + UPPER + D, 12)})",
    )


def milvus_ids(r: random.Random) -> str:
    ts = (r.randint(1733000000000, 1764000000000) << 18) + r.randint(0, 2**18 - 1)
    pks = [ts + i for i in range(3)]
    return pick(
        r,
        f"(insert count: 3, delete count: 0, upsert count: 0, timestamp: {ts + 7}, success count: 3, err count: 0, primary keys: {pks})",
        f"MilvusException: (code=65535, message=delete entities failed: primary key {pks[1]} not found in segment {ts - r.randint(10**6, 10**9)})",
        f"search result: [\"id: {pks[0]}, distance: 0.{r.randint(10**6, 10**7 - 1)}, entity: {{'chunk': {r.randint(0, 99)}}}\"]",
    )


def llamaindex_nodes(r: random.Random) -> str:
    return pick(
        r,
        f"Node ID: {uid(r)}\nText: To restore a snapshot, stop the service and run the recover call.\nScore:  0.{r.randint(1000, 9999)}",
        f'{{"id_": "{uid(r)}", "metadata": {{"file_name": "runbook.md"}}, "relationships": {{"1": {{"node_id": "{uid(r)}", "node_type": "4", "hash": "{hexd(r, 64)}", "class_name": "RelatedNodeInfo"}}}}, "hash": "{hexd(r, 64)}"}}',
        f"Document(metadata={{'source': 'docs/ops.md', 'start_index': {r.randint(0, 90000)}, '_id': '{hexd(r, 32)}', '_collection_name': '{r.choice(COLLECTIONS)}'}}, page_content='…')",
    )


def sparse_vectors(r: random.Random) -> str:
    idx = sorted(r.sample(range(1000, 250002), 5))
    vals = [round(r.uniform(0.01, 2.5), 6) for _ in idx]
    return pick(
        r,
        f'{{"sparse": {{"indices": {idx}, "values": {vals}}}}}',
        f"ValueError: sparse vector indices must be unique, got {[*idx, idx[0]]}",
        f"bm25: query tokens {['qdrant', 'snapshot', 'restor', 'fail', r.choice(WORDS)]} -> ids {idx}",
    )


def langsmith_runs(r: random.Random) -> str:
    trace = uid(r)
    ts = f"2026120{r.randint(1, 5)}T{r.randint(10, 23)}{r.randint(10, 59)}{r.randint(10, 59)}{r.randint(100000, 999999)}Z"
    dotted = f"{ts}{trace}.{ts[:-3]}{r.randint(100, 999)}Z{uid(r)}"
    return pick(
        r,
        f'{{"id": "{uid(r)}", "trace_id": "{trace}", "dotted_order": "{dotted}", "run_type": "llm", "parent_run_id": "{trace}"}}',
        f"langsmith.utils.LangSmithConflictError: Conflict for /runs/batch. HTTPError('409 Client Error: Conflict', 'dotted_order {dotted} already exists')",
        f"Failed to batch ingest runs: run {trace} has no dotted_order (parent {uid(r)})",
    )


# --- tracing and host operations -------------------------------------------------------------


def b3_headers(r: random.Random) -> str:
    trace, span, parent = hexd(r, 32), hexd(r, 16), hexd(r, 16)
    return pick(
        r,
        f"X-B3-TraceId: {trace}\nX-B3-SpanId: {span}\nX-B3-ParentSpanId: {parent}\nX-B3-Sampled: 1",
        f"b3: {trace}-{span}-1-{parent}",
        f"zipkin: dropped span {span} (trace {trace[16:]}, parent {parent}): queue full",
    )


def otlp_json(r: random.Random) -> str:
    trace, span = hexd(r, 32), hexd(r, 16)
    return pick(
        r,
        f'{{"resourceSpans": [{{"scopeSpans": [{{"spans": [{{"traceId": "{trace}", "spanId": "{span}", "parentSpanId": "{hexd(r, 16)}", "name": "qdrant.search", "kind": 3, "startTimeUnixNano": "{r.randint(1733000000, 1764000000)}{r.randint(10**8, 10**9 - 1)}"}}]}}]}}]}}',
        f"OTLP export failed: rpc error: code = Unavailable (dropped {r.randint(1, 512)} spans; first traceId={trace.upper()} spanId={span.upper()})",
        f"see http://jaeger:16686/trace/{trace}?uiFind={span}",
    )


def prometheus_exemplars(r: random.Random) -> str:
    return pick(
        r,
        f'llm_request_duration_seconds_bucket{{model="qwen2.5:7b",le="2.5"}} {r.randint(10, 9999)} # {{trace_id="{hexd(r, 32)}",span_id="{hexd(r, 16)}"}} {r.uniform(0.1, 2.5):.3f} {r.randint(1733000000, 1764000000)}.{r.randint(100, 999)}',
        f'qdrant_search_seconds_bucket{{le="+Inf"}} {r.randint(10, 99999)} # {{trace_id="{hexd(r, 32)}"}} {r.uniform(0.001, 9):.4f}',
        f'err="exemplar labels have {r.randint(129, 200)} runes, exceeding the limit of 128" exemplar={{trace_id="{hexd(r, 32)}", span_id="{hexd(r, 16)}"}}',
    )


def journald_cursors(r: random.Random) -> str:
    cur = f"s={hexd(r, 32)};i={r.randint(1, 2**24):x};b={hexd(r, 32)};m={r.randint(1, 2**36):x};t={r.randint(1733000000000000, 1764000000000000):x};x={hexd(r, 16)}"
    return pick(
        r,
        f"__CURSOR={cur}",
        f"journalctl --after-cursor '{cur}' -u {r.choice(UNITS)} -o json",
        f"Failed to seek to cursor: Invalid argument (cursor {cur})",
    )


def boot_ids(r: random.Random) -> str:
    rows = "\n".join(
        f"{-i:3} {hexd(r, 32)} Sat 2026-11-{29 - i:02d} 0{r.randint(0, 9)}:{r.randint(10, 59)}:{r.randint(10, 59)} UTC Sat 2026-11-{29 - i:02d} {r.randint(10, 23)}:{r.randint(10, 59)}:{r.randint(10, 59)} UTC"
        for i in range(3)
    )
    return pick(
        r,
        f"IDX BOOT ID                          FIRST ENTRY                 LAST ENTRY\n{rows}",
        f'{{"_BOOT_ID": "{hexd(r, 32)}", "_SYSTEMD_UNIT": "{r.choice(UNITS)}", "PRIORITY": "3", "MESSAGE": "model load failed"}}',
        f"-- Boot {hexd(r, 32)} --\nDec 05 10:{r.randint(10, 59)}:01 nixos systemd[1]: Started {r.choice(UNITS)}.",
    )


def coredump_storage(r: random.Random) -> str:
    name = f"core.{r.choice(['ollama', 'llama-server', 'qdrant', 'python3'])}.{r.choice([0, 997, 61142])}.{hexd(r, 32)}.{r.randint(1000, 99999)}.{r.randint(1733000000000000, 1764000000000000)}.zst"
    return pick(
        r,
        f"Storage: /var/lib/systemd/coredump/{name} (present)",
        f"systemd-coredump[{r.randint(1000, 99999)}]: Process {r.randint(1000, 99999)} (llama-server) of user 61142 dumped core.\n\nModule libggml-cuda.so with build-id {hexd(r, 40)}\nStack trace of thread {r.randint(1000, 99999)}:\n#0  0x00007f{hexd(r, 10)} n/a (libc.so.6 + 0x{hexd(r, 5)})",
        f"rm: cannot remove '/var/lib/systemd/coredump/{name}': Permission denied",
    )


def nixos_generations(r: random.Random) -> str:
    gen = r.randint(10, 400)
    rev = hexd(r, 7)
    path = f"/nix/store/{nix32(r)}-nixos-system-nixos-24.11.202412{r.randint(1, 5):02d}.{rev}"
    return pick(
        r,
        f"Generation  Build-date           NixOS version                 Kernel  Configuration Revision  Specialisation\n{gen} current  2026-12-05 10:11:12  24.11.202412{r.randint(1, 5):02d}.{rev}  6.6.63                                  *",
        f"/nix/var/nix/profiles/system-{gen}-link -> {path}",
        f"switching to {path} failed: Failed to start {r.choice(UNITS)} (generation {gen})",
    )


def nix_derivation_show(r: random.Random) -> str:
    drv = f"/nix/store/{nix32(r)}-{r.choice(['llama-cpp', 'ollama', 'python3.12-qdrant-client', 'fedlearn'])}-{r.randint(0, 9)}.{r.randint(0, 99)}.drv"
    return pick(
        r,
        f'{{"{drv}": {{"outputs": {{"out": {{"path": "/nix/store/{nix32(r)}-source", "hashAlgo": "sha256", "hash": "{hexd(r, 64)}", "method": "nar"}}}}, "inputSrcs": ["/nix/store/{nix32(r)}-default-builder.sh"], "system": "x86_64-linux"}}}}',
        f"error: hash mismatch in fixed-output derivation '{drv}':\n         specified: {sri(r)}\n            got:    {sri(r)}",
        f'"env": {{"outputHash": "{sri(r)}", "outputHashMode": "recursive", "src": "/nix/store/{nix32(r)}-source"}} in {drv}',
    )


def nix_hash_convert(r: random.Random) -> str:
    raw = r.randbytes(32)
    return pick(
        r,
        f"$ nix hash convert --hash-algo sha256 --to nix32 sha256-{f.b64(raw)}\n{nix32(r, 52)}",
        f"$ nix-prefetch-url --unpack https://github.com/ggerganov/llama.cpp/archive/b{r.randint(3000, 4999)}.tar.gz\npath is '/nix/store/{nix32(r)}-b{r.randint(3000, 4999)}.tar.gz'\n{nix32(r, 52)}",
        f"$ nix hash file --base16 ggml-model-q4_k_m.gguf\n{raw.hex()}",
    )


def nix_trusted_keys(r: random.Random) -> str:
    key = f.b64(r.randbytes(32))
    cache = r.choice(
        [
            "nix-community.cachix.org-1",
            "cuda-maintainers.cachix.org-1",
            "fedlearn.cachix.org-1",
            "attic-lab:main",
        ]
    )
    return pick(
        r,
        f"trusted-public-keys = cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY= {cache}:{key}",
        f"warning: ignoring untrusted substituter 'https://{cache.split('.')[0]}.cachix.org', you are not a trusted user (public key {cache}:{key})",
        f'  nix.settings.trusted-public-keys = [ "{cache}:{key}" ];',
    )


def oci_annotations(r: random.Random) -> str:
    return pick(
        r,
        f'{{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [{{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:{hexd(r, 64)}", "size": {r.randint(400, 3000)}, "platform": {{"architecture": "amd64", "os": "linux"}}}}], "annotations": {{"org.opencontainers.image.revision": "{hexd(r, 40)}", "org.opencontainers.image.created": "{stamp(r)}"}}}}',
        f'"Labels": {{"org.opencontainers.image.revision": "{hexd(r, 40)}", "org.opencontainers.image.source": "https://github.com/qdrant/qdrant", "org.opencontainers.image.version": "v1.12.{r.randint(0, 9)}"}}',
        f'skopeo inspect: "Digest": "sha256:{hexd(r, 64)}", "Layers": ["sha256:{hexd(r, 64)}", "sha256:{hexd(r, 64)}"]',
    )


def compose_config_hash(r: random.Random) -> str:
    return pick(
        r,
        f'"com.docker.compose.config-hash": "{hexd(r, 64)}", "com.docker.compose.project": "ai-stack", "com.docker.compose.service": "{r.choice(["qdrant", "ollama", "open-webui"])}"',
        f"Container ai-stack-ollama-1  Recreate (config-hash {hexd(r, 64)} != {hexd(r, 64)})",
        f"com.docker.compose.image=sha256:{hexd(r, 64)} com.docker.compose.depends_on=qdrant:service_healthy:false",
    )


def cgroup_paths(r: random.Random) -> str:
    return pick(
        r,
        f"0::/system.slice/docker-{hexd(r, 64)}.scope",
        f"Memory cgroup out of memory: Killed process {r.randint(1000, 99999)} (ollama_llama_se) ... oom_memcg=/system.slice/docker-{hexd(r, 64)}.scope",
        f"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod{uid(r).replace('-', '_')}.slice/cri-containerd-{hexd(r, 64)}.scope: memory.max reached",
    )


def git_raw_diff(r: random.Random) -> str:
    return pick(
        r,
        f"commit {hexd(r, 40)}\n:100644 100644 {hexd(r, 40)} {hexd(r, 40)} M\tfedlearn/sync.py\n:000000 100644 {'0' * 40} {hexd(r, 40)} A\tdocs/ops.md",
        f":100644 100644 {hexd(r, 7)} {hexd(r, 7)} M\tnix/module.nix",
        f"$ git ls-tree HEAD data/\n100644 blob {hexd(r, 40)}\tdata/README.md\n040000 tree {hexd(r, 40)}\tdata/patterns",
        f"{hexd(r, 7)} HEAD@{{{r.randint(0, 40)}}}: pull --rebase: checkout {hexd(r, 40)}",
    )


def github_node_ids(r: random.Random) -> str:
    repo = r.randint(10**7, 2**32 - 1)
    pr = "PR_" + f.b64url(
        b"\x93\x00\xce"
        + repo.to_bytes(4, "big")
        + b"\xce"
        + r.randint(10**8, 2**32 - 1).to_bytes(4, "big")
    )
    cr = "CR_" + f.b64url(
        b"\x93\x00\xce"
        + repo.to_bytes(4, "big")
        + b"\xcf"
        + r.randint(10**10, 2**40).to_bytes(8, "big")
    )
    old = f.b64(f"011:PullRequest{r.randint(10**8, 10**9)}".encode())
    return pick(
        r,
        f'{{"data": {{"node": {{"id": "{pr}", "checkSuites": {{"nodes": [{{"checkRuns": {{"nodes": [{{"id": "{cr}", "conclusion": "FAILURE"}}]}}}}]}}}}}}}}',
        f"gh: Could not resolve to a node with the global id of '{pr}' (legacy id {old})",
        f"GraphQL: Resource not accessible by integration (updatePullRequest) for {pr}",
    )


def gha_artifacts(r: random.Random) -> str:
    run = r.randint(10**10, 2 * 10**10)
    return pick(
        r,
        f"Artifact bench-results.zip successfully finalized. Artifact ID {r.randint(10**9, 3 * 10**9)}\nArtifact download URL: https://github.com/acme-labs/fedlearn/actions/runs/{run}/artifacts/{r.randint(10**9, 3 * 10**9)}\nSHA256 digest of uploaded artifact zip is {hexd(r, 64)}",
        f"check run {r.randint(10**10, 4 * 10**10)} (job {r.randint(10**10, 4 * 10**10)}) of run {run} failed: Process completed with exit code 1.",
        f"https://github.com/acme-labs/fedlearn/actions/runs/{run}/job/{r.randint(10**10, 4 * 10**10)}#step:{r.randint(2, 9)}:{r.randint(1, 400)}",
    )


def restic_snapshots(r: random.Random) -> str:
    sid = hexd(r, 64)
    return pick(
        r,
        f"ID        Time                 Host        Tags        Paths\n-----------------------------------------------------------\n{sid[:8]}  2026-12-0{r.randint(1, 5)} 03:00:0{r.randint(0, 9)}  nixos       qdrant      /var/lib/qdrant/snapshots",
        f"snapshot {sid[:8]} saved\nrepository {hexd(r, 8)} opened (version 2, compression level auto)",
        f"Fatal: unable to load snapshot {sid}: Load(<snapshot/{sid[:10]}>, 0, 0) returned error, retrying after {r.randint(1, 9)}s",
    )


def borg_archives(r: random.Random) -> str:
    return pick(
        r,
        f"Archive name: ai-stack-2026-12-0{r.randint(1, 5)}T03:00\nArchive fingerprint: {hexd(r, 64)}\nTime (start): Sat, 2026-12-05 03:00:0{r.randint(0, 9)}\nNumber of files: {r.randint(100, 99999)}",
        f"borg.repository.Repository.ObjectNotFound: Object with key {hexd(r, 64)} not found in repository /var/backup/borg.",
        f"Repository ID: {hexd(r, 64)}\nEncrypted: Yes (repokey BLAKE2b)",
    )


def syncthing_ids(r: random.Random) -> str:
    raw = base64.b32encode(hashlib.sha256(r.randbytes(32)).digest()).decode().rstrip("=")
    groups = [raw[i : i + 13] for i in range(0, 52, 13)]
    full = "".join(g + luhn32(g) for g in groups)
    dev = "-".join(full[i : i + 7] for i in range(0, 56, 7))
    return pick(
        r,
        f"INFO: Connection to {dev} at [::]:22000-quic closed: read timeout",
        f'<device id="{dev}" name="gpu-box" compression="metadata" introducer="false"></device>',
        f"WARNING: Ignoring unknown device {dev[:7]} ({dev}); add it in the GUI to share folder models",
    )


def zerotier_ids(r: random.Random) -> str:
    node, net = hexd(r, 10), hexd(r, 16)
    return pick(
        r,
        f"200 info {node} 1.14.{r.randint(0, 2)} ONLINE",
        f"200 listnetworks {net} lab-mesh {':'.join(hexd(r, 2) for _ in range(6))} OK PRIVATE ztk{s(r, LOWER + D, 7)} -",
        f"zerotier-cli join {net}: 200 join OK (member {node} awaiting authorization)",
    )


def tailscale_status(r: random.Random) -> str:
    node = "n" + s(r, B62, 10) + "CNTRL"
    return pick(
        r,
        f'{{"Self": {{"ID": "{node}", "PublicKey": "nodekey:{hexd(r, 64)}", "HostName": "gpu-box", "OS": "linux", "Online": true}}}}',
        f'magicsock: disco: node [{s(r, B64URL, 5)}] d:{hexd(r, 16)} now using 100.x relay "fra" (peer {node})',
        f"tailscale: netmap: self node {node}, machine key mkey:{hexd(r, 64)}",
    )


def s3_version_ids(r: random.Random) -> str:
    vid = s(r, B64URL.replace("-", ""), 32)
    return pick(
        r,
        f'{{"Key": "snapshots/{r.choice(COLLECTIONS)}.snapshot", "VersionId": "{vid}", "IsLatest": false, "LastModified": "{stamp(r)}"}}',
        f"An error occurred (NoSuchVersion) when calling the GetObject operation: The specified version does not exist. (versionId={vid})",
        f"x-amz-version-id: {vid}\nx-amz-server-side-encryption: AES256",
    )


def modinfo_signatures(r: random.Random) -> str:
    sig = ":\n\t\t".join(":".join(hexd(r, 2).upper() for _ in range(15)) for _ in range(4))
    return pick(
        r,
        f"filename:       /run/booted-system/kernel-modules/lib/modules/6.6.63/extra/nvidia.ko.xz\nsig_id:         PKCS#7\nsigner:         Build time autogenerated kernel key\nsig_key:        {':'.join(hexd(r, 2).upper() for _ in range(20))}\nsig_hashalgo:   sha512\nsignature:      {sig}",
        f"nvidia: module verification failed: signature and/or required key missing - tainting kernel (sig_key {':'.join(hexd(r, 2).upper() for _ in range(20))})",
        f"srcversion:     {hexd(r, 23).upper()}\nvermagic:       6.6.63 SMP preempt mod_unload",
    )


def tpm_pcr(r: random.Random) -> str:
    lines = "\n".join(f"    {i} : 0x{hexd(r, 64).upper()}" for i in r.sample(range(24), 3))
    return pick(
        r,
        f"  sha256:\n{lines}",
        f"systemd-cryptsetup: TPM2 unseal failed: PCR 7 changed (expected {hexd(r, 64)}, now {hexd(r, 64)})",
        f"systemd-pcrlock: policy recorded for PCRs 0+2+4+7, NV index 0x{hexd(r, 6)}, digest {hexd(r, 64)}",
    )


def fwupd_devices(r: random.Random) -> str:
    return pick(
        r,
        f"├─NVIDIA GeForce RTX 4090:\n│     Device ID:          {hexd(r, 40)}\n│     GUID:               {uid(r)}\n│     Current version:    95.02.18.80.{r.randint(10, 99)}",
        f"fwupdmgr: device {hexd(r, 40)} requires AC power to update",
        f'{{"DeviceId": "{hexd(r, 40)}", "Guid": ["{uid(r)}"], "Plugin": "nvme", "Flags": ["internal", "updatable"]}}',
    )


def jupyter_kernels(r: random.Random) -> str:
    kid = uid(r)
    return pick(
        r,
        f"[I 2026-12-05 10:{r.randint(10, 59)}:01.{r.randint(100, 999)} ServerApp] Kernel started: {kid}",
        f"[W ServerApp] Kernel {kid} restarted (connection file /run/user/61142/jupyter/runtime/kernel-{kid}.json)",
        f"tornado.web.HTTPError: HTTP 404: Not Found (Kernel does not exist: {kid})",
    )


def sentry_trace(r: random.Random) -> str:
    trace = hexd(r, 32)
    return pick(
        r,
        f"sentry-trace: {trace}-{hexd(r, 16)}-1\nbaggage: sentry-trace_id={trace},sentry-environment=production,sentry-release=fedlearn%400.{r.randint(1, 20)}.0,sentry-sample_rate=0.1",
        f"Sentry is attempting to send {r.randint(1, 9)} pending events (event_id {hexd(r, 32)})",
        f"Discarded session update because of missing release (event {hexd(r, 32)}, trace {trace})",
    )


def pep610_direct_url(r: random.Random) -> str:
    return pick(
        r,
        f'{{"url": "https://download.pytorch.org/whl/cu121/torch-2.5.1%2Bcu121-cp312-cp312-linux_x86_64.whl", "archive_info": {{"hash": "sha256={hexd(r, 64)}", "hashes": {{"sha256": "{hexd(r, 64)}"}}}}}}',
        f"torch @ https://download.pytorch.org/whl/cu121/torch-2.5.1%2Bcu121-cp312-cp312-linux_x86_64.whl#sha256={hexd(r, 64)}",
        f'{{"url": "https://github.com/acme-labs/fedlearn", "vcs_info": {{"vcs": "git", "commit_id": "{hexd(r, 40)}", "requested_revision": "v0.{r.randint(1, 20)}.0"}}}}',
    )


def uv_lock(r: random.Random) -> str:
    pkg = r.choice(["qdrant-client", "httpx", "numpy", "tokenizers", "safetensors"])
    return pick(
        r,
        f'[[package]]\nname = "{pkg}"\nversion = "1.{r.randint(0, 20)}.{r.randint(0, 9)}"\nsource = {{ registry = "https://pypi.org/simple" }}\nsdist = {{ url = "https://files.pythonhosted.org/packages/{hexd(r, 2)}/{hexd(r, 2)}/{hexd(r, 60)}/{pkg}-1.0.tar.gz", hash = "sha256:{hexd(r, 64)}", size = {r.randint(10000, 9999999)} }}',
        f"error: Hash mismatch for `{pkg}==1.{r.randint(0, 20)}.0`\n\nExpected:\n  sha256:{hexd(r, 64)}\n\nComputed:\n  sha256:{hexd(r, 64)}",
        f'wheels = [\n    {{ url = "https://files.pythonhosted.org/packages/{hexd(r, 2)}/{hexd(r, 2)}/{hexd(r, 60)}/{pkg}-1.0-py3-none-any.whl", hash = "sha256:{hexd(r, 64)}", size = {r.randint(10000, 999999)} }},\n]',
    )


def dvc_lock(r: random.Random) -> str:
    return pick(
        r,
        f"stages:\n  embed:\n    cmd: python embed.py\n    deps:\n    - path: data/chunks\n      hash: md5\n      md5: {hexd(r, 32)}.dir\n      size: {r.randint(10**4, 10**9)}\n      nfiles: {r.randint(2, 9999)}",
        f"ERROR: failed to pull data from the cloud - Checkout failed for following targets: data/raw (missing cache {hexd(r, 32)}.dir)",
        f"outs:\n- md5: {hexd(r, 32)}\n  size: {r.randint(10**3, 10**9)}\n  hash: md5\n  path: model.gguf",
    )


def pip_http_cache(r: random.Random) -> str:
    h = hexd(r, 56)
    return pick(
        r,
        f"/var/cache/pip/http-v2/{h[0]}/{h[1]}/{h[2]}/{h[3]}/{h[4]}/{h}",
        f"Cache entry deserialization failed, entry ignored (/var/cache/pip/http-v2/{h[0]}/{h[1]}/{h[2]}/{h[3]}/{h[4]}/{h}.body)",
        f"Removed build tracker: '/tmp/pip-build-tracker-{s(r, LOWER + D, 8)}' (wheel cache /var/cache/pip/wheels/{h[:2]}/{h[2:4]}/{h[4:6]}/{h[6:]})",
    )


# --- masked, placeholder and referenced secrets ----------------------------------------------


def masked_api_keys(r: random.Random) -> str:
    head = r.choice(["sk-proj-", "sk-", "sk-ant-api03-", "gsk_", "hf_"])
    tail = s(r, B62, 4)
    return pick(
        r,
        f"openai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: {head}{s(r, B62, 4)}{'*' * r.randint(20, 120)}{tail}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}}}",
        f"using key {head}...{tail} (from OPENAI_API_KEY)",
        f"| {r.choice(['local-dev', 'ci', 'batch'])} | {head}****{tail} | created 2026-1{r.randint(0, 1)}-0{r.randint(1, 9)} | last used {r.randint(1, 30)}d ago |",
    )


def x_filled_placeholders(r: random.Random) -> str:
    return pick(
        r,
        f"export GITHUB_TOKEN=ghp_{'X' * 36}  # replace with your token (step {r.randint(1, 9)})",
        f"aws_access_key_id = AKIA{'X' * 16}\naws_secret_access_key = {'x' * 40}",
        f"HF_TOKEN=hf_{'x' * 34} python train.py --epochs {r.randint(1, 9)}",
        f'api_key: "sk-{"*" * 48}"  # set in /run/secrets, not here',
        f"Authorization: Bearer {'0' * r.randint(32, 48)} (example from docs, chunk {r.randint(1, 400)})",
    )


def secret_manager_uris(r: random.Random) -> str:
    item = r.choice(["openai", "anthropic", "hf-token", "qdrant-api-key", "github-deploy"])
    return pick(
        r,
        f'OPENAI_API_KEY="op://AI Stack/{item}/credential" op run --env-file=.env -- python -m coordinator',
        f'[ERROR] "op://Infra/{item}/password" isn\'t a secret reference: vault "Infra" not found',
        f'  LoadCredential = [ "{item}:/run/agenix/{item}" ];\n  age.secrets.{item}.file = ../secrets/{item}.age;',
        f"error: could not resolve vault://secret/data/ai-stack/{item}#api_key (permission denied on path)",
        f"valueFrom:\n  secretKeyRef:\n    name: {item}\n    key: api-key\n    optional: false",
    )


def kms_key_refs(r: random.Random) -> str:
    return pick(
        r,
        f"An error occurred (AccessDeniedException) when calling the Decrypt operation: User is not authorized to perform kms:Decrypt on resource arn:aws:kms:eu-central-1:{r.randint(10**11, 10**12 - 1)}:key/{uid(r)}",
        f"googleapi: Error 403: Permission 'cloudkms.cryptoKeyVersions.useToDecrypt' denied on resource 'projects/ai-stack-{r.randint(100, 999)}/locations/europe-west1/keyRings/sops/cryptoKeys/fedlearn/cryptoKeyVersions/{r.randint(1, 9)}'",
        f"(Forbidden) The user does not have keys unwrapKey permission on key vault 'kv-ai-stack' (kid https://kv-ai-stack.vault.azure.net/keys/sops-key/{hexd(r, 32)})",
    )


def jose_headers(r: random.Random) -> str:
    thumb = r.randbytes(20)
    return pick(
        r,
        f'jwt header: {{"alg": "RS256", "kid": "{hexd(r, 40)}", "typ": "JWT", "x5t": "{f.b64url(thumb)}"}}',
        f'jwt.exceptions.PyJWKClientError: Unable to find a signing key that matches: "{f.b64url(r.randbytes(32))}"',
        f'{{"kty": "RSA", "use": "sig", "kid": "{s(r, B64URL, 43)}", "x5t#S256": "{f.b64url(r.randbytes(32))}", "alg": "RS256"}} (from jwks_uri, n/e omitted)',
    )


def apt_gpg_errors(r: random.Random) -> str:
    kid = hexd(r, 16).upper()
    return pick(
        r,
        f"W: GPG error: https://nvidia.github.io/libnvidia-container/stable/deb/amd64  InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY {kid}",
        f"gpg: Signature made Thu Dec  4 10:{r.randint(10, 59)}:00 2026 UTC\ngpg:                using RSA key {hexd(r, 40).upper()}\ngpg: Can't check signature: No public key",
        f"E: The repository 'https://download.docker.com/linux/debian bookworm InRelease' is not signed. (EXPKEYSIG {kid})",
    )


def sops_metadata(r: random.Random) -> str:
    return pick(
        r,
        f'sops:\n    age:\n        - recipient: {f.bech32("age", f.to5(r.randbytes(32)))}\n          enc: |\n            -----BEGIN AGE ENCRYPTED FILE-----\n            {f.b64(r.randbytes(48))}\n            -----END AGE ENCRYPTED FILE-----\n    lastmodified: "{stamp(r)}"\n    mac: ENC[AES256_GCM,data:{f.b64(r.randbytes(32))},iv:{f.b64(r.randbytes(32))},tag:{f.b64(r.randbytes(16))},type:str]\n    version: 3.9.1',
        f"Failed to get the data key required to decrypt the SOPS file.\n\nGroup 0: FAILED\n  arn:aws:kms:eu-central-1:{r.randint(10**11, 10**12 - 1)}:key/{uid(r)}: FAILED",
        f"MAC mismatch. File has {hexd(r, 128).upper()}, computed {hexd(r, 128).upper()}",
    )


def vault_transit(r: random.Random) -> str:
    ct = f"vault:v{r.randint(1, 4)}:{f.b64(r.randbytes(r.choice([28, 44, 60])))}"
    return pick(
        r,
        f'{{"data": {{"ciphertext": "{ct}", "key_version": {r.randint(1, 4)}}}}}',
        f"Error writing data to transit/decrypt/fedlearn: Code: 400. Errors: * invalid ciphertext: unable to decrypt ({ct})",
        f"stored record {r.randint(1, 99999)} payload={ct}",
    )


KINDS: dict[str, Callable[[random.Random], str]] = {
    "llm-ratelimit-headers": ratelimit_headers,
    "openai-system-fingerprint": system_fingerprint,
    "anthropic-response-headers": anthropic_headers,
    "tool-call-transcript": tool_call_transcript,
    "openai-batch-output": openai_batch_output,
    "openai-files-vector-stores": files_vector_stores,
    "openai-finetune-ids": openai_finetune_ids,
    "openrouter-generation-ids": openrouter_generation,
    "gemini-response-ids": gemini_response_ids,
    "litellm-headers": litellm_headers,
    "llm-auth-errors": llm_auth_errors,
    "ollama-manifest": ollama_manifest,
    "ollama-list": ollama_list,
    "hf-lfs-metadata": hf_lfs_metadata,
    "hf-cache-paths": hf_cache_paths,
    "safetensors-header": safetensors_header,
    "lora-adapter": lora_adapter,
    "sentencepiece-pieces": sentencepiece_pieces,
    "embedding-json": embedding_json,
    "logprobs": logprobs,
    "sampling-settings": sampling_settings,
    "chat-template-tokens": chat_template_tokens,
    "sd-infotext": sd_infotext,
    "model-urns": model_urns,
    "triton-cache": triton_cache,
    "ort-trt-engine-cache": ort_trt_engine,
    "hf-datasets-cache": hf_datasets_cache,
    "qdrant-scroll-u64": qdrant_scroll,
    "qdrant-cluster": qdrant_cluster,
    "qdrant-snapshots": qdrant_snapshots,
    "qdrant-aliases": qdrant_aliases,
    "chroma-ids": chroma_ids,
    "weaviate-objects": weaviate_objects,
    "milvus-ids": milvus_ids,
    "llamaindex-langchain-nodes": llamaindex_nodes,
    "sparse-vectors": sparse_vectors,
    "langsmith-runs": langsmith_runs,
    "b3-headers": b3_headers,
    "otlp-json": otlp_json,
    "prometheus-exemplars": prometheus_exemplars,
    "journald-cursors": journald_cursors,
    "boot-ids": boot_ids,
    "coredump-storage": coredump_storage,
    "nixos-generations": nixos_generations,
    "nix-derivation-show": nix_derivation_show,
    "nix-hash-convert": nix_hash_convert,
    "nix-trusted-public-keys": nix_trusted_keys,
    "oci-annotations": oci_annotations,
    "compose-config-hash": compose_config_hash,
    "cgroup-paths": cgroup_paths,
    "git-raw-diff": git_raw_diff,
    "github-node-ids": github_node_ids,
    "gha-artifacts": gha_artifacts,
    "restic-snapshots": restic_snapshots,
    "borg-archives": borg_archives,
    "syncthing-device-ids": syncthing_ids,
    "zerotier-ids": zerotier_ids,
    "tailscale-status": tailscale_status,
    "s3-version-ids": s3_version_ids,
    "modinfo-signatures": modinfo_signatures,
    "tpm-pcr-values": tpm_pcr,
    "fwupd-device-ids": fwupd_devices,
    "jupyter-kernel-ids": jupyter_kernels,
    "sentry-trace": sentry_trace,
    "pep610-direct-url": pep610_direct_url,
    "uv-lock": uv_lock,
    "dvc-lock": dvc_lock,
    "pip-http-cache": pip_http_cache,
    "masked-api-keys": masked_api_keys,
    "x-filled-placeholders": x_filled_placeholders,
    "secret-manager-uris": secret_manager_uris,
    "kms-key-refs": kms_key_refs,
    "jose-headers": jose_headers,
    "apt-gpg-errors": apt_gpg_errors,
    "sops-metadata": sops_metadata,
    "vault-transit-ciphertext": vault_transit,
}

# Public by the writer's judgement but an anonymizer may choose to hide them; reported apart.
DEBATABLE = {"sops-metadata", "vault-transit-ciphertext", "tailscale-status"}
