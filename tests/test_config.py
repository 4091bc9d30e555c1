"""Every setting is validated once, when a Config is made, and the error names the valid range."""

import pytest

from factcheck.config import Config
from factcheck.errors import ConfigError


@pytest.mark.parametrize(("setting", "value", "allowed"), [
    ("top_k", "five", "whole number of at least 1"),
    ("top_k", -1, "whole number of at least 1"),
    ("top_k", True, "whole number of at least 1"),
    ("batch_size", 0, "whole number of at least 1"),
    ("similarity_threshold", 2.0, "above 0 up to 1"),
    ("similarity_threshold", float("nan"), "above 0 up to 1"),
    ("nli_min_confidence", -0.1, "from 0 to 1"),
    ("structured_margin", "0.05", "from 0 to 1"),
    ("structured_checks", "yes", "true or false"),
    ("checks", ["quantity", 3], "check names"),
    ("embedding_model", "", "model name"),
    ("device", 0, "cpu"),
])
def test_an_invalid_setting_names_itself_and_the_valid_values(setting, value, allowed):
    with pytest.raises(ConfigError, match=f"invalid setting {setting} = .*{allowed}"):
        Config().replace(**{setting: value})


def test_valid_settings_are_kept_and_a_toml_list_of_checks_becomes_a_tuple(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('top_k = 3\nsimilarity_threshold = 1\nchecks = ["quantity", "date"]\nnli_model = ""\n')
    config = Config.from_file(path)
    assert (config.top_k, config.similarity_threshold, config.checks) == (3, 1, ("quantity", "date"))


def test_a_bad_value_in_a_config_file_is_a_config_error(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('top_k = "five"\n')
    with pytest.raises(ConfigError, match="top_k = 'five'"):
        Config.from_file(path)
