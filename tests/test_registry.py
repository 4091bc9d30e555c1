"""Registry: names to factories; an unknown name lists the known ones."""

import pytest

from factcheck.errors import ConfigError
from factcheck.registry import Registry


def test_a_registered_factory_is_returned_unchanged():
    parts = Registry("widget")

    @parts.register("round")
    def make_round():
        return "round"

    assert parts.get("round") is make_round and make_round() == "round"
    assert "round" in parts and "square" not in parts


def test_an_unknown_name_is_a_config_error_listing_the_registered_names():
    parts = Registry("widget")
    parts.register("b")(lambda: "b")
    parts.register("a")(lambda: "a")
    with pytest.raises(ConfigError, match=r"unknown widget 'c'; choose one of: a, b$"):
        parts.get("c")
    with pytest.raises(ConfigError, match="none registered"):
        Registry("gadget").get("x")


def test_one_name_cannot_be_registered_for_two_factories():
    parts = Registry("widget")
    parts.register("a")(lambda: 1)
    with pytest.raises(ValueError, match="registered twice"):
        parts.register("a")(lambda: 2)
