"""finish_file's time limits grow with the file but never pass the broker's visibility timeout."""

from pathlib import Path

import pytest

from workers.tasks import finish_limits


def test_small_files_keep_the_default_limits(data_dir: Path) -> None:
    from config.settings import get_settings

    s = get_settings()
    assert finish_limits(25) == (s.task_soft_time_limit, s.task_time_limit)


def test_long_files_get_time_in_proportion_below_the_visibility_timeout(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from config.settings import get_settings, reset_settings_cache

    s = get_settings()
    soft_3000, hard_3000 = finish_limits(3000)
    soft_6000, _ = finish_limits(6000)
    assert s.task_soft_time_limit < soft_3000 < soft_6000
    assert hard_3000 - soft_3000 == s.task_time_limit - s.task_soft_time_limit
    soft_max, hard_max = finish_limits(10**6)
    assert hard_max < s.broker_visibility_timeout
    monkeypatch.setenv("CLAIMDEX_BROKER_VISIBILITY_TIMEOUT", "3600")
    reset_settings_cache()
    assert finish_limits(10**6)[0] > soft_max
