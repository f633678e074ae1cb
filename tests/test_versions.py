"""The floors that the setup cell checks are requirements.txt's floors, and the check says what
to run."""

import re
from pathlib import Path

import pytest

from helpers.versions import MINIMUM, check_versions, parse_version

ROOT = Path(__file__).resolve().parent.parent
CURRENT = {"tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.4.6", "matplotlib": "3.11.2"}


def requirement_floors() -> dict[str, str]:
    floors = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        m = re.match(r"(tensorflow|keras|numpy|matplotlib)(?:-cpu)?>=([\d.]+)", line)
        if m:
            floors[m[1]] = m[2]
    return floors


def test_minimum_versions_are_the_floors_of_requirements_txt():
    assert requirement_floors() == MINIMUM


@pytest.mark.parametrize(
    "version, parsed",
    [
        ("3.10.0", (3, 10, 0)),
        ("2.16.0rc1", (2, 16, 0)),
        ("1.26", (1, 26)),
        ("2.4.6+cpu", (2, 4, 6)),
    ],
)
def test_parse_version(version, parsed):
    assert parse_version(version) == parsed


def test_parse_version_rejects_what_is_not_a_version():
    with pytest.raises(ValueError, match="'dev'"):
        parse_version("dev")
    with pytest.raises(TypeError, match="version must be a str"):
        parse_version(3.1)


def test_current_and_floor_versions_pass():
    check_versions(CURRENT)
    check_versions(MINIMUM)
    check_versions()  # the installed ones


def test_too_old_names_each_package_and_the_command():
    old = dict(CURRENT, keras="3.9.2", tensorflow="2.15.1")
    with pytest.raises(ImportError) as err:
        check_versions(old)
    msg = str(err.value)
    assert "tensorflow >= 2.16 (found 2.15.1)" in msg and "keras >= 3.10 (found 3.9.2)" in msg
    assert "pip install -U 'tensorflow>=2.16' 'keras>=3.10'" in msg
    assert "numpy" not in msg


def test_the_backend_in_use_is_checked_too():
    current = {"keras": "3.15.1", "numpy": "2.4.6", "matplotlib": "3.11.2"}
    check_versions(current | {"jax": "0.10.2"}, backend="jax")
    with pytest.raises(ImportError, match=r"torch >= 2\.5 \(found 2\.1\.0\).*'torch>=2\.5'"):
        check_versions(current | {"torch": "2.1.0"}, backend="torch")
    with pytest.raises(ValueError, match="backend must be 'tensorflow', 'jax' or 'torch'"):
        check_versions(current, backend="mxnet")
