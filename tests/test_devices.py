from factcheck.devices import resolve_device


def test_a_named_device_is_kept_and_none_picks_one():
    assert resolve_device("cuda:1") == "cuda:1"
    assert resolve_device(None) in ("cpu", "cuda")
