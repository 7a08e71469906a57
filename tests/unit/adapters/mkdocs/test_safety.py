"""Which site a command builds: serve shows the private one on loopback only, gh-deploy only the public one."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from careerfolio.adapters.mkdocs.errors import BuildRefused
from careerfolio.adapters.mkdocs.safety import AUDIENCE_ENV, decide_audience
from careerfolio.settings import Settings


def _config(host: str = "127.0.0.1") -> Any:
    return SimpleNamespace(dev_addr=SimpleNamespace(host=host))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_serve_shows_the_private_site_on_loopback(host: str) -> None:
    assert decide_audience("serve", _config(host), Settings()) == "private"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.org", "::"])
def test_serve_refuses_any_other_address_unless_allowed(host: str) -> None:
    with pytest.raises(BuildRefused, match="serve_private_on_any_address"):
        decide_audience("serve", _config(host), Settings())
    assert decide_audience("serve", _config(host), Settings(serve_private_on_any_address=True)) == "private"


def test_the_variable_chooses_the_audience_of_a_build_but_never_of_a_deploy(monkeypatch: pytest.MonkeyPatch) -> None:
    assert decide_audience("build", _config(), Settings()) == "public"
    monkeypatch.setenv(AUDIENCE_ENV, " Private ")
    assert decide_audience("build", _config(), Settings()) == "private"
    with pytest.raises(BuildRefused, match="gh-deploy"):
        decide_audience("gh-deploy", _config(), Settings())
    monkeypatch.setenv(AUDIENCE_ENV, "everyone")
    with pytest.raises(BuildRefused, match=AUDIENCE_ENV):
        decide_audience("build", _config(), Settings(audience="private"))
