"""How long the leak guard takes: needles from a large corpus, and a scan of a built site.

    .venv/bin/mkdocs build --strict          # the example career's public site in site/
    .venv/bin/python -m benchmarks.guard --entries 2000 --site site

The corpus is the example career plus `--entries` synthetic private entries
(title, impact, tags and six paragraphs each, words drawn from a fixed random
vocabulary). The scan is timed twice: reading every file, and skipping files
identical to Material's own (as the plugin does).
"""

from __future__ import annotations

import argparse
import random
import string
import time
from pathlib import Path

import material
import yaml

from careerfolio.content.corpus import load_corpus
from careerfolio.privacy.guard import build_secrets, scan_site

REPO = Path(__file__).resolve().parent.parent


def _vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    return ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 10))) for _ in range(size)]


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choices(words, k=length)).capitalize() + "."


def synthetic_entries(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """`count` private journal entries as (path, bytes)."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    files = []
    for index in range(count):
        fields = {
            "date": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "title": _sentence(rng, words, 6),
            "impact": _sentence(rng, words, 10),
            "tags": [rng.choice(words), rng.choice(words)],
            "visibility": "private",
        }
        body = "\n\n".join(_sentence(rng, words, rng.randint(8, 30)) for _ in range(6))
        files.append((f"journal/synthetic/entry-{index:05d}.md", f"---\n{yaml.safe_dump(fields)}---\n{body}\n".encode()))
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--site", type=Path, default=REPO / "site")
    args = parser.parse_args()

    docs = REPO / "content"
    files = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in sorted(docs.rglob("*.md"))]
    files += synthetic_entries(args.entries)
    theme = Path(material.__file__).parent / "templates"
    public_text = [p.read_text(encoding="utf-8") for p in sorted(theme.rglob("*.html"))]

    started = time.perf_counter()
    corpus = load_corpus(files)
    loaded = time.perf_counter()
    secrets = build_secrets(corpus, public_text=public_text)
    built = time.perf_counter()
    hits = scan_site(args.site, secrets)
    scanned_all = time.perf_counter()
    scan_site(args.site, secrets, trusted_dirs=[theme])
    scanned_trusted = time.perf_counter()

    size = sum(p.stat().st_size for p in args.site.rglob("*") if p.is_file())
    print(f"files: {len(files)} Markdown files, {len(corpus.entries)} entries")
    print(f"needles: {len(secrets)} from {len(secrets.sources())} private files")
    print(f"load corpus: {loaded - started:.2f} s")
    print(f"build needles: {built - loaded:.2f} s")
    print(f"scan {args.site} ({size / 1e6:.1f} MB), every file: {scanned_all - built:.2f} s, {len(hits)} hits")
    print(f"scan, theme copies skipped: {scanned_trusted - scanned_all:.2f} s")


if __name__ == "__main__":
    main()
