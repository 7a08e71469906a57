"""The `careerfolio` command: checks and authoring, for use without MkDocs."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click

from careerfolio import __version__
from careerfolio.adapters.cli.check import check_site
from careerfolio.adapters.engines.export import (
    DEFAULT_OUT,
    check_out_folder,
    guard_public_text,
    installed_theme_dirs,
    source_stamp,
    stage_site,
    write_staged,
)
from careerfolio.adapters.mkdocs.siteconfig import SiteConfig, find_site_root, read_site_config
from careerfolio.authoring.checkup import (
    CheckUpAnswers,
    ScoresError,
    add_done,
    ask_yes,
    find_previous,
    parse_scores,
    render_checkup_file,
    render_summary,
    run_checkup,
)
from careerfolio.authoring.editor import FRONTMATTER_FILE, SCHEMA_DIR, build_frontmatter_config, build_schema_files, render_json
from careerfolio.authoring.newfile import NEW_TYPES, plan_new_file
from careerfolio.authoring.newfiles import replace_own, write_all_new, write_new
from careerfolio.authoring.scaffold import Person, check_target, create_site
from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.dates import build_today
from careerfolio.content.loader import read_tree
from careerfolio.importing.csvtables import LinkedInExportError
from careerfolio.importing.imported import ReadResult
from careerfolio.importing.jsonresume import ResumeError, read_jsonresume
from careerfolio.importing.linkedin import read_linkedin
from careerfolio.importing.writer import plan_import
from careerfolio.insights.nextsteps import NextStep, NextSteps, compute_next_steps
from careerfolio.insights.reminders import collect_reminders, is_ours, render_calendar, uid_domain
from careerfolio.insights.report import build_report, render_report
from careerfolio.privacy.guard import build_secrets, scan_site
from careerfolio.problems import CareerfolioError, count


def load_site(path: Path | None) -> SiteConfig:
    """The site at `path` (a folder holding a site config, see siteconfig.CONFIG_NAMES) or the nearest one upward."""
    return read_site_config(find_site_root(path))


class _Commands(click.Group):
    """The one place where the project's errors and the machine's (a full disk, a missing folder) become a message.

    Each is one line and a non-zero exit; a traceback would be a bug.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CareerfolioError as exc:
            raise click.ClickException(str(exc)) from None
        except FileExistsError as exc:
            raise click.ClickException(f"{exc.filename} already exists; nothing was written (choose a new name)") from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


if TYPE_CHECKING:  # newer click makes ParamType generic; click 8.1, the oldest supported, cannot subscript it
    _TextType = click.ParamType[str]
else:
    _TextType = click.ParamType


class _Text(_TextType):
    """Text typed in a terminal, refused when it is not valid in the file's encoding (UTF-8)."""

    name = "text"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if not is_valid_text(text):
            self.fail("is not valid UTF-8 text (is the terminal set to another encoding?); nothing was written", param, ctx)
        return text


TEXT = _Text()


def is_valid_text(text: str) -> bool:
    """False for text holding bytes the terminal's encoding could not decode, which Python keeps as lone surrogates."""
    return not any("\ud800" <= char <= "\udfff" for char in text)


def _ask(prompt: str) -> str:
    """A line typed at a prompt; asked again while it is not valid text."""
    while True:
        try:
            line: str | None = input(prompt)
        except UnicodeDecodeError:  # a terminal whose input Python decodes strictly
            line = None
        if line is not None and is_valid_text(line):
            return line
        click.echo("  That line is not valid UTF-8 text (is the terminal set to another encoding?); please type it again.", err=True)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="careerfolio")
def main() -> None:
    """Manage a career in plain Markdown."""


@main.command()
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check(path: Path | None, strict: bool) -> None:
    """Check every content file and print its problems, one per line.

    PATH is a site folder; by default the nearest folder upward holding mkdocs.yml.
    """
    site = load_site(path)
    if not site.docs_dir.is_dir():
        raise click.ClickException(f"the content folder {site.docs_dir} does not exist")
    result = check_site(site, build_today())
    prefix = _display_prefix(site)
    for problem in result.problems:
        click.echo(f"{prefix}{problem.format()}")
    errors, warnings = count(list(result.problems))
    summary = f"{result.files} files checked: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    click.echo(summary, err=False)
    if errors or (strict and warnings):
        raise SystemExit(1)


def _display_prefix(site: SiteConfig) -> str:
    """Paths are printed relative to the current folder when the site is inside it."""
    try:
        rel = site.docs_dir.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return f"{site.docs_dir}/"
    return "" if str(rel) == "." else f"{rel.as_posix()}/"


# -- authoring ---------------------------------------------------------------------


def _load_content(site: SiteConfig) -> Corpus:
    if not site.docs_dir.is_dir():
        raise click.ClickException(f"the content folder {site.docs_dir} does not exist")
    return load_corpus(read_tree(site.docs_dir), site.settings)


def _shown_path(path: Path) -> str:
    """`path` relative to the current folder, so that it can be pasted into the next command."""
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd().resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


@main.command(short_help="Create a journal entry, skill, role, contact, decision, career item or page.")
@click.argument("type_name", metavar="TYPE", type=click.Choice(NEW_TYPES))
@click.argument("title", type=TEXT)
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR.")
def new(type_name: str, title: str, edit: bool) -> None:
    """Create a new journal entry, skill, role, contact or decision and print its path.

    TITLE is the entry's or decision's title, the skill's or contact's name, or
    a role written "Job title at Organization". The file gets today's date, a
    name made from the title, and every field of its type (optional ones as
    comments). An existing file is never overwritten: a clash adds -2, -3, ...
    """
    site = load_site(None)
    corpus = _load_content(site)
    current = [r.id for r in corpus.roles if r.current]
    planned = plan_new_file(type_name, title, build_today(), site.settings, current[0] if len(current) == 1 else None)
    written = write_new(site.docs_dir / planned.path, planned.text)
    click.echo(_shown_path(written))
    if edit:
        click.edit(filename=str(written))


@main.command(short_help="Run a check-up and write checkups/DATE.md.")
@click.option("--scores", help="All five scores, e.g. skills=4,performance=3,network=2,job_search=2,finances=3; no questions asked.")
@click.option("--action", "actions", multiple=True, type=TEXT, help="An action for the coming months (repeatable).")
@click.option("--reflection", default="", type=TEXT, help="A short reflection, with --scores.")
def checkup(scores: str | None, actions: tuple[str, ...], reflection: str) -> None:
    """Run a check-up: score each level with its journal evidence, then write checkups/DATE.md.

    Without --scores it asks in the terminal; Ctrl-C or the end of input writes nothing.
    """
    site = load_site(None)
    corpus = _load_content(site)
    today = build_today()
    previous = find_previous(corpus, today)
    folder = site.docs_dir / site.settings.checkups_dir
    same_day = folder / f"{today.isoformat()}.md"
    interactive = scores is None
    try:
        if scores is not None:
            try:
                parsed = parse_scores(scores)
            except ScoresError as exc:
                raise click.BadParameter(str(exc), param_hint="--scores") from None
            answers = CheckUpAnswers(today, parsed, tuple(a.strip() for a in actions if a.strip()), reflection.strip())
        else:
            if actions or reflection:
                raise click.UsageError("--action and --reflection go with --scores; without --scores the check-up asks for them")
            if same_day.exists() and not ask_yes(
                _ask, f"{_shown_path(same_day)} exists: today's check-up is done. Run another one?", False
            ):
                click.echo("Nothing was written.")
                return
            answers = run_checkup(corpus, today, _ask, click.echo)
        for line in render_summary(answers, previous):
            click.echo(line)
        if interactive and not ask_yes(_ask, "Write this check-up?", True):
            click.echo("Nothing was written.")
            return
    except (KeyboardInterrupt, EOFError):
        click.echo("\nCheck-up cancelled; nothing was written.", err=True)
        raise SystemExit(1) from None
    if same_day.exists():
        click.echo(f"{_shown_path(same_day)} exists, so this check-up gets a file of its own.")
    written = write_new(same_day, render_checkup_file(answers))
    click.echo(f"Wrote {_shown_path(written)}")
    if answers.done_before and previous is not None:
        _mark_done(site, previous.path, answers.done_before)


def _mark_done(site: SiteConfig, previous: str, items: tuple[str, ...]) -> None:
    """Add `items` under `done:` in the previous check-up, or say how when the file cannot be edited safely."""
    path = site.docs_dir / previous
    text = path.read_bytes().decode("utf-8")
    edited = add_done(text, items)
    # The edit must read back as a clean check-up with exactly these actions done more, or it is not made.
    after = load_corpus([(previous, edited.encode("utf-8"))], site.settings) if edited is not None else None
    if edited is None or after is None or after.problems or not after.checkups or not set(items) <= set(after.checkups[0].done):
        click.echo(f"Add these under done: in {_shown_path(path)} to mark them done:")
        for item in items:
            click.echo(f"  - {item}")
        return
    replace_own(path, edited)
    click.echo(f"Marked {len(items)} action{'s' * (len(items) != 1)} done in {_shown_path(path)}")


@main.command(short_help="Create a new site in a new or empty folder.")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--name", help="Your name: the site is named after it and it heads the portfolio.")
@click.option("--headline", help="One line under your name: what you do and for whom.")
@click.option("--example", is_flag=True, help="Add a tour: private example files dated relative to today, each marked EXAMPLE.")
def init(folder: Path, name: str | None, headline: str | None, example: bool) -> None:
    """Create a new careerfolio site in FOLDER, which must be new or empty.

    Without --example the career starts empty, so the dashboard's "Start here"
    shows which command fills each part; nothing but your name and headline is public.
    """
    check_target(folder)
    # Asked only of a person at a terminal; a script gets a private placeholder profile instead of a hang.
    if name is None and _interactive():
        name = click.prompt("Your name", default="", show_default=False)
    if headline is None and _interactive():
        headline = click.prompt("Your headline (one line, Enter to skip)", default="", show_default=False)
    person = Person(name or "", headline or "")
    written = create_site(folder, person, build_today(), example)
    click.echo(f"Created a careerfolio site in {_shown_path(folder)} ({len(written)} files).")
    if not person.name.strip():
        click.echo("Your profile is private until it names you: set name: in content/profile.md and make it visibility: public.")
    click.echo("Next:")
    click.echo(f"  cd {_shown_path(folder)}")
    click.echo('  careerfolio new entry "Something I did"   # the daily habit')
    click.echo("  careerfolio checkup                      # the quarterly one")
    click.echo("  mkdocs serve                             # your private dashboard at http://127.0.0.1:8000")


def _interactive() -> bool:
    return os.isatty(0) and os.isatty(1)


@main.command(short_help="Print the review packet (brag document) of a period.")
@click.option(
    "--since", required=True, type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="First day of the period (YYYY-MM-DD)."
)
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD", help="Last day of the period; today by default.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this new file instead of printing.")
@click.option("--public", "public_only", is_flag=True, help="Only entries marked visibility: public.")
def report(since: dt.datetime, until: dt.datetime | None, output: Path | None, public_only: bool) -> None:
    """Print the review packet of a period: entries by level and by role, with their impact, in Markdown."""
    site = load_site(None)
    corpus = _load_content(site)
    first, last = since.date(), until.date() if until else build_today()
    if last < first:
        raise click.BadParameter("must not be before --since", param_hint="--until")
    text = render_report(build_report(corpus.public() if public_only else corpus, first, last))
    if output is None:
        click.echo(text, nl=False)
        return
    write_new(output, text, rename_on_clash=False)
    click.echo(f"Wrote {_shown_path(output)}")


@main.command(short_help="Write JSON Schemas and frontmatter.json for editors.")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
def schema(folder: Path | None) -> None:
    """Write a JSON Schema per content type into FOLDER, and frontmatter.json into the site.

    FOLDER defaults to schemas/ in the site; frontmatter.json (for the Front
    Matter CMS extension of VS Code) maps each content folder to its type.
    Existing files are never overwritten: if any exists, nothing is written.
    """
    site = load_site(None)
    target = (folder if folder is not None else site.root / SCHEMA_DIR).resolve()
    if target.is_relative_to(site.docs_dir.resolve()):
        raise click.ClickException(f"{target} is inside the content folder, where MkDocs would publish it; choose a folder outside it")
    docs = site.docs_dir.resolve().relative_to(site.root.resolve()).as_posix()
    files = [(target / f.path, f.text) for f in build_schema_files()]
    frontmatter = site.root / FRONTMATTER_FILE
    # Asked for schemas in a folder of one's own, frontmatter.json (which init writes) is kept, not a reason to refuse.
    kept = folder is not None and frontmatter.exists()
    if not kept:
        files.append((frontmatter, render_json(build_frontmatter_config(site.settings, docs))))
    existing = [path for path, _ in files if path.exists()]
    if existing:
        listed = ", ".join(_shown_path(p) for p in existing)
        raise click.ClickException(f"already exists: {listed}; nothing was written (remove them first to regenerate)")
    for path in write_all_new(files):
        click.echo(_shown_path(path))
    if kept:
        click.echo(f"{_shown_path(frontmatter)} exists and was left as it is", err=True)


# -- reminders ---------------------------------------------------------------------


class _Unreadable(click.ClickException):
    """The site could not be read: exit code 2, apart from status's 1."""

    exit_code = 2


def _step_action(step: NextStep, site: SiteConfig) -> str:
    """The step's action with its file shown relative to the current folder, ready to paste."""
    return step.action(_shown_path(site.docs_dir / step.path) if step.path else None)


def status_json(result: NextSteps, site: SiteConfig) -> dict[str, object]:
    """The shape the README documents: today and the ranked steps, nothing else."""
    return {
        "today": result.today.isoformat(),
        "next_steps": [
            {
                "kind": step.kind,
                "id": step.id,
                "due": step.due.isoformat() if step.due else None,
                "why": step.why,
                "action": _step_action(step, site),
            }
            for step in result.steps
        ],
    }


def status_lines(result: NextSteps, site: SiteConfig, markdown: bool) -> list[str]:
    """The steps for a terminal, or as Markdown whose first line is a heading that names what is due."""
    steps = result.steps
    if not steps:
        later = f" The next thing, {result.next_what}, falls due on {result.next_due.isoformat()}." if result.next_due else ""
        head = f"All is in order on {result.today.isoformat()}: nothing is due."
        return [f"# {_md(head)}", "", _md(later.strip())] if markdown else [head + later]
    more = f", and {len(steps) - 1} more" if len(steps) > 1 else ""
    head = f"{len(steps)} thing{'s are' if len(steps) != 1 else ' is'} due: {steps[0].title}{more}"
    lines = (
        [f"# {_md(head)}", "", f"As of {result.today.isoformat()}, most important first.", ""]
        if markdown
        else [f"{head} ({result.today.isoformat()})"]
    )
    for number, step in enumerate(steps, 1):
        due = f" (due {step.due.isoformat()})" if step.due else ""
        if markdown:
            lines += [f"{number}. **{_md(step.title)}**{due}  ", f"   {_md(step.why)}  ", f"   `{_step_action(step, site)}`"]
        else:
            lines += [f"{number:>2}. {step.title}{due}", f"    {step.why}", f"    -> {_step_action(step, site)}"]
    return lines


def _md(text: str) -> str:
    """Text from the user's files, inert in Markdown: no markup, links or HTML of its own."""
    return "".join("\\" + char if char in "\\`*_[]<>#|!~" else char for char in text)


@main.command(short_help="What is due today, most important first; exit 1 when anything is.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the shape is in the README).")
@click.option("--markdown", is_flag=True, help="Print Markdown, for an issue or a note.")
def status(as_json: bool, markdown: bool) -> None:
    """Print the dashboard's next steps: what is due today, why, and the exact action.

    Exits with 0 when nothing is due, 1 when something is (for scripts and
    scheduled jobs), and 2 when the site cannot be read.
    """
    if as_json and markdown:
        raise click.UsageError("choose one of --json and --markdown")
    try:
        site = load_site(None)
        result = compute_next_steps(_load_content(site), site.settings, build_today())
    except (click.ClickException, CareerfolioError, OSError) as exc:
        # 1 means "something is due": a site that cannot be read must not look like that.
        raise _Unreadable(exc.message if isinstance(exc, click.ClickException) else str(exc)) from None
    if as_json:
        click.echo(json.dumps(status_json(result, site), indent=2, ensure_ascii=False))
    else:
        for line in status_lines(result, site, markdown):
            click.echo(line)
    if result.steps:
        raise SystemExit(1)


@main.command(short_help="Write the dates that fall due as an iCalendar file.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write; careerfolio.ics in the site by default. Only a file this command wrote is replaced.",
)
def calendar(output: Path | None) -> None:
    """Write the next check-up, contacts, decisions, revisits and the layoff plan's review as an .ics file.

    Import it into any calendar; a newer file moves the events instead of adding new ones.
    The file names private things: it is written outside the content folder, and no build includes it.
    """
    site = load_site(None)
    target = (output if output is not None else site.root / "careerfolio.ics").resolve()
    if target.is_relative_to(site.docs_dir.resolve()):
        raise click.ClickException(f"{target} is inside the content folder, where a build could publish it; choose a file outside it")
    today = build_today()
    text = render_calendar(collect_reminders(_load_content(site), site.settings, today), today, uid_domain(site.root.resolve().name))
    if target.exists():
        try:
            with target.open(encoding="utf-8", newline="") as handle:
                ours = is_ours(handle.read())
        except (OSError, UnicodeDecodeError):
            ours = False
        if not ours:
            raise click.ClickException(f"{_shown_path(target)} exists and was not written by careerfolio calendar; nothing was written")
        replace_own(target, text)
    else:
        write_new(target, text, rename_on_clash=False)
    click.echo(f"Wrote {_shown_path(target)}")


# -- other site engines ------------------------------------------------------------


@main.command(short_help="Write one audience's site source for any site engine (Zensical, ProperDocs, MkDocs).")
@click.option("--audience", type=click.Choice(["public", "private"]), default="public", show_default=True, help="Which site to export.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="The export's folder; build/careerfolio-public or build/careerfolio-private in the site's folder by default.",
)
@click.option("--watch", is_flag=True, help="Keep the export current while files change (checks every second).")
def export(audience: Literal["public", "private"], out: Path | None, watch: bool) -> None:
    """Write the pages, files and engine config (mkdocs.yml) of one audience's site into a folder.

    A public export holds only what may be published. Build it with the engine,
    then check the result: `zensical build -f build/careerfolio-public/mkdocs.yml`
    and `careerfolio guard build/careerfolio-public/site`.
    """
    site = load_site(None)
    folder = out if out is not None else site.root / DEFAULT_OUT[audience]
    docs, target = site.docs_dir.resolve(), folder.resolve()
    if target.is_relative_to(docs) or docs.is_relative_to(target):
        # The engine would then read the export as content, or the export read itself (a site found
        # by the zensical.toml that points Zensical at the export, with no mkdocs.yml beside it).
        raise click.ClickException(f"{_shown_path(folder)} and the content folder {_shown_path(site.docs_dir)} overlap; export elsewhere")
    check_out_folder(folder, audience)
    stamp = None
    while True:
        stamp = source_stamp(site)
        staged = stage_site(site, audience, build_today())
        for problem in staged.problems:
            click.echo(f"{_display_prefix(site)}{problem.format()}", err=True)
        changed = write_staged(staged, folder)
        click.echo(f"{_shown_path(folder)}: {len(changed)} file{'s' * (len(changed) != 1)} written or removed")
        if not watch:
            return
        try:
            while source_stamp(site) == stamp:
                time.sleep(1)
        except KeyboardInterrupt:
            return
        site = load_site(site.root)


@main.command(short_help="Check a built public site for private text; exit 1 naming what leaked where.")
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--theme-dir",
    "theme_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A theme's folder whose files the site may copy unchanged (repeatable); installed engines' themes are found alone.",
)
def guard(site_dir: Path, theme_dirs: tuple[Path, ...]) -> None:
    """Scan SITE_DIR, built by any engine, for text and names of private files of the nearest site.

    Each hit names the output file and the private source file, never the text.
    """
    site = load_site(None)
    staged = stage_site(site, "public", build_today())
    secrets = build_secrets(staged.corpus, unpublished=staged.unpublished, public_text=guard_public_text(site))
    hits = scan_site(site_dir, secrets, trusted_dirs=[*installed_theme_dirs(), *theme_dirs])
    for hit in hits:
        click.echo(hit.format())
    if hits:
        raise click.ClickException(f"{site_dir}: {len(hits)} problem{'s' * (len(hits) != 1)} above; do not publish it")
    click.echo(f"{_shown_path(site_dir)}: no private text found")


# -- import ------------------------------------------------------------------------


@main.group(name="import", short_help="Bring a career in from a LinkedIn export or a JSON Resume.")
def import_group() -> None:
    """Write the records of a LinkedIn data export or a JSON Resume as private content files.

    Existing files are never changed, and records the site has already are skipped,
    so running an import again writes nothing.
    """


@import_group.command(short_help="Import a LinkedIn data export (the ZIP or its folder).")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--contacts", is_flag=True, help="Import your connections as contacts too (always private).")
@click.option("--dry-run", is_flag=True, help="List what would be written; write nothing.")
def linkedin(path: Path, contacts: bool, dry_run: bool) -> None:
    """Import the profile, positions, skills, education, certifications, projects, publications, honors and languages at PATH."""
    site = load_site(None)  # before the export is read: without a site there is nowhere to write
    try:
        result = read_linkedin(path, contacts)
    except LinkedInExportError as exc:
        raise click.ClickException(str(exc)) from None
    _run_import(site, result, dry_run)


@import_group.command(short_help="Import a JSON Resume (resume.json).")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="List what would be written; write nothing.")
def jsonresume(path: Path, dry_run: bool) -> None:
    """Import the basics, work, skills, education, certificates, projects, publications, awards and languages of PATH."""
    site = load_site(None)
    try:
        result = read_jsonresume(path)
    except ResumeError as exc:
        raise click.ClickException(str(exc)) from None
    _run_import(site, result, dry_run)


def _run_import(site: SiteConfig, result: ReadResult, dry_run: bool) -> None:
    """Plan the records into the site, write them (unless a dry run), and report each: exit 1 when any was left out."""
    files = read_tree(site.docs_dir) if site.docs_dir.is_dir() else []
    plan = plan_import(result, files, site.settings, build_today())
    for skipped in plan.skipped:
        if skipped.repeat_of is not None:
            click.echo(f"Skipped {skipped.origin}: the same {skipped.kind} as {skipped.repeat_of}")
        else:
            click.echo(f"Skipped {skipped.origin}: the {skipped.kind} is in {_shown_path(site.docs_dir / skipped.existing)} already")
    for note in plan.notes:
        click.echo(f"Note: {note.format()}" if not note.left_out else note.format(), err=note.left_out)
    if dry_run:
        for planned in plan.files:
            click.echo(f"Would write {_shown_path(site.docs_dir / planned.path)}")
    else:
        try:
            for planned in plan.files:
                # One file at a time, each reported as it lands: if the disk fills, what was written is listed.
                written = write_new(site.docs_dir / planned.path, planned.text, rename_on_clash=planned.kind != "profile")
                click.echo(f"Wrote {_shown_path(written)}")
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}cannot be written ({exc.strerror}); the files listed above were written") from None
    if result.contacts_not_read:
        click.echo(f"Note: {result.contacts_not_read} connections were not imported; add --contacts to import them as private contacts")
    left_out = sum(1 for note in plan.notes if note.left_out)
    verb = "would write" if dry_run else "wrote"
    count_files, there = len(plan.files), len(plan.skipped)
    click.echo(
        f"Import {verb} {count_files} file{'s' * (count_files != 1)}; {there} record{'s were' if there != 1 else ' was'} there already,"
        f" {left_out} could not be imported."
    )
    if left_out:
        raise SystemExit(1)
