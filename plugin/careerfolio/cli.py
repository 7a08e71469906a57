"""The `careerfolio` command: checks and authoring, for use without MkDocs."""

from __future__ import annotations

from pathlib import Path

import click

from . import __version__
from .corpus import load_corpus
from .loader import read_tree
from .problems import count
from .siteconfig import SiteConfig, SiteConfigError, find_site_root, read_site_config


def load_site(path: Path | None) -> SiteConfig:
    """The site at `path` (a folder holding mkdocs.yml) or the nearest one upward."""
    try:
        root = find_site_root(path)
        return read_site_config(root)
    except SiteConfigError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    files = read_tree(site.docs_dir)
    corpus = load_corpus(files, site.settings)
    prefix = _display_prefix(site)
    for problem in corpus.problems:
        click.echo(f"{prefix}{problem.format()}")
    errors, warnings = count(list(corpus.problems))
    summary = f"{len(files)} files checked: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
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
