"""Syndicated copies: the same story under two names is one source, never compared with itself."""

from factcheck import stages
from factcheck.copies import drop_copied_sentences, find_copies
from factcheck.schema import Claim, Pair

STORY = [
    "North Korea sent 3,000 troops to Russia, the White House said on Wednesday.",
    "The troops arrived in the eastern port of Vladivostok in October and moved west by train.",
    "South Korea's intelligence service said the soldiers were training at several bases.",
    "Officials in Seoul said the deployment could grow to 10,000 troops by December.",
    "Russia and North Korea signed a mutual defence pact in June during a visit to Pyongyang.",
    "Washington called the deployment a dangerous escalation and urged Moscow to withdraw them.",
]


def documents_of(folder, files):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    sources, problems = stages.read([folder])
    assert not problems
    documents, _ = stages.articles(sources)
    return documents


def test_identical_and_near_identical_copies_are_found_and_left_out_of_the_comparison(tmp_path):
    original = "Troops in Russia\n2024-10-23\n\n" + "\n\n".join(STORY) + "\n"
    near = "North Korean troops in Russia, says Washington\n2024-10-24\n\n" + "\n\n".join(STORY[:-1]) + \
        "\n\nSource: Wire\n"
    other = "Quake in Tazrout\n\nThe quake killed 1,200 people in Tazrout province, the ministry said on Saturday.\n"
    documents = documents_of(tmp_path, {"a.txt": original, "b.txt": original, "c.txt": near, "d.txt": other})
    compared, copies = stages.copies(documents)
    assert {(c.copy, c.original, c.kind) for c in copies} == {("b", "a", "identical"), ("c", "a", "near-identical")}
    assert next(c for c in copies if c.copy == "c").share >= 0.8
    assert [d.id for d in compared] == ["a", "c", "d"]  # a near-identical copy is compared where it differs


def test_the_earliest_published_copy_is_the_original(tmp_path):
    body = "\n\n".join(STORY) + "\n"
    documents = documents_of(tmp_path, {"a.txt": f"Troops sent\n2024-10-25\n\n{body}",
                                        "b.txt": f"Troops sent\n2024-10-23\n\n{body}"})
    [copy] = find_copies(documents)
    assert (copy.copy, copy.original) == ("a", "b")


def test_articles_sharing_a_paragraph_are_not_copies(tmp_path):
    documents = documents_of(tmp_path, {"a.txt": "\n\n".join(STORY[:3]) + "\n",
                                        "b.txt": "\n\n".join([STORY[0], "Quake kills 1,200 in Tazrout province.",
                                                              "Rescue teams searched the rubble for survivors."])})
    assert find_copies(documents) == []


def test_a_pair_of_a_sentence_and_its_word_for_word_copy_is_removed():
    claims = [Claim(id="a:1", doc="a", start=0, end=10, text="North Korea sent 3,000 troops."),
              Claim(id="b:4", doc="b", start=0, end=10, text="north korea sent 3,000 troops"),
              Claim(id="c:2", doc="c", start=0, end=10, text="North Korea sent 1,500 troops.")]
    kept, copies = drop_copied_sentences([Pair("a:1", "b:4", 1.0), Pair("a:1", "c:2", 0.97)], claims)
    assert [(p.a, p.b) for p in kept] == [("a:1", "c:2")]
    assert [(c.copy, c.original, c.kind) for c in copies] == [("b:4", "a:1", "sentence")]
