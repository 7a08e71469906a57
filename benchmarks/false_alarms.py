"""How often the leak guard stops a clean public build: real builds of careers whose entries share a small vocabulary.

    .venv/bin/python benchmarks/false_alarms.py --careers 20

Each career has 10 to 30 journal entries, a third of them private, whose
titles, impact and bodies are drawn from a few words (`--words`, at most 30), so that private runs of
words often turn up in public text by chance. Nothing private is copied
anywhere: every alarm is a false one. Each career is built with
`mkdocs build` (public) in this process; the script prints how many builds
the guard stopped.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

_TEXT = (
    "we shipped the billing service to production after a long review of our data pipeline and moved team budget offer launch "
    "python outage migration cluster report meetup mentor"
)
VOCABULARY = tuple(_TEXT.split())


def _sentence(rng: random.Random, words: tuple[str, ...], low: int, high: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high))).capitalize()


def write_career(root: Path, rng: random.Random, words: tuple[str, ...]) -> None:
    """mkdocs.yml and content/ of one small career whose text is drawn from `words`."""
    docs = root / "content" / "journal"
    docs.mkdir(parents=True)
    for index in range(rng.randint(10, 30)):
        fields = {
            "date": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "title": _sentence(rng, words, 3, 7),
            "kind": "achievement",
            "impact": _sentence(rng, words, 5, 10),
            "tags": [rng.choice(words), rng.choice(words)],
            "visibility": rng.choice(["public", "public", "private"]),
        }
        body = "\n\n".join(_sentence(rng, words, 6, 16) + "." for _ in range(rng.randint(1, 3)))
        (docs / f"entry-{index:02d}.md").write_text(f"---\n{yaml.safe_dump(fields)}---\n{body}\n", encoding="utf-8")
    config = {
        "site_name": "Shared words",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", "careerfolio"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--careers", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=len(VOCABULARY), help="how many words of the vocabulary to draw from")
    args = parser.parse_args()
    os.environ["CAREERFOLIO_AUDIENCE"] = "public"
    rng = random.Random(args.seed)
    stopped = 0
    with tempfile.TemporaryDirectory() as work:
        for index in range(args.careers):
            root = Path(work) / f"career{index}"
            write_career(root, rng, VOCABULARY[: args.words])
            try:
                build(load_config(str(root / "mkdocs.yml")))
            except (Abort, PluginError):  # build() turns a PluginError into Abort
                stopped += 1
    print(f"false alarms: {stopped} of {args.careers} clean public builds ({args.words} words) stopped by the guard", file=sys.stderr)


if __name__ == "__main__":
    main()
