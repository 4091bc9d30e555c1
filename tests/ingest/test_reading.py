import json

from factcheck.ingest import read_sources


def test_directory_is_read_in_sorted_order_with_text_untouched(seeds_dir, seed_sources):
    assert [s.path.rsplit("/", 1)[-1][:3] for s in seed_sources] == ["000", "001", "002", "003", "004"]
    for source in seed_sources:
        with open(source.path, encoding="utf-8", newline="") as handle:
            assert source.text == handle.read()


def test_bad_files_are_reported_by_name_and_the_rest_is_read(tmp_path, seeds_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 cr\xe8me br\xfbl\xe9e au menu".encode("latin-1"))
    (tmp_path / "good.txt").write_text("North Korea sent troops to Russia, officials said on Monday.", encoding="utf-8")
    sources, problems = read_sources([tmp_path, tmp_path / "missing.txt"])
    assert [s.path for s in sources] == [str(tmp_path / "good.txt")]
    messages = {p.path.rsplit("/", 1)[-1]: p.message for p in problems}
    assert messages["empty.txt"] == "empty file"
    assert "binary" in messages["blob.txt"]
    assert "not UTF-8" in messages["latin.txt"]
    assert messages["missing.txt"] == "no such file or directory"


def test_cp1256_arabic_is_decoded_when_utf8_fails(tmp_path):
    text = "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا."
    (tmp_path / "old.txt").write_bytes(text.encode("cp1256"))
    sources, problems = read_sources([tmp_path / "old.txt"])
    assert not problems
    assert sources[0].text == text and sources[0].encoding == "cp1256"


def test_jsonl_records_become_sources_and_bad_lines_are_problems(tmp_path):
    lines = [
        json.dumps({"text": "The White House said 3,000 troops were sent.", "title": "Troops",
                    "published": "2024-10-23", "source": "Wire", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
    ]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines), encoding="utf-8")
    sources, problems = read_sources([tmp_path / "corpus.jsonl"])
    assert len(sources) == 1
    assert sources[0].path.endswith("corpus.jsonl:1")
    assert sources[0].published.isoformat() == "2024-10-23" and sources[0].outlet == "Wire"
    assert [p.path.rsplit(":", 1)[-1] for p in problems] == ["2", "3"]


def test_html_page_yields_its_article_text(tmp_path):
    body = "".join(f"<p>Paragraph {i}: North Korea sent troops to Russia, officials in Seoul said on Monday.</p>" for i in range(5))
    page = f"<html><head><title>Troops in Russia</title></head><body><nav>Home | World</nav><article><h1>Troops in Russia</h1>{body}</article></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    sources, problems = read_sources([tmp_path / "page.html"])
    assert not problems
    assert "Paragraph 3: North Korea sent troops" in sources[0].text
    assert "Home | World" not in sources[0].text
