"""What one build contains: pages, extra files and nav, decided from the corpus alone.

`build_site` is pure: the MkDocs adapter and the CLI both apply its result.
Each part of the site (record pages, dashboard, portfolio) contributes pages
and files; privacy is decided here once, by building public sites from
`corpus.public()` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any, NamedTuple

from markupsafe import Markup

from careerfolio.content.corpus import Corpus
from careerfolio.content.paths import page_stem
from careerfolio.content.records import CheckUp, Entry
from careerfolio.content.urls import LinksFrom, output_path
from careerfolio.plan.model import Audience, BuildContext, Contribution, NavItem, Part, Site, SiteFile, SitePage, header_when_needed
from careerfolio.privacy.redaction import redact_corpus
from careerfolio.problems import Problem, Severity, Words
from careerfolio.views.checkup_page import build_checkup_view
from careerfolio.views.dashboard import dashboard_part
from careerfolio.views.portfolio import portfolio_part, portfolio_paths
from careerfolio.views.render import render_template


def build_site(corpus: Corpus, context: BuildContext, asset_paths: Iterable[str] = ()) -> Site:
    """Plan a public or private build of `corpus`."""
    visible = corpus.public() if context.audience == "public" else corpus
    parts: list[Part] = [record_pages, dashboard_part, portfolio_part]
    pages: list[SitePage] = []
    files: list[SiteFile] = []
    nav: list[NavItem] = []
    problems: list[Problem] = []
    if context.audience == "public":
        # Every part sees public bodies without comments and without links to private pages.
        visible, redacted = redact_corpus(visible, context.user_pages)
        problems.extend(redacted)
    assets = frozenset(asset_paths)
    # A page this build does not show (a private one, in a public build) is not in the way of ours.
    shown = context.user_pages if context.audience == "private" else visible.public_paths()
    users = UsersOutput(shown, assets, context.use_directory_urls)
    # A generated page left out for a user's page: the nav leads to the user's page instead.
    kept_instead: dict[str, str | None] = {}
    for part in parts:
        contribution = part(visible, context)
        for page in contribution.pages:
            if page.generated and (clash := users.clash(page.src_path, page=True)):
                problems.append(clash)
                kept_instead[page.src_path] = clash.path if clash.path in shown else None
                continue
            pages.append(page)
        for extra in contribution.files:
            if clash := users.clash(extra.dest_path, page=False):
                problems.append(clash)
                continue
            files.append(extra)
        nav.extend(contribution.nav)
        problems.extend(contribution.problems)
    if kept_instead:
        nav = [_nav_to(item, kept_instead) for item in nav if kept_instead.get(item.src_path, item.src_path) is not None]
    if context.audience == "public":
        # Which of these a public build copies is decided by the links of its rendered pages (see htmllinks).
        assets = frozenset(path for path in assets if not context.settings.is_always_private(path))
    return Site(context.audience, tuple(pages), tuple(files), tuple(nav), assets, tuple(problems))


def _nav_to(item: NavItem, kept_instead: dict[str, str | None]) -> NavItem:
    target = kept_instead.get(item.src_path)
    return NavItem(item.title, target) if target else item


class UsersOutput:
    """Where the user's own files land in the site folder, to keep careerfolio's pages and files off them.

    A generated page or file at the same place would replace the user's file
    without a word. The user's file wins, and the clash is an error naming it,
    so that `--strict` stops the build and a lenient build says why ours is missing.
    """

    def __init__(self, pages: Iterable[str], assets: Iterable[str], use_directory_urls: bool) -> None:
        self._use_directory_urls = use_directory_urls
        # Two source paths can give one output file: achievements.md and achievements/index.md.
        self._owner = {output_path(src, use_directory_urls): src for src in pages}
        self._owner.update({path: path for path in assets})

    def clash(self, path: str, *, page: bool) -> Problem | None:
        """The problem when careerfolio's page (from src `path`) or file (at `path`) lands on a user's file."""
        written = output_path(path, self._use_directory_urls) if page else path
        owner = self._owner.get(written)
        if owner is None:
            return None
        message = f"careerfolio writes {written} here too; your file is kept and careerfolio's is left out: rename or move yours"
        return Problem(owner, None, None, message, said=Words.of("problem.output_clash", file=written))


# A skill's page lists its newest evidence only: an often-used skill is named by thousands of entries.
EVIDENCE_ON_SKILL_PAGE = 25


def record_pages(corpus: Corpus, context: BuildContext) -> Contribution:
    """One page per record and ordinary page, rendered from the typed record."""
    out = Contribution()
    back = _ways_back(corpus, context)
    common = {"context": context, "corpus": corpus, "evidence_shown": EVIDENCE_ON_SKILL_PAGE}
    batches = entry_header_batches(corpus, context, back["entry"])
    for entry in corpus.entries:
        header = header_when_needed(context, EntryHeaderOf(batches[entry.path], entry.path))
        out.pages.append(SitePage(entry.path, entry.title, entry.body, generated=False, header=header))
    for skill in corpus.skills:
        out.pages.append(_record_page(skill.path, skill.name, "pages/skill.html", skill.body, skill=skill, back=back["skill"], **common))
    for role in corpus.roles:
        title = f"{role.title}, {role.organization}"
        out.pages.append(_record_page(role.path, title, "pages/role.html", role.body, role=role, back=back["role"], **common))
    for item in corpus.items:
        out.pages.append(_record_page(item.path, item.name, "pages/item.html", item.body, item=item, back=back["item"], **common))
    for page in corpus.pages:
        out.pages.append(
            SitePage(page.path, page.title or _title_from_path(page.path, context.messages("nav.home")), page.body, generated=False)
        )
    if corpus.profile is not None:
        profile = corpus.profile
        out.pages.append(_record_page(profile.path, profile.name, "pages/profile.html", profile.body, profile=profile, **common))
    if context.audience == "private":
        for checkup in corpus.checkups:
            # The view (its chart above all) is made only when the page is rendered: a `serve --dirty`
            # rebuild plans every check-up but renders only those a save made stale.
            header = header_when_needed(context, partial(_render_checkup_header, checkup, common))
            title = context.messages("title.checkup_of", date=context.messages.date(checkup.date))
            out.pages.append(SitePage(checkup.path, title, checkup.body, generated=False, header=header))
        for contact in corpus.contacts:
            out.pages.append(_record_page(contact.path, contact.name, "pages/contact.html", contact.body, contact=contact, **common))
        for decision in corpus.decisions:
            out.pages.append(_record_page(decision.path, decision.title, "pages/decision.html", decision.body, decision=decision, **common))
        if corpus.layoff_plan is not None:
            plan = corpus.layoff_plan
            out.pages.append(
                _record_page(plan.path, context.messages("title.layoff_plan"), "pages/layoff_plan.html", plan.body, plan=plan, **common)
            )
    return out


def _ways_back(corpus: Corpus, context: BuildContext) -> dict[str, tuple[str, str]]:
    """(portfolio page, its title) that each kind of record page leads back to."""
    paths = portfolio_paths(corpus, context)
    t = context.messages
    entries = "achievements" if all(e.kind == "achievement" for e in corpus.public().entries) else "highlights"
    return {
        "entry": (paths.achievements, t(f"nav.{entries}")),
        "skill": (paths.skills, t("nav.skills")),
        "role": (paths.experience, t("nav.experience")),
        "item": (paths.home, t("nav.home")),
    }


def _record_page(src_path: str, title: str, template: str, body: str, **context: Any) -> SitePage:
    """A record's page: our HTML header (escaped by the template) above the user's own Markdown body."""
    header = header_when_needed(context["context"], partial(_render_header, template, context))
    return SitePage(src_path, title, body, generated=False, header=header)


def _render_header(template: str, context: dict[str, Any]) -> str:
    return render_template(template, t=context["context"].messages, **context).strip()


def _render_checkup_header(checkup: CheckUp, common: dict[str, Any]) -> str:
    corpus, context = common["corpus"], common["context"]
    view = build_checkup_view(checkup, corpus, context.use_directory_urls, context.messages)
    return _render_header("pages/checkup.html", {**common, "view": view})


class FactLink(NamedTuple):
    """A name in a fact list, and where it links (None when no file of the corpus has that id)."""

    label: str
    href: str | None


class EntryWords(NamedTuple):
    """The fixed words of every entry header of a build (the names of its facts), looked up once per build."""

    back: str  # what the way back is called, for screen readers
    date: str
    kind: str
    impact: str
    levels: str
    skills: str
    role: str
    tags: str


def entry_words(context: BuildContext) -> EntryWords:
    """The words entry headers share, in the build's language."""
    t = context.messages
    facts = (t(f"fact.{name}") for name in ("date", "kind", "impact", "levels", "skills", "role", "tags"))
    return EntryWords(t("nav.back"), *facts)


class EntryHeader(NamedTuple):
    """What the header of a journal entry's page shows, every name looked up and every link worked out.

    A long career renders thousands of these; doing the lookups here keeps the template to printing.
    Named tuples, not dataclasses: a frozen dataclass costs several times as much to make.
    """

    stylesheet: str
    back: FactLink  # the portfolio page that lists this entry
    title: str
    date_iso: str
    date: str  # as the build's language writes it
    kind: str
    kind_label: str
    impact: str | None
    levels: tuple[str, ...]  # labels; only a private build shows them
    skills: tuple[FactLink, ...]
    role: FactLink | None  # a role id that names no role file is not shown
    tags: tuple[str, ...]


def entry_header(
    entry: Entry, corpus: Corpus, context: BuildContext, back: tuple[str, str] = ("achievements/index.md", "Achievements")
) -> EntryHeader:
    """The header view of `entry`; a public build's corpus holds public skills and roles only."""
    links = LinksFrom(entry.path, context.use_directory_urls)
    skills = []
    for skill_id in entry.skills:
        skill = corpus.skills_by_id.get(skill_id)
        skills.append(FactLink(skill.name, links.page(skill.path)) if skill else FactLink(skill_id, None))
    role = corpus.roles_by_id.get(entry.role) if entry.role else None
    return EntryHeader(
        stylesheet=links.asset("assets/careerfolio/portfolio.css"),
        back=FactLink(back[1], links.page(back[0])),
        title=entry.title,
        date_iso=entry.date.isoformat(),
        date=context.messages.date(entry.date),
        kind=entry.kind,
        kind_label=context.messages(f"kind.{entry.kind}"),
        impact=entry.impact,
        levels=tuple(context.messages(f"esh.{level}") for level in entry.levels) if context.audience == "private" else (),
        skills=tuple(skills),
        role=FactLink(f"{role.title}, {role.organization}", links.page(role.path)) if role else None,
        tags=entry.tags,
    )


# Entry headers are rendered a batch at a time: one render of the template's loop over 64 entries costs
# two thirds of 64 renders of one, each of which sets up a context of its own. Batches follow the entries'
# paths, the order in which MkDocs builds pages, so a private build holds about one batch at a time.
ENTRY_HEADERS_PER_RENDER = 64
# What the entry template writes after each header of a batch; no value can write it, as values are escaped.
END_OF_ENTRY_HEADER = Markup("<!-- careerfolio: end of an entry header -->")


class EntryHeaderBatch:
    """The headers of a few entries' pages, rendered together when the first of them is asked for."""

    def __init__(self, entries: Sequence[Entry], corpus: Corpus, context: BuildContext, back: tuple[str, str]) -> None:
        self._entries = entries
        self._corpus, self._context, self._back = corpus, context, back
        self._rendered: dict[str, str] | None = None

    def header(self, path: str) -> str:
        """The header of the entry at `path`, handed over once; one asked for again is rendered again, alone."""
        if self._rendered is None:
            self._rendered = dict(zip([entry.path for entry in self._entries], self.render(self._entries), strict=True))
        html = self._rendered.pop(path, None)
        return html if html is not None else self.render([entry for entry in self._entries if entry.path == path])[0]

    def render(self, entries: Sequence[Entry]) -> list[str]:
        """The headers of `entries`, in one render of the entry template."""
        views = [entry_header(entry, self._corpus, self._context, self._back) for entry in entries]
        batch = render_template("pages/entry.html", headers=views, words=entry_words(self._context), end=END_OF_ENTRY_HEADER)
        return [header.strip() for header in batch.split(END_OF_ENTRY_HEADER)[:-1]]


class EntryHeaderOf:
    """The deferred header of one entry's page, from its batch.

    One small object per page: a partial of the batch's bound method would be three, and the
    thousands a long career plans would bring Python's cycle collector about more often.
    """

    __slots__ = ("batch", "path")

    def __init__(self, batch: EntryHeaderBatch, path: str) -> None:
        self.batch = batch
        self.path = path

    def __call__(self) -> str:
        return self.batch.header(self.path)


def entry_header_batches(corpus: Corpus, context: BuildContext, back: tuple[str, str]) -> dict[str, EntryHeaderBatch]:
    """The batch that renders each entry's header, by the entry's path."""
    entries = sorted(corpus.entries, key=lambda entry: entry.path)
    batches: dict[str, EntryHeaderBatch] = {}
    for start in range(0, len(entries), ENTRY_HEADERS_PER_RENDER):
        some = entries[start : start + ENTRY_HEADERS_PER_RENDER]
        batch = EntryHeaderBatch(some, corpus, context, back)
        batches.update((entry.path, batch) for entry in some)
    return batches


def _title_from_path(path: str, home: str) -> str:
    name = page_stem(path.rsplit("/", 1)[-1])
    if name in ("index", "README"):
        return home
    return name.replace("-", " ").replace("_", " ").capitalize()


__all__ = [
    "Audience",
    "BuildContext",
    "Contribution",
    "EntryHeader",
    "EntryHeaderBatch",
    "EntryWords",
    "FactLink",
    "NavItem",
    "Severity",
    "Site",
    "SiteFile",
    "SitePage",
    "UsersOutput",
    "build_site",
    "entry_header_batches",
    "entry_words",
    "record_pages",
]
