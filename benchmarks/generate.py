"""Synthetic careers for the benchmark: the same content written for careerfolio, plain MkDocs and Material's blog.

Everything is drawn from one seeded random generator, so a given (n, seed)
always produces byte-identical files. A career has `n` journal entries with
bodies of 150 to 300 words, about 60 % of them public, plus skills, roles,
contacts, check-ups, decisions, a profile and a layoff plan in the SPEC format.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

Variant = Literal["careerfolio", "mkdocs", "blog"]
VARIANTS: tuple[Variant, ...] = ("careerfolio", "mkdocs", "blog")
DEFAULT_SEED = 20261122
TODAY = dt.date(2026, 11, 22)

# The site configuration shared by every variant, as in the repository's own mkdocs.yml.
_THEME = {"name": "material", "font": False}
_MARKDOWN_EXTENSIONS: list[Any] = ["attr_list", "tables", {"toc": {"permalink": True}}]
_KINDS = ("achievement", "achievement", "achievement", "learning", "feedback", "network", "volunteer", "reflection")
_LEVELS = ("skills", "performance", "network", "job_search", "finances")
_CIRCLES = ("product", "data", "platform", "meetup", "finance", "design", "research", "sales")
_WORD_TEXT = (
    "pipeline warehouse model team release review metric incident customer platform migration schema query "
    "latency budget roadmap mentor meetup talk contract partner quarter launch dashboard backlog cluster "
    "deploy test coverage feedback promotion interview offer network colleague manager product design data "
    "engineer analyst stakeholder report cost saving throughput outage runbook alert service library package "
    "course workshop conference article demo prototype experiment result baseline target plan goal risk "
    "decision tradeoff estimate deadline scope milestone handover onboarding documentation standard quality "
    "the a of to and in for with on at from by after before during while because so that this our their "
    "we I it was were is are had have built cut moved shipped wrote led fixed measured learned asked found "
    "helped reduced improved replaced removed added explained presented agreed proposed reviewed merged "
    "weekly nightly monthly slow fast stable clear small large new old first second last every most fewer"
)
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sta",
    "vor",
    "pel",
    "din",
    "tur",
    "bra",
    "col",
    "fen",
    "gis",
    "hal",
    "jut",
    "ker",
    "lum",
    "nar",
    "pod",
    "quin",
    "ras",
    "sel",
    "tov",
    "ul",
    "vet",
    "wim",
    "xan",
    "yor",
    "zel",
]


def _vocabulary() -> tuple[str, ...]:
    """The common words above plus thousands of made-up ones.

    With a small vocabulary, four words of a private entry turn up by chance in
    public text, and the public build's leak guard rightly stops; real prose has
    the variety these made-up words give.
    """
    rng = random.Random(0)
    made_up = {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(6000)}
    return (*_WORD_TEXT.split(), *sorted(made_up))


_WORDS = _vocabulary()
_FIRST_NAMES = ("Ana", "Ben", "Chen", "Dara", "Eli", "Femi", "Gita", "Hugo", "Ines", "Jon", "Kai", "Lena", "Mira", "Nils", "Omar", "Pia")
_LAST_NAMES = ("Adler", "Berg", "Costa", "Dahl", "Engel", "Fischer", "Garcia", "Horn", "Ito", "Jensen", "Klein", "Lopez", "Meyer", "Novak")
_ORGS = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Soylent", "Cyberdyne")
_SKILL_TEXT = (
    "python sql airflow dbt spark kafka terraform kubernetes docker postgres bigquery snowflake dagster flink "
    "go rust java scala typescript react graphql git linux aws gcp azure observability testing security "
    "data-modeling statistics machine-learning mentoring public-speaking negotiation writing hiring "
    "project-management german spanish"
)
_SKILLS = tuple(_SKILL_TEXT.split())


@dataclass(frozen=True)
class Career:
    """Where a generated site lives and how many files of each kind it has."""

    root: Path
    docs_dir: Path
    variant: Variant
    entries: int
    files: int
    entry_paths: tuple[str, ...]  # docs-relative, newest last


def generate_career(root: str | Path, n: int, seed: int = DEFAULT_SEED, variant: Variant = "careerfolio") -> Career:
    """Write mkdocs.yml and content/ for a career of `n` journal entries under `root` (emptied first).

    `careerfolio` is the SPEC layout with the plugin on; `mkdocs` is the same
    files as plain MkDocs pages kept out of a one-page nav; `blog` is the same
    entries as posts of Material's blog plugin, front matter in its shape.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    docs = root / "content"
    files = build_files(n, seed)
    written: dict[str, bytes] = {}
    entry_paths = [path for path, _, _ in files if path.startswith("journal/")]
    if variant == "blog":
        written["index.md"] = b"# Home\n\nA career journal kept as a blog.\n"
        written["blog/index.md"] = b"# Journal\n"
        entry_paths = []
        for path, meta, body in files:
            if path.startswith("journal/"):
                post = "blog/posts/" + path.removeprefix("journal/")
                written[post] = _as_blog_post(meta, body)
                entry_paths.append(post)
    else:
        written.update({path: render_file(meta, body) for path, meta, body in files})
        if variant == "mkdocs":
            written["index.md"] = b"# Home\n\nA career kept as plain pages.\n"
    for path, data in written.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(_site_config(variant), sort_keys=False), encoding="utf-8")
    return Career(root, docs, variant, n, len(written), tuple(sorted(entry_paths)))


def _site_config(variant: Variant) -> dict[str, Any]:
    config: dict[str, Any] = {"site_name": "Synthetic career", "docs_dir": "content", "theme": dict(_THEME)}
    if variant == "careerfolio":
        config["plugins"] = ["search", "careerfolio"]
    elif variant == "mkdocs":
        # Every page is built and reachable by link, none is listed in the nav: what careerfolio does too.
        config["plugins"] = ["search"]
        config["nav"] = [{"Home": "index.md"}]
        config["not_in_nav"] = "/*/\n/*.md\n"
    else:
        config["plugins"] = ["search", {"blog": {"blog_dir": "blog"}}]
        config["nav"] = [{"Home": "index.md"}, {"Journal": "blog/index.md"}]
    config["markdown_extensions"] = _MARKDOWN_EXTENSIONS
    return config


def render_file(meta: dict[str, Any], body: str) -> bytes:
    """A content file as a person writes it: YAML front matter, then the Markdown body."""
    if not meta:
        return body.encode("utf-8")
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    return f"---\n{text}---\n{body}".encode()


def _as_blog_post(meta: dict[str, Any], body: str) -> bytes:
    # The blog reads `date` as a date and files each post under `categories`; the kind is the natural category.
    post: dict[str, Any] = {"date": meta["date"]}
    if "title" in meta:
        post["title"] = meta["title"]
    post["categories"] = [meta.get("kind", "achievement")]
    if "tags" in meta:
        post["tags"] = meta["tags"]
    # A blog lists excerpts; without a separator every index page would carry whole posts.
    first, sep, rest = body.partition("\n\n")
    return render_file(post, f"{first}\n\n<!-- more -->\n\n{rest}" if sep else body)


def build_files(n: int, seed: int = DEFAULT_SEED) -> list[tuple[str, dict[str, Any], str]]:
    """Every content file of a career as (docs-relative path, front matter, body), deterministic in (n, seed)."""
    rng = random.Random(seed)
    out: list[tuple[str, dict[str, Any], str]] = []
    # More entries mean a longer or denser career; the supporting files grow slowly, as in life.
    years = max(3, min(25, n // 200 + 3))
    start = TODAY - dt.timedelta(days=365 * years)
    skills = list(_SKILLS[: max(8, min(len(_SKILLS), 8 + n // 250))])
    for skill in skills:
        since = start.year + rng.randrange(0, years)
        meta: dict[str, Any] = {
            "name": skill.replace("-", " ").title(),
            "category": rng.choice(("Engineering", "Data", "People", "Languages")),
            "level": rng.randint(1, 5),
            "target": rng.randint(3, 5),
            "since": since,
            "last_used": f"{rng.randint(since, TODAY.year - 1)}-{rng.randint(1, 12):02d}",
            "visibility": "public" if rng.random() < 0.8 else "private",
        }
        out.append((f"skills/{skill}.md", meta, _paragraphs(rng, 40, 80)))
    roles = []
    role_count = max(2, min(len(_ORGS), years // 3 + 1))
    bounds = sorted(rng.sample(range(1, years * 12), role_count - 1))
    months = [0, *bounds, None]
    for index in range(role_count):
        org = _ORGS[index]
        role_id = f"{org.lower()}-engineer-{index}"
        begin = _add_months(start, months[index] or 0)
        meta = {
            "organization": org,
            "title": rng.choice(("Data Engineer", "Senior Engineer", "Team Lead", "Staff Engineer")),
        }
        meta["start"] = f"{begin.year}-{begin.month:02d}"
        if months[index + 1] is not None:
            end = _add_months(start, months[index + 1] or 0)
            meta["end"] = f"{end.year}-{end.month:02d}"
        meta["location"] = rng.choice(("Berlin", "Hamburg", "Lisbon", "Remote"))
        meta["url"] = f"https://{org.lower()}.example"
        meta["visibility"] = "public"
        roles.append((role_id, begin))
        out.append((f"roles/{role_id}.md", meta, _paragraphs(rng, 40, 80)))
    contacts = []
    for index in range(max(8, min(300, n // 20))):
        first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
        contact_id = f"{first.lower()}-{last.lower()}-{index}"
        contacts.append(contact_id)
        meta = {
            "name": f"{first} {last}",
            "organization": rng.choice(_ORGS),
            "circle": rng.choice(_CIRCLES),
            "met": f"{start.year + rng.randrange(years)}-{rng.randint(1, 12):02d}",
            "every": rng.choice((30, 60, 90, 180)),
        }
        out.append((f"network/{contact_id}.md", meta, _paragraphs(rng, 30, 60)))
    day = start + dt.timedelta(days=30)
    while day < TODAY:
        meta = {
            "date": day,
            "scores": {level: rng.randint(1, 5) for level in _LEVELS},
            "actions": [_sentence(rng, 5, 9) for _ in range(rng.randint(1, 3))],
        }
        out.append((f"checkups/{day.isoformat()}.md", meta, _paragraphs(rng, 60, 120)))
        day += dt.timedelta(days=rng.randint(80, 100))
    for index in range(3):
        opened = TODAY - dt.timedelta(days=rng.randint(10, 400))
        options = [
            {"name": f"Option {letter}: {_sentence(rng, 2, 4).rstrip('.')}", "effect": {level: rng.randint(-2, 2) for level in _LEVELS}}
            for letter in "AB"
        ]
        meta = {"date": opened, "title": _sentence(rng, 4, 8).rstrip(".") + "?", "status": "open", "options": options}
        if index == 0:
            meta["status"] = "decided"
            meta["choice"] = options[0]["name"]
        out.append((f"decisions/decision-{index}.md", meta, _paragraphs(rng, 40, 80)))
    profile = {
        "name": "Sam Synthetic",
        "headline": "Engineer with a long journal",
        "email": "sam@example.com",
        "location": "Berlin",
        "links": [{"label": "Code", "url": "https://example.com/sam"}],
        "visibility": "public",
    }
    out.append(("profile.md", profile, _paragraphs(rng, 40, 80)))
    tasks = "\n".join(f"- [{'x' if rng.random() < 0.5 else ' '}] {_sentence(rng, 4, 9)}" for _ in range(8))
    out.append(("layoff-plan.md", {"reviewed": TODAY - dt.timedelta(days=40)}, f"# Layoff plan\n\n{tasks}\n"))
    out.extend(_entries(rng, n, start, skills, roles, contacts))
    return out


def _entries(
    rng: random.Random, n: int, start: dt.date, skills: list[str], roles: list[tuple[str, dt.date]], contacts: list[str]
) -> list[tuple[str, dict[str, Any], str]]:
    span = (TODAY - start).days
    out = []
    for index in range(n):
        day = start + dt.timedelta(days=span * index // n)  # spread evenly, oldest first
        kind = rng.choice(_KINDS)
        title = _sentence(rng, 4, 10).rstrip(".")
        meta: dict[str, Any] = {"date": day}
        with_heading = rng.random() < 0.1  # SPEC: the title may be the body's first heading instead
        if not with_heading:
            meta["title"] = title
        meta["kind"] = kind
        if rng.random() < 0.2:
            meta["levels"] = rng.sample(_LEVELS, rng.randint(1, 2))
        if rng.random() < 0.7:
            meta["skills"] = rng.sample(skills, rng.randint(1, 3))
        role = next((role_id for role_id, begin in reversed(roles) if begin <= day), None)
        if role is not None:
            meta["role"] = role
        if kind in ("network", "feedback") or rng.random() < 0.1:
            meta["people"] = rng.sample(contacts, rng.randint(1, 2))
        if kind == "achievement":
            meta["impact"] = _sentence(rng, 6, 14).rstrip(".")
        if rng.random() < 0.5:
            meta["tags"] = rng.sample(("ops", "cost", "quality", "speaking", "hiring", "career", "oss"), rng.randint(1, 2))
        if rng.random() < 0.02:
            meta["pinned"] = True
        meta["visibility"] = "public" if rng.random() < 0.6 else "private"
        body = _paragraphs(rng, 150, 300)
        if with_heading:
            body = f"# {title}\n\n{body}"
        out.append((f"journal/{day.year}/{day.isoformat()}-entry-{index:05d}.md", meta, body))
    return out


def _paragraphs(rng: random.Random, low: int, high: int) -> str:
    """Sentences totalling between `low` and `high` words, in paragraphs of a few sentences."""
    total = rng.randint(low, high - 6)  # the last sentence may overshoot by up to five words
    paragraphs, sentences, words = [], [], 0
    while words < total:
        sentence = _sentence(rng, 6, min(18, max(6, total - words)))
        sentences.append(sentence)
        words += len(sentence.split())
        if len(sentences) == 4:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, max(low, high)))]
    return " ".join(words).capitalize() + "."


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="number of journal entries")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--variant", choices=VARIANTS, default="careerfolio")
    args = parser.parse_args()
    career = generate_career(args.root, args.n, args.seed, args.variant)
    print(f"{career.files} files in {career.docs_dir}")


if __name__ == "__main__":
    main()
