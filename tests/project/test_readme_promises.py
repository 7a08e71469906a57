# ruff: noqa: E501  (the quotes are whole README sentences and the test ids whole names: cut, neither could be searched for)
"""Every sentence of README.md that promises behaviour, quoted, beside the tests that show it.

From a sentence to its tests: search this file for a few of its words. From a
test to its sentence: search this file for the test's name. The first two tests
below fail when a quoted sentence is no longer in the README (change the quote
with the sentence) or a named test no longer exists. Promises that no other
test showed have their own tests at the end of this file, each quoting its
sentence in its docstring. Measured figures (times, memory, ratios) report the
runs they name and are not promises.
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from careerfolio.content.corpus import load_corpus
from careerfolio.plan.model import BuildContext
from careerfolio.settings import Settings
from careerfolio.views.charts import Marker, Polyline, build_history_chart
from careerfolio.views.exports import build_resume_data
from careerfolio.views.portfolio import build_portfolio_view
from helpers import REPO, TODAY, build, make_checkup, make_entry, make_profile, make_role, make_skill, run_mkdocs, soup, write_site

README = REPO / "README.md"
# The reference moved from the README to docs/: a promise may be kept on any of these pages.
DOCS = sorted((REPO / "docs").glob("*.md"))


def _documentation() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in [README, *DOCS])


THIS = "tests/project/test_readme_promises.py"

# (sentence of the README, the tests that show it). Quotes are compared with whitespace collapsed.
PROMISES: list[tuple[str, tuple[str, ...]]] = [
    # -- the top, Quick start --------------------------------------------------------------
    (
        "Nothing is public unless its file says `visibility: public`.",
        (
            "tests/e2e/test_build.py::test_public_build_holds_only_public_pages",
            "tests/e2e/test_privacy_build.py::test_no_private_marker_in_the_public_site",
        ),
    ),
    (
        "Both create their own virtual environment in `.venv/` and install what they need from this repository",
        (f"{THIS}::test_make_site_and_make_test_make_their_own_environment",),
    ),
    (
        "`make private` builds the private dashboard into `site-private/` (git-ignored)",
        (
            "tests/e2e/test_build.py::test_private_build_goes_to_site_private_with_a_marker",
            f"{THIS}::test_make_site_and_make_test_make_their_own_environment",
        ),
    ),
    (
        "It runs `mkdocs serve --dirty`, which after a save rebuilds only the pages that show the saved file",
        (
            "tests/unit/adapters/mkdocs/test_serve_dirty.py::test_a_dirty_rebuild_redoes_the_role_and_skill_pages_of_a_saved_entry",
            "tests/unit/adapters/mkdocs/test_serve_dirty.py::test_a_dirty_rebuild_leaves_generated_pages_that_show_nothing_of_the_save_alone",
        ),
    ),
    (
        "A change to `mkdocs.yml` or a template still rebuilds every page, and a deleted file's page is removed.",
        (
            "tests/unit/adapters/mkdocs/test_serve_dirty.py::test_a_dirty_rebuild_after_a_template_or_config_edit_redoes_every_page",
            "tests/unit/adapters/mkdocs/test_serve_dirty.py::test_a_dirty_rebuild_removes_the_pages_of_deleted_files",
        ),
    ),
    # -- Your content, Checking your files ---------------------------------------------------
    (
        "Everything else under `content/` is an ordinary page, private unless it says `visibility: public`.",
        (
            "tests/unit/content/test_corpus.py::test_classify_by_folder",
            "tests/e2e/test_build.py::test_public_build_holds_only_public_pages",
        ),
    ),
    (
        "prints one line per problem in the form linters use, then a summary",
        ("tests/e2e/cli/test_cli_check.py::test_errors_exit_1_with_one_line_each_and_no_private_value",),
    ),
    (
        "careerfolio check          # from anywhere inside the site",
        ("tests/e2e/cli/test_cli_check.py::test_finds_the_site_from_a_folder_inside_it",),
    ),
    (
        "It exits 1 on errors (and, with `--strict`, on warnings).",
        (
            "tests/e2e/cli/test_cli_check.py::test_errors_exit_1_with_one_line_each_and_no_private_value",
            "tests/e2e/cli/test_cli_check.py::test_warnings_pass_unless_strict",
        ),
    ),
    (
        "Messages name the file, the line, the field and what is wrong; they never quote a value, because build logs of public repositories are public.",
        (
            "tests/e2e/cli/test_cli_check.py::test_errors_exit_1_with_one_line_each_and_no_private_value",
            "tests/e2e/test_privacy_build.py::test_no_private_marker_in_the_build_log",
        ),
    ),
    (
        "`mkdocs build` reports the same problems as warnings of the `careerfolio` plugin, so `mkdocs build --strict` fails on them; "
        "without `--strict`, a file with an error is left out of the build and everything else is built.",
        (
            "tests/e2e/test_build.py::test_strict_fails_on_a_problem_and_names_it",
            "tests/e2e/test_build.py::test_without_strict_a_broken_file_is_left_out_and_the_rest_builds",
        ),
    ),
    (
        "front matter must start on the first line with exactly `---`; duplicate keys, YAML's yes/no words where a word is wanted, "
        "numbers where text is wanted that YAML would write another way",
        (
            "tests/unit/content/test_fixtures.py::test_bad_fixture_yields_exactly_its_expected_problem",
            "tests/unit/content/test_loader.py::test_duplicate_keys_are_errors_anywhere_in_the_tree",
            "tests/unit/content/test_loader.py::test_four_dashes_are_not_a_delimiter",
        ),
    ),
    ("A byte-order mark and CRLF line ends are fine.", ("tests/unit/content/test_loader.py::test_bom_and_crlf_are_read_like_plain_lf",)),
    (
        '"Today" is the build date; set `SOURCE_DATE_EPOCH` to fix it.',
        ("tests/unit/content/test_urls_dates.py::test_today_honours_source_date_epoch",),
    ),
    # -- Plugin options, How it is built ------------------------------------------------------
    (
        "`mkdocs serve` shows the private site, so it serves only on the loopback address unless `serve_private_on_any_address` is true.",
        (f"{THIS}::test_serve_refuses_an_address_other_than_loopback",),
    ),
    (
        "The core never imports MkDocs; only its adapter, `adapters/mkdocs/`, does.",
        ("tests/project/test_layers.py::test_only_the_mkdocs_adapter_imports_mkdocs",),
    ),
    (
        "one definition also yields JSON Schema.",
        ("tests/unit/authoring/test_editor.py::test_schemas_reject_what_the_validator_rejects",),
    ),
    (
        "The package declares exactly what it imports (`tests/project/test_dependencies.py` checks both ways)",
        (
            "tests/project/test_dependencies.py::test_every_imported_distribution_is_declared",
            "tests/project/test_dependencies.py::test_every_declared_dependency_is_imported_or_says_why_not",
        ),
    ),
    (
        "Builds keep the theme's and careerfolio's compiled templates in `~/.cache/careerfolio/templates` "
        "(or `$XDG_CACHE_HOME/careerfolio/templates`; set `CAREERFOLIO_CACHE_DIR` to choose another folder).",
        (
            "tests/unit/views/test_compiled.py::test_the_cache_folder_can_be_chosen",
            "tests/unit/views/test_compiled.py::test_a_later_build_reuses_the_code_compiled_by_an_earlier_one",
        ),
    ),
    (
        "Jinja checks the cached code against each template's source, so an edited template is compiled again, "
        "and a folder that cannot be written only costs that half second.",
        (
            "tests/unit/views/test_compiled.py::test_an_edited_template_is_compiled_again",
            "tests/unit/views/test_compiled.py::test_a_cache_folder_that_cannot_be_written_only_costs_the_compile",
        ),
    ),
    (
        "Deleting the folder is always safe.",
        (
            "tests/unit/views/test_compiled.py::test_a_damaged_cache_file_is_compiled_over",
            "tests/unit/views/test_compiled.py::test_a_cache_file_cut_short_is_compiled_over",
        ),
    ),
    # -- The portfolio -------------------------------------------------------------------------
    (
        "It is built from public content only (`visibility: public`); in a private build the same pages are a preview of what would be published.",
        (
            "tests/unit/views/test_portfolio.py::test_only_public_records_reach_the_view_even_from_a_full_corpus",
            "tests/e2e/test_portfolio_build.py::test_the_private_build_previews_exactly_the_public_portfolio",
        ),
    ),
    (
        "the home: name, headline, location, email and links from `profile.md`, its summary, the current role, the pinned entries "
        '(the three newest when none is pinned), every public skill with its level, the public education, certifications, projects, publications and talks, awards and languages, links to the résumé, `resume.json` ("Download résumé") and the feed ("Subscribe").',
        (
            "tests/e2e/test_portfolio_build.py::test_home_is_the_site_root_with_the_profile",
            "tests/unit/views/test_portfolio.py::test_pinned_entries_are_featured_and_recent_ones_stand_in_without_any",
            f"{THIS}::test_the_home_shows_the_profiles_contacts_skills_and_exports",
        ),
    ),
    (
        "When you have a public `index.md` of your own it stays the root, and the home moves to `/portfolio/`",
        (
            "tests/e2e/test_portfolio_build.py::test_a_users_public_index_stays_and_the_home_moves",
            "tests/unit/views/test_portfolio.py::test_home_moves_to_portfolio_only_for_an_index_this_build_shows",
        ),
    ),
    (
        "the relative links of your profile's summary (Markdown links, images, reference definitions, raw HTML `href` and `src`) "
        "are rewritten to lead to the same places from there.",
        (
            "tests/unit/content/test_relink.py::test_each_link_form_is_rewritten_once_relative_to_the_new_place",
            "tests/e2e/test_portfolio_build.py::test_every_link_form_of_the_profile_leads_to_the_same_place_when_the_home_moves",
        ),
    ),
    (
        "A generated page never replaces a file of yours: where careerfolio would write a page or file (`feed.xml`, `resume.json`, "
        "`assets/careerfolio/`, `dashboard/data.json`, a portfolio page) over one of yours that the build includes, yours is kept, "
        "and an error names it, so `--strict` stops the build.",
        (
            "tests/e2e/test_collisions.py::test_a_users_file_at_a_generated_path_stops_a_strict_build_and_wins_otherwise",
            "tests/unit/views/test_portfolio.py::test_a_generated_page_never_replaces_a_users_page",
        ),
    ),
    (
        "the 50 newest public journal entries, by year, with their kind, impact, role and skills, and a link to every year",
        (
            "tests/e2e/test_portfolio_build.py::test_the_achievements_page_shows_the_newest_and_each_year_has_a_page",
            "tests/e2e/test_portfolio_build.py::test_achievements_are_by_year_newest_first",
        ),
    ),
    (
        "every public entry of that year, newest first",
        ("tests/e2e/test_portfolio_build.py::test_the_achievements_page_shows_the_newest_and_each_year_has_a_page",),
    ),
    (
        "one page per public entry: date, kind, impact, skills and role (the public ones), tags, then your text",
        ("tests/e2e/test_portfolio_build.py::test_an_entry_page_names_public_skills_and_role_only",),
    ),
    (
        "the public skills, highest level first, each with how many public entries name it",
        (
            "tests/unit/views/test_portfolio.py::test_evidence_of_a_skill_is_the_public_entries_that_name_it",
            f"{THIS}::test_the_skills_page_puts_the_highest_level_first_with_its_count",
        ),
    ),
    (
        "one page per public skill: level, category, since, last used, and its evidence, the 25 newest public entries that name it, "
        "with how many there are in all",
        (
            "tests/e2e/test_portfolio_build.py::test_a_skill_page_lists_its_public_evidence",
            "tests/e2e/test_portfolio_build.py::test_the_timeline_and_a_skill_page_show_the_newest_and_count_the_rest",
        ),
    ),
    (
        "the public roles as a timeline, newest first, each with its 10 newest public entries and a link to the role's page, which lists them all",
        (
            "tests/e2e/test_portfolio_build.py::test_experience_is_a_timeline_of_public_roles_with_their_entries",
            "tests/e2e/test_portfolio_build.py::test_the_timeline_and_a_skill_page_show_the_newest_and_count_the_rest",
        ),
    ),
    (
        "a one-page résumé for printing: no navigation, print styles for A4 and Letter",
        (
            "tests/e2e/test_portfolio_build.py::test_resume_page_hides_navigation_and_resume_json_is_valid",
            "tests/browser/test_print.py::test_the_example_resume_prints_on_one_page",
        ),
    ),
    (
        "No page lists every entry",
        (
            "tests/e2e/test_portfolio_build.py::test_the_achievements_page_shows_the_newest_and_each_year_has_a_page",
            "tests/e2e/test_portfolio_build.py::test_the_timeline_and_a_skill_page_show_the_newest_and_count_the_rest",
            "tests/e2e/test_portfolio_build.py::test_the_feed_carries_the_newest_entries",
        ),
    ),
    (
        "A private skill or role named by a public entry is left out of that entry wherever it appears; "
        "the five levels and `people` of an entry are never published, nor a skill's `target`.",
        (
            "tests/unit/views/test_portfolio.py::test_a_private_skill_on_a_public_entry_is_never_named",
            "tests/e2e/test_portfolio_build.py::test_an_entry_page_names_public_skills_and_role_only",
            "tests/unit/content/test_corpus.py::test_public_subset_strips_private_links_and_people",
            f"{THIS}::test_levels_people_and_target_are_never_published",
        ),
    ),
    (
        "Only `https:`, `http:`, `mailto:` and relative URLs become links.",
        (
            "tests/unit/content/test_urls_dates.py::test_safe_link",
            "tests/unit/views/test_portfolio.py::test_unsafe_links_are_dropped_and_safe_ones_kept",
            "tests/e2e/test_xss.py::test_no_link_to_a_script_url",
        ),
    ),
    (
        "The pages use `assets/careerfolio/portfolio.css`, which each page links to itself",
        (
            "tests/e2e/test_portfolio_build.py::test_home_is_the_site_root_with_the_profile",
            "tests/e2e/test_fragments.py::test_every_stylesheet_link_leads_to_a_file",
        ),
    ),
    (
        "the page margins fit both A4 and Letter, and only the résumé itself is printed.",
        (
            "tests/browser/test_print.py::test_the_example_resume_prints_on_one_page",
            "tests/browser/test_print.py::test_printout_has_no_navigation_and_no_blank_page",
        ),
    ),
    # -- Exports ---------------------------------------------------------------------------------
    (
        "`resume.json` at the site root, in the [JSON Resume](https://jsonresume.org) format.",
        ("tests/unit/views/test_exports.py::test_resume_json_is_valid_json_resume_with_public_content_only",),
    ),
    (
        "`feed.xml`, an Atom feed of the 50 newest public journal entries.",
        (
            "tests/e2e/test_portfolio_build.py::test_the_feed_carries_the_newest_entries",
            "tests/unit/views/test_exports.py::test_feed_has_one_entry_per_public_entry_newest_first",
        ),
    ),
    (
        "Its links are absolute when `site_url` is set in `mkdocs.yml`, relative otherwise.",
        (
            "tests/unit/views/test_exports.py::test_feed_links_are_absolute_when_the_site_url_is_known",
            "tests/unit/views/test_exports.py::test_feed_has_one_entry_per_public_entry_newest_first",
        ),
    ),
    (
        "An entry's Atom id is made from its file's path, never from its URL, so setting or changing `site_url` later "
        "does not make feed readers show every entry again",
        ("tests/e2e/test_portfolio_build.py::test_feed_ids_stay_the_same_when_site_url_is_set_later",),
    ),
    ('Every page names it in a `<link rel="alternate">`, so feed readers find it.', (f"{THIS}::test_every_page_names_the_feed",)),
    (
        "On the home page, a schema.org `ProfilePage` whose `mainEntity` is a `Person`, as JSON-LD.",
        ("tests/unit/views/test_exports.py::test_home_page_carries_a_profile_page_about_a_person",),
    ),
    (
        "the role's public entries of kind `achievement`, pinned first, then newest",
        ("tests/unit/views/test_portfolio.py::test_role_highlights_are_its_achievements_pinned_first",),
    ),
    ("(the printed résumé shows five per role)", (f"{THIS}::test_the_printed_resume_shows_five_highlights_per_role",)),
    # -- Publish your portfolio ---------------------------------------------------------------------
    (
        "`mkdocs build` makes the **public** portfolio in `site/`: only files with `visibility: public`, and the images or documents those pages link to.",
        (
            "tests/e2e/test_build.py::test_public_build_holds_only_public_pages",
            "tests/e2e/test_redteam.py::test_a_file_linked_only_from_a_header_is_published",
        ),
    ),
    (
        "(`CAREERFOLIO_AUDIENCE=private mkdocs build` makes the private dashboard in `site-private/`; never publish that folder.)",
        ("tests/e2e/test_build.py::test_private_build_goes_to_site_private_with_a_marker",),
    ),
    (
        "builds the public site with `--strict` (the leak guard runs at the end of the build) and pushes only the finished site "
        "to a separate **public** repository",
        (
            "tests/e2e/test_deploy.py::test_workflows_build_the_public_site_strictly_before_publishing",
            "tests/e2e/test_deploy.py::test_the_push_step_publishes_one_commit_of_the_public_site",
        ),
    ),
    (
        "it does nothing until `PUBLIC_SITE_REPOSITORY` is set; it stops at once when the repository it runs in is public; "
        "it refuses a public repository that is the same as the one it runs in",
        (
            "tests/e2e/test_deploy.py::test_the_public_repo_workflow_refuses_to_run_in_a_public_repository",
            "tests/e2e/test_deploy.py::test_the_push_step_refuses_a_missing_or_same_target",
        ),
    ),
    ("it checks GitHub's host key against the published one", (f"{THIS}::test_the_publish_workflow_pins_githubs_published_host_key",)),
    (
        "it pushes one commit, replacing the previous one, written by a no-reply author and naming no commit of your private repository.",
        ("tests/e2e/test_deploy.py::test_the_push_step_publishes_one_commit_of_the_public_site",),
    ),
    (
        "careerfolio's messages name files, never their text.",
        (
            "tests/e2e/test_privacy_build.py::test_no_private_marker_in_the_build_log",
            "tests/unit/privacy/test_guard.py::test_hit_message_names_files_never_text",
        ),
    ),
    (
        "builds the public site with `--strict` and deploys it with GitHub's own Pages actions",
        ("tests/e2e/test_deploy.py::test_workflows_build_the_public_site_strictly_before_publishing",),
    ),
    (
        "With careerfolio it deploys only the public build: it refuses `CAREERFOLIO_AUDIENCE=private`, `audience: private` and `--dirty`, "
        "and the leak guard stops it before the push.",
        (
            "tests/e2e/test_deploy.py::test_gh_deploy_refuses_the_private_site",
            "tests/e2e/test_deploy.py::test_gh_deploy_refuses_private_option_and_dirty_builds",
            "tests/e2e/test_deploy.py::test_a_stale_leak_in_the_site_folder_stops_the_push",
            "tests/e2e/test_deploy.py::test_gh_deploy_pushes_no_private_text",
        ),
    ),
    (
        "Set `CAREERFOLIO_SPEED_TRICKS=off` to build without any of them; the pages are the same either way",
        ("tests/e2e/test_speed_tricks.py::test_the_example_builds_the_same_with_and_without_the_speed_tricks",),
    ),
    (
        "The shared theme pieces step aside whenever your `custom_dir` holds any partial.",
        ("tests/e2e/test_speed_tricks.py::test_a_users_nav_item_partial_is_rendered_for_every_page",),
    ),
    # -- Privacy guarantees ---------------------------------------------------------------------------
    (
        "Only Markdown files with exactly `visibility: public` are built, and only the non-Markdown files that those pages link to "
        "(plus the `extra_css`/`extra_javascript` files named in `mkdocs.yml`, unless they lie in an always-private folder) are copied.",
        (
            "tests/e2e/test_build.py::test_public_build_holds_only_public_pages",
            "tests/e2e/test_redteam.py::test_a_file_linked_only_from_a_header_is_published",
            "tests/e2e/test_privacy_build.py::test_style_sheets_named_in_mkdocs_yml_are_published",
            "tests/e2e/test_redteam.py::test_a_style_sheet_or_script_of_an_always_private_folder_is_never_copied",
        ),
    ),
    (
        "Everything else is taken out before MkDocs renders anything, so it is in no page, nav, search index, sitemap (`.xml` or `.gz`), "
        "`404.html`, previous/next link, tag, feed or file name.",
        (
            "tests/e2e/test_privacy_build.py::test_no_private_marker_in_the_public_site",
            "tests/e2e/test_privacy_build.py::test_the_public_build_passes_its_leak_guard",
        ),
    ),
    (
        "Check-ups, contacts, decisions and the layoff plan are always private; `people` is never published.",
        (
            "tests/unit/content/test_fixtures.py::test_bad_fixture_yields_exactly_its_expected_problem",
            "tests/unit/content/test_corpus.py::test_public_subset_strips_private_links_and_people",
        ),
    ),
    (
        "A page is any file MkDocs renders: `.md`, `.markdown`, `.mdown`, `.mkd` and `.mkdn` alike, and `careerfolio check` reads the same files.",
        (
            "tests/e2e/test_redteam.py::test_a_private_page_with_any_markdown_suffix_stays_private",
            "tests/e2e/test_redteam.py::test_a_page_with_a_markdown_suffix_is_checked_like_any_other",
        ),
    ),
    (
        "`visibility: public` on one is an error and it is never published.",
        ("tests/e2e/test_redteam.py::test_public_visibility_deep_in_an_always_private_folder_is_refused",),
    ),
    (
        "is never built, whatever its front matter says, and its text is given to the leak guard.",
        ("tests/e2e/test_redteam.py::test_a_public_file_that_mkdocs_leaves_out_is_not_built",),
    ),
    (
        "finds every link a browser would follow",
        (
            "tests/e2e/test_redteam.py::test_a_link_to_a_private_page_is_removed_in_every_form",
            "tests/e2e/test_redteam.py::test_a_link_in_decomposed_unicode_to_a_private_page_is_removed",
            "tests/unit/privacy/test_htmllinks.py::test_every_form_a_browser_follows_is_a_link",
        ),
    ),
    (
        "A path in code, in a title or in running text is not a link, so it never causes a file to be copied. Files under an always-private folder are never copied, linked or not.",
        (
            "tests/e2e/test_redteam.py::test_a_file_a_public_page_only_mentions_is_not_copied",
            "tests/e2e/test_redteam.py::test_a_file_mentioned_in_an_entry_title_or_impact_is_not_copied",
            "tests/e2e/test_redteam.py::test_a_linked_file_is_copied_and_one_in_an_always_private_folder_never",
            "tests/unit/privacy/test_htmllinks.py::test_text_that_only_names_a_path_is_no_link",
        ),
    ),
    (
        "It writes only into a folder whose name says `private`",
        ("tests/e2e/test_redteam.py::test_a_private_build_never_writes_into_the_configured_site_dir",),
    ),
    (
        "publishes nothing private (the red-team suite builds with each)",
        ("tests/e2e/test_redteam.py::test_another_plugin_publishes_nothing_private_or_is_refused",),
    ),
    (
        "HTML comments are removed.",
        (
            "tests/unit/privacy/test_redaction.py::test_comments_are_removed_and_lines_keep_their_numbers",
            "tests/e2e/test_privacy_build.py::test_comments_that_markdown_extensions_add_are_removed_from_public_pages",
        ),
    ),
    (
        "A link to a page that is not public is removed (its text stays) and reported as",
        (
            "tests/e2e/test_privacy_build.py::test_the_link_to_a_private_page_is_reported_and_removed",
            "tests/unit/privacy/test_redaction.py::test_the_message_never_names_the_hidden_page",
        ),
    ),
    (
        "A `nav:` entry in `mkdocs.yml` for such a page is left out.",
        ("tests/e2e/test_privacy_build.py::test_an_explicit_nav_entry_for_a_private_page_is_left_out",),
    ),
    (
        "**What is never built:** files saved as `.MD`, editor backups such as `entry.md~` (unless a public page links to them), "
        "and links (symlinks) that point out of the docs folder.",
        (
            "tests/e2e/test_privacy_build.py::test_no_private_marker_in_the_public_site",
            "tests/unit/content/test_loader.py::test_read_tree_does_not_enter_linked_folders",
        ),
    ),
    (
        "A link inside it that leads into an always-private folder (`people -> network`, `shared.md -> checkups/2026-03-01.md`) is "
        "left out too: a file is as private under a link's name as under its own, in a build and in a public export.",
        (
            "tests/e2e/test_redteam.py::test_a_link_into_an_always_private_folder_publishes_nothing",
            "tests/e2e/test_redteam.py::test_a_public_export_follows_no_link_into_an_always_private_folder",
        ),
    ),
    (
        "**Refused:** public builds with `--dirty` (stale pages would survive), `pymdownx.snippets` (by any name it loads by, such as "
        "`pymdownx.snippets:SnippetExtension`) whose `base_path` contains or lies inside the docs folder or with `restrict_base_path` off, "
        "and the `macros` plugin whose "
        "`include_dir` does (its default is the docs folder), or whose folder holds a link into the docs folder: either could include "
        "a private file, check-up scores too short for the "
        "leak guard to find. `careerfolio export` refuses the same for a public export, whose engine runs with your "
        "`markdown_extensions` from the site's folder. Also refused: `gh-deploy` of the private site.",
        (
            "tests/unit/privacy/test_guard.py::test_a_dirty_public_build_is_refused",
            "tests/e2e/test_privacy_build.py::test_snippets_that_can_reach_docs_are_refused_in_public_builds",
            "tests/e2e/test_redteam.py::test_an_include_that_can_reach_private_files_is_refused",
            "tests/e2e/test_redteam.py::test_an_include_folder_with_a_link_into_the_docs_folder_is_refused",
            "tests/e2e/test_redteam.py::test_a_public_export_refuses_snippets_that_reach_the_content_folder",
            "tests/e2e/test_deploy.py::test_gh_deploy_refuses_the_private_site",
        ),
    ),
    (
        "Every front matter value is escaped wherever it lands: page text, attributes, `<title>`, meta tags, SVG, JSON-LD.",
        (
            "tests/e2e/test_xss.py::test_no_injected_element_or_attribute",
            "tests/e2e/test_xss.py::test_svg_takes_no_links_or_foreign_content_from_data",
            "tests/e2e/test_portfolio_build.py::test_hostile_front_matter_stays_text_in_titles_and_pages",
        ),
    ),
    (
        "every regular file in the site folder, dot files and dot folders included (MkDocs never cleans them), `.gz` files decompressed, and the name of every file, folder and link;",
        (
            "tests/unit/privacy/test_guard.py::test_scan_reads_dot_files_and_gzip",
            "tests/unit/privacy/test_guard.py::test_scan_reads_file_names",
            "tests/unit/privacy/test_guard.py::test_an_empty_folder_with_a_private_name_is_found",
            "tests/unit/privacy/test_guard.py::test_every_member_of_a_gzip_file_is_read",
        ),
    ),
    (
        "It never opens a link. A larger file, a link (a stale `site/.x -> /dev/zero` included) or anything else that is not a regular file is reported and fails the build, as a leak does;",
        (
            "tests/unit/privacy/test_guard.py::test_a_link_is_a_name_never_read",
            "tests/unit/privacy/test_guard.py::test_a_file_over_the_cap_is_reported_not_passed",
            "tests/unit/privacy/test_guard.py::test_a_stale_link_to_dev_zero_fails_the_build_without_being_read",
        ),
    ),
    (
        "text as lowercase words, after undoing JSON escapes",
        (
            "tests/unit/privacy/test_guard.py::test_needles_are_found_in_every_encoding",
            "tests/unit/privacy/test_guard.py::test_a_needle_split_by_escaped_tags_is_found",
            "tests/unit/privacy/test_guard.py::test_text_escaped_twice_is_found",
            "tests/unit/privacy/test_guard.py::test_characters_and_tags_inside_a_word_do_not_split_it",
            "tests/unit/privacy/test_guard.py::test_block_boundaries_still_separate_words",
        ),
    ),
    (
        "On a leak the message names the output and the private source file, never the text; the leaking files, links and folders are deleted, and so are the folders this leaves empty.",
        (
            "tests/unit/privacy/test_guard.py::test_a_planted_leak_fails_the_build_and_names_files_only",
            "tests/unit/privacy/test_guard.py::test_hit_message_names_files_never_text",
            "tests/unit/privacy/test_guard.py::test_removing_leaks_removes_the_folders_it_empties",
            "tests/unit/privacy/test_guard.py::test_leaking_folders_are_removed_with_their_files",
        ),
    ),
    (
        "**every run of 4 words** of a line, wherever it starts, and a shorter line whole, so that a copy of any part of a sentence is found",
        (
            "tests/unit/privacy/test_guard.py::test_part_of_a_long_sentence_is_found",
            "tests/unit/privacy/test_guard.py::test_a_copy_of_any_four_words_is_found_wherever_it_starts",
        ),
    ),
    (
        "a needle has **at least 2 words and 8 characters, or is one word of at least 12 characters, and has at least 4 letters**.",
        ("tests/unit/privacy/test_guard.py::test_needle_rule",),
    ),
    (
        "it appears in a public record, in the site settings of `mkdocs.yml` (site name, description, author, copyright, nav titles, `extra`) or in the theme's and careerfolio's templates; or",
        (
            "tests/unit/privacy/test_guard.py::test_text_shared_with_a_public_record_is_not_a_needle",
            "tests/unit/privacy/test_guard.py::test_text_the_site_publishes_anyway_is_not_a_needle",
        ),
    ),
    (
        "**public blocks side by side can form it**",
        (
            "tests/unit/privacy/test_guard.py::test_public_titles_side_by_side_are_no_leak",
            "tests/unit/privacy/test_guard.py::test_a_short_public_text_between_two_others_is_no_leak",
            "tests/unit/privacy/test_guard.py::test_public_titles_side_by_side_do_not_stop_the_build",
            "tests/unit/privacy/test_guard_reference.py::test_no_false_alarm_on_public_text_side_by_side",
        ),
    ),
    (
        "Files identical to the theme's own are not read again.",
        ("tests/unit/privacy/test_guard.py::test_trusted_copies_are_skipped_but_changed_copies_are_read",),
    ),
    # -- Writing your career ----------------------------------------------------------------------------
    (
        "every command works from any folder inside the site (it looks upward for `mkdocs.yml`), uses today's date "
        "(or `SOURCE_DATE_EPOCH` when set), and never overwrites a file: files are created exclusively, and what it writes passes `careerfolio check`.",
        (
            "tests/unit/authoring/test_newfile.py::test_new_writes_each_type_from_a_subfolder_and_check_accepts_it",
            "tests/unit/authoring/test_newfile.py::test_write_new_without_renaming_refuses_an_existing_file",
            "tests/unit/authoring/test_checkup.py::test_a_second_checkup_on_the_same_day_gets_a_new_file",
            "tests/unit/insights/test_report.py::test_output_writes_a_new_file_and_refuses_an_existing_one",
            "tests/unit/authoring/test_editor.py::test_schema_refuses_to_overwrite_and_writes_nothing",
        ),
    ),
    (
        "The new site builds at once (`mkdocs build --strict`).",
        ("tests/e2e/cli/test_cli_init.py::test_the_new_site_builds_strictly_and_publishes_only_the_person",),
    ),
    (
        "It holds\n`mkdocs.yml` (named after you, with a dark-mode toggle and no font from\nanother site)",
        (
            "tests/e2e/cli/test_cli_init.py::test_init_starts_a_clean_career_named_after_the_person",
            "tests/e2e/cli/test_cli_init.py::test_the_new_site_has_a_dark_mode_toggle_and_no_google_fonts",
            "tests/e2e/cli/test_cli_init.py::test_the_default_publishing_is_the_safe_private_to_public_one",
            "tests/e2e/cli/test_cli_init.py::test_init_includes_the_schemas_that_the_schema_command_makes",
        ),
    ),
    (
        "Each workflow installs exactly the careerfolio version\nthat wrote it.",
        ("tests/e2e/cli/test_cli_init.py::test_the_workflows_install_exactly_this_careerfolio",),
    ),
    (
        "adds a tour\ninstead: private files dated relative to today, each marked EXAMPLE, and never\na current role.",
        (
            "tests/e2e/cli/test_cli_init.py::test_the_tour_is_private_marked_dated_from_today_and_has_no_current_role",
            "tests/e2e/cli/test_cli_init.py::test_the_tour_publishes_none_of_its_examples",
        ),
    ),
    (
        "`init` refuses a folder that is not empty and changes nothing in it.",
        ("tests/e2e/cli/test_cli_init.py::test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing",),
    ),
    (
        "The file lands in the type's folder with a name made from the title (journal entries get the date in front: `journal/YEAR/DATE-slug.md`).",
        ("tests/unit/authoring/test_newfile.py::test_new_writes_each_type_from_a_subfolder_and_check_accepts_it",),
    ),
    (
        'Titles in any script are transliterated: "Привет, мир" is named `privet-mir.md`, "数据管道迁移" `shu-ju-guan-dao-qian-yi.md`; '
        "a title with no letters or digits at all is named `untitled.md`.",
        (
            "tests/unit/authoring/test_newfile.py::test_slugify",
            "tests/unit/authoring/test_newfile.py::test_a_title_in_any_script_names_its_file_and_keeps_naming_it_alike",
        ),
    ),
    (
        "The file lists every field of its type: required fields are filled in (today's date, the title, the role you hold now "
        "for a journal entry), optional ones are comments with their meaning, ready to uncomment.",
        (
            "tests/unit/authoring/test_newfile.py::test_template_lists_every_field_of_its_type",
            "tests/unit/authoring/test_newfile.py::test_new_entry_names_the_current_role",
        ),
    ),
    (
        'A role\'s title is written "Job title at Organization".',
        (
            "tests/unit/authoring/test_newfile.py::test_new_writes_each_type_from_a_subfolder_and_check_accepts_it",
            "tests/unit/authoring/test_newfile.py::test_bad_requests_write_nothing_and_show_no_traceback",
        ),
    ),
    (
        "If the name is taken, the new file gets `-2`, `-3`, ... and the existing file is left as it is.",
        ("tests/unit/authoring/test_newfile.py::test_a_clashing_slug_gets_a_number_and_the_first_file_is_untouched",),
    ),
    ("`--edit` opens the new file in `$EDITOR`", ("tests/unit/authoring/test_newfile.py::test_edit_opens_the_new_file_in_the_editor",)),
    (
        "New files are private: add `visibility: public` to publish one.",
        ("tests/unit/authoring/test_newfile.py::test_new_entry_names_the_current_role",),
    ),
    (
        "For each level, bottom to top, it shows the level's meaning, the previous score and the journal entries for that level "
        "since the last check-up, then asks for a score from 1 to 5 (again, until the answer is one; Enter keeps the previous score).",
        (
            "tests/unit/authoring/test_checkup.py::test_interactive_checkup_reasks_on_bad_input_and_writes_the_file",
            "tests/unit/authoring/test_checkup.py::test_evidence_is_each_levels_entries_since_the_previous_checkup",
        ),
    ),
    (
        "Then it shows the previous check-up's actions and asks of each open one whether it is done; those you mark are added to "
        "that check-up's `done` list, every other byte of the file kept.",
        (
            "tests/unit/authoring/test_checkup.py::test_a_person_runs_a_checkup_in_a_terminal",
            "tests/unit/authoring/test_checkup.py::test_marking_done_keeps_every_other_byte_of_the_previous_checkup",
        ),
    ),
    (
        "It shows a summary, asks before writing, and writes `checkups/DATE.md`; when today's check-up exists it asks first "
        "whether to run another.",
        (
            "tests/unit/authoring/test_checkup.py::test_interactive_checkup_reasks_on_bad_input_and_writes_the_file",
            "tests/unit/authoring/test_checkup.py::test_a_person_runs_a_checkup_in_a_terminal",
            "tests/unit/authoring/test_checkup.py::test_the_summary_is_confirmed_before_anything_is_written",
            "tests/unit/authoring/test_checkup.py::test_a_second_checkup_the_same_day_asks_first_and_no_writes_nothing",
        ),
    ),
    (
        "Ctrl-C or the end of input at any point writes nothing.",
        (
            "tests/unit/authoring/test_checkup.py::test_end_of_input_writes_nothing",
            "tests/unit/authoring/test_checkup.py::test_ctrl_c_or_end_of_input_in_a_terminal_writes_nothing",
        ),
    ),
    ("To run it without questions:", ("tests/unit/authoring/test_checkup.py::test_scores_flag_needs_no_input",)),
    (
        "then each entry once, under its role, with its date, kind, levels, impact line, skills and its own text, and the skills used most;",
        ("tests/unit/insights/test_report.py::test_report_lists_each_entry_once_under_its_role_with_its_own_text",),
    ),
    (
        "Reflections, HTML comments and the people an entry names are left out; `--public` keeps only entries marked public.",
        (
            "tests/unit/insights/test_report.py::test_report_lists_each_entry_once_under_its_role_with_its_own_text",
            "tests/unit/insights/test_report.py::test_public_keeps_only_public_entries",
        ),
    ),
    (
        "It prints Markdown; `--output` writes a new file and refuses one that exists. `--until` defaults to today.",
        (
            "tests/unit/insights/test_report.py::test_output_writes_a_new_file_and_refuses_an_existing_one",
            "tests/unit/insights/test_report.py::test_until_defaults_to_today",
        ),
    ),
    (
        "`schema` writes a JSON Schema (draft 2020-12) of each content type's front matter into DIR",
        (
            "tests/unit/authoring/test_editor.py::test_every_example_file_validates_against_its_types_schema",
            "tests/unit/authoring/test_editor.py::test_schemas_reject_what_the_validator_rejects",
            "tests/unit/authoring/test_editor.py::test_frontmatter_json_maps_each_folder_to_its_content_type",
        ),
    ),
    (
        "DIR must lie outside the content folder, where MkDocs would publish it.",
        ("tests/unit/authoring/test_editor.py::test_schema_refuses_a_folder_inside_the_content",),
    ),
    (
        "If any of these files exists, nothing is written: delete them to make them anew. `init` includes both; given a DIR of "
        "your own, `schema` keeps an existing `frontmatter.json` and writes the schemas alone.",
        (
            "tests/unit/authoring/test_editor.py::test_schema_refuses_to_overwrite_and_writes_nothing",
            "tests/e2e/cli/test_cli_init.py::test_init_includes_the_schemas_that_the_schema_command_makes",
            "tests/unit/authoring/test_editor.py::test_schema_on_a_site_made_by_init_refuses_the_default_and_writes_a_folder_of_ones_own",
        ),
    ),
    (
        "Both write the profile, roles, skills, education, certifications, projects, publications, awards and languages "
        "as content files in the type's folder, and print each file they wrote.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_an_export_becomes_private_files_in_the_content_format_that_check_clean",
            "tests/unit/importing/test_import_jsonresume.py::test_a_resume_becomes_private_files_that_check_clean",
        ),
    ),
    (
        "Every file they write is private: publishing stays a choice you make per file. Everything they write passes `careerfolio check` "
        "and builds with `mkdocs build --strict`.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_an_export_becomes_private_files_in_the_content_format_that_check_clean",
            "tests/unit/importing/test_import_jsonresume.py::test_a_resume_becomes_private_files_that_check_clean",
            "tests/unit/importing/test_import_linkedin.py::test_imported_files_build_strictly_and_contacts_never_reach_the_public_site",
        ),
    ),
    (
        "Existing files are never changed, and a record the site has already is skipped and reported: the same role at the same "
        "organisation and start, a skill or contact of the same name, the profile when `profile.md` exists.",
        ("tests/unit/importing/test_import_linkedin.py::test_records_the_site_has_are_skipped_and_their_files_never_changed",),
    ),
    (
        "Running an import a second time writes nothing. `--dry-run` lists the files an import would write and writes none.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_a_second_import_writes_nothing_and_reports_every_record_as_there",
            "tests/unit/importing/test_import_jsonresume.py::test_a_second_import_writes_nothing",
            "tests/unit/importing/test_import_linkedin.py::test_dry_run_writes_nothing_and_lists_what_a_real_run_writes",
        ),
    ),
    (
        "`import linkedin` brings them in only with `--contacts`, as contacts in `network/` (always private) with their organisation, "
        "their position and the day you connected as `met`. No contact is ever named in a public build.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_contacts_are_imported_only_when_asked_for",
            "tests/unit/importing/test_import_linkedin.py::test_imported_files_build_strictly_and_contacts_never_reach_the_public_site",
        ),
    ),
    (
        "a byte-order mark, notes lines above the header, header names of other versions or languages, dates written `Mar 2019`, "
        "`12 Mar 2021`, `2019-03` or `2019`, with month names in English, German, French, Spanish, Portuguese, Italian or Dutch.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_an_export_becomes_private_files_in_the_content_format_that_check_clean",
            "tests/unit/importing/test_import_linkedin.py::test_missing_files_are_noted_and_other_headers_and_unknown_columns_read",
            "tests/unit/importing/test_import_linkedin.py::test_the_zip_imports_what_its_folder_does",
            "tests/unit/importing/test_import_dates.py::test_each_style_reads_as_the_same_date",
            "tests/unit/importing/test_import_jsonresume.py::test_a_byte_order_mark_is_read_past",
        ),
    ),
    (
        "A file saved again by a spreadsheet, as UTF-16 or with semicolons or tabs between the columns, is read too.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_a_file_saved_as_utf_16_text_with_tabs_by_a_spreadsheet_is_read",
            "tests/unit/importing/test_import_linkedin.py::test_a_file_saved_by_a_spreadsheet_with_semicolons_is_read",
        ),
    ),
    (
        "A file the export does not have is skipped with a note, and columns the import does not read are ignored.",
        ("tests/unit/importing/test_import_linkedin.py::test_missing_files_are_noted_and_other_headers_and_unknown_columns_read",),
    ),
    (
        "A record with a date it cannot read, with bytes that are not UTF-8, or (in a JSON Resume) a field that does not fit the JSON "
        "Resume schema, is left out alone, with a message that names the file, the line or place, and the field, never a value. "
        "The command then exits 1.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_bad_rows_are_located_left_out_and_never_quoted",
            "tests/unit/importing/test_import_jsonresume.py::test_schema_failures_are_located_where_the_schema_finds_them_and_cost_only_their_record",
            "tests/unit/importing/test_import_jsonresume.py::test_a_file_that_cannot_be_read_is_one_located_line_and_writes_nothing",
            "tests/unit/importing/test_import_dates.py::test_an_unreadable_date_raises_without_quoting_it",
        ),
    ),
    (
        "A role whose date has a year but no month gets January, with a note. A skill from LinkedIn, which gives no level, gets "
        "`level: 3`, and its text asks you to set your own.",
        (
            "tests/unit/importing/test_import_linkedin.py::test_a_year_without_a_month_is_written_as_january_with_a_note_and_a_skill_asks_for_its_level",
        ),
    ),
    # -- The dashboard -----------------------------------------------------------------------------------
    (
        "has a page at `/dashboard/`: where you stand on the five levels and what to do next.",
        (
            "tests/e2e/test_dashboard.py::test_every_section_is_shown",
            "tests/e2e/test_dashboard.py::test_the_example_career_renders_every_section",
        ),
    ),
    (
        "Every figure on it is a pure function of your files and the build's today (`SOURCE_DATE_EPOCH` fixes it).",
        (
            "tests/unit/insights/test_metrics.py::test_cadence",
            "tests/unit/content/test_urls_dates.py::test_today_honours_source_date_epoch",
        ),
    ),
    ("Public builds have no dashboard at all.", ("tests/e2e/test_dashboard.py::test_a_public_build_has_no_dashboard",)),
    (
        'Every page of a private build shows a "Private" banner at the top.',
        ("tests/e2e/test_dashboard.py::test_every_private_page_carries_the_private_marker_and_the_stylesheet",),
    ),
    (
        "The charts are inline SVG drawn at build time: no JavaScript and nothing from another site.",
        ("tests/e2e/test_dashboard.py::test_nothing_is_fetched_from_elsewhere",),
    ),
    (
        'Each has a title and a description for screen readers, and the same numbers as a table under "The numbers as a table".',
        ("tests/e2e/test_dashboard.py::test_now_shows_the_latest_scores_and_changes_as_a_chart_and_a_table",),
    ),
    ("The lines of the history chart also differ in dash and marker", (f"{THIS}::test_the_history_lines_differ_in_dash_and_marker",)),
    (
        "`check` and `mkdocs build --strict` agree: `check` also plans the public and the private build and reports their problems, such as a public entry that links to a private page.",
        ("tests/e2e/cli/test_cli_check.py::test_a_public_entry_linking_to_a_private_page_fails_check_as_it_fails_the_build",),
    ),
    (
        "It reads only what a build reads, leaving out dot files, `templates/` and what `exclude_docs` and `draft_docs` in `mkdocs.yml` match, matched as MkDocs matches them.",
        ("tests/e2e/cli/test_cli_check.py::test_check_leaves_out_what_mkdocs_leaves_out",),
    ),
    (
        "Every problem of a file is reported at once, an entry with errors still has its references checked, and a reference to a file that has errors names that file.",
        ("tests/e2e/cli/test_cli_check.py::test_every_problem_of_a_file_at_once_and_references_to_files_with_errors_say_so",),
    ),
    (
        "The private site never asks another site for anything.",
        ("tests/e2e/cli/test_cli_init.py::test_a_private_build_asks_no_other_site_whatever_the_theme_says",),
    ),
    (
        "Whenever something is missing: what to add first",
        (
            "tests/e2e/test_dashboard.py::test_an_empty_career_still_builds_a_dashboard_that_says_what_to_add_first",
            "tests/unit/insights/test_metrics.py::test_getting_started_shrinks_as_content_is_added",
        ),
    ),
    (
        "The latest check-up's five scores as a bar chart",
        (
            "tests/e2e/test_dashboard.py::test_now_shows_the_latest_scores_and_changes_as_a_chart_and_a_table",
            "tests/unit/insights/test_metrics.py::test_scores_are_the_latest_check_up_and_changes_are_against_the_one_before",
        ),
    ),
    ("One line per level across every check-up, dates to scale.", ("tests/e2e/test_dashboard.py::test_over_time_has_every_check_up",)),
    (
        "The lowest-scoring level of the latest check-up (on a tie, the lower level in the hierarchy) and three reflection prompts for it.",
        (
            "tests/unit/insights/test_metrics.py::test_focus_is_the_lowest_level_and_a_tie_goes_to_the_lower_one",
            "tests/e2e/test_dashboard.py::test_focus_cadence_and_evidence",
        ),
    ),
    (
        "Days since the last check-up and the next due date",
        ("tests/unit/insights/test_metrics.py::test_cadence", "tests/e2e/test_dashboard.py::test_focus_cadence_and_evidence"),
    ),
    (
        "Per level, the journal entries of the last 90 and 365 days; an entry counts for every level in its `levels`.",
        ("tests/unit/insights/test_metrics.py::test_evidence_counts_entries_per_level_in_the_last_90_and_365_days",),
    ),
    (
        "Entries per quarter by kind over the last 8 quarters, days since the last entry, and the longest gap between achievements in the last 365 days.",
        (
            "tests/unit/insights/test_metrics.py::test_entries_per_quarter_by_kind_over_the_last_eight_quarters",
            "tests/unit/insights/test_metrics.py::test_days_since_the_last_entry_ignores_future_entries",
            "tests/unit/insights/test_metrics.py::test_the_longest_gap_between_achievements_in_the_last_year",
        ),
    ),
    (
        "Skills below their `target`; skills going stale; the five most evidenced.",
        ("tests/unit/insights/test_metrics.py::test_skills_below_target_stale_and_most_evidenced",),
    ),
    (
        "Contacts overdue, and how many circles your contacts span.",
        ("tests/unit/insights/test_metrics.py::test_contacts_overdue_from_last_contact_or_journal_entries_naming_them",),
    ),
    (
        "Open decisions with each option's effect on the five levels side by side and the days left to `decide_by`",
        ("tests/unit/insights/test_metrics.py::test_open_decisions_with_days_left_and_decided_ones_due_for_a_revisit",),
    ),
    (
        "Tasks done out of all, and days since `reviewed`.",
        ("tests/unit/insights/test_metrics.py::test_layoff_plan_counts_tasks_and_days_since_review",),
    ),
    (
        "Every file left out because of an error, with all its problems, and the warnings of files that were built.",
        (
            "tests/e2e/test_dashboard.py::test_files_with_errors_are_listed",
            "tests/unit/insights/test_metrics.py::test_files_with_errors_are_listed_with_their_problems_and_left_out_of_every_figure",
        ),
    ),
    (
        "an entry dated 90 days ago is outside the 90-day window. Entries and check-ups dated after today count for nothing until their day comes.",
        (
            "tests/unit/insights/test_metrics.py::test_evidence_counts_entries_per_level_in_the_last_90_and_365_days",
            "tests/unit/insights/test_metrics.py::test_a_check_up_dated_after_today_counts_for_nothing_yet",
        ),
    ),
    (
        "**Unbacked**: a level scored 4 or 5 with no journal entry in the last 365 days.",
        ("tests/unit/insights/test_metrics.py::test_a_high_score_without_evidence_is_unbacked_and_a_low_one_with_plenty_is_underrated",),
    ),
    (
        "**Underrated**: a level scored 1 or 2 with 6 or more entries in the last 365 days",
        ("tests/unit/insights/test_metrics.py::test_a_high_score_without_evidence_is_unbacked_and_a_low_one_with_plenty_is_underrated",),
    ),
    (
        "**Going stale**: a skill whose latest evidence is `stale_after` days ago or more (default 365), or that has no evidence at all.",
        (
            "tests/unit/insights/test_metrics.py::test_skills_below_target_stale_and_most_evidenced",
            "tests/unit/insights/test_metrics.py::test_stale_after_is_a_setting",
        ),
    ),
    (
        "**Most evidenced**: the five skills named by the most journal entries, ever; ties go to the one with more entries in the last 365 days, then by name.",
        (
            "tests/unit/insights/test_metrics.py::test_skills_below_target_stale_and_most_evidenced",
            "tests/unit/insights/test_metrics.py::test_most_evidenced_shows_five_at_most",
        ),
    ),
    (
        "A contact with no contact on record is overdue. Due today is not overdue yet.",
        (
            "tests/unit/insights/test_metrics.py::test_contacts_overdue_from_last_contact_or_journal_entries_naming_them",
            "tests/unit/insights/test_metrics.py::test_the_default_contact_rhythm_is_a_setting",
        ),
    ),
    (
        "**Check-up overdue**: today is after the last check-up's date plus `checkup_every` days.",
        ("tests/unit/insights/test_metrics.py::test_cadence",),
    ),
    (
        "**Longest gap between achievements**: over the entries of kind `achievement` in the last 365 days",
        (
            "tests/unit/insights/test_metrics.py::test_the_longest_gap_between_achievements_in_the_last_year",
            "tests/unit/insights/test_metrics.py::test_the_gap_since_the_last_achievement_counts_and_runs_to_today",
        ),
    ),
    (
        "**Decisions to revisit**: decided, with a `revisit` date on or before today.",
        ("tests/unit/insights/test_metrics.py::test_open_decisions_with_days_left_and_decided_ones_due_for_a_revisit",),
    ),
    (
        "The private build writes the same figures to `dashboard/data.json`.",
        ("tests/e2e/test_dashboard.py::test_data_json_has_every_key_and_the_figures_of_the_fixture",),
    ),
    # -- Browser checks, the theme, Performance --------------------------------------------------------------
    (
        "No console error, uncaught exception, failed request or HTTP error is allowed, and every request whose host is not the loopback address is blocked",
        (
            "tests/browser/test_pages.py::test_page_shows_its_content_without_errors_or_outside_requests",
            "tests/browser/test_pages.py::test_the_guards_catch_a_page_that_calls_out",
        ),
    ),
    ("Any violation of impact serious or critical fails.", ("tests/browser/test_accessibility.py::test_axe_finds_no_serious_violation",)),
    (
        "gives Material's search dialog an accessible name",
        (
            "tests/browser/test_accessibility.py::test_search_opens_from_the_keyboard_as_a_named_dialog",
            "tests/e2e/test_fragments.py::test_every_page_has_the_named_search_dialog",
        ),
    ),
    (
        '`main.html` adds "Skip to content" as the first Tab stop',
        ("tests/browser/test_accessibility.py::test_the_first_tab_offers_to_skip_to_the_content",),
    ),
    (
        "Outside CI, a missing Chromium, Java, Playwright or npm package makes these checks skip with a message naming what is missing; with `CI=true` it makes them fail.",
        ("tests/browser/test_pages.py::test_a_missing_tool_skips_outside_ci_and_fails_in_ci",),
    ),
    (
        "Dates are `YYYY-MM-DD` strings; ids are file ids as in the content format; a value that does not exist yet (no check-up, no entry) is `null`.",
        (
            "tests/e2e/test_dashboard.py::test_data_json_has_every_key_and_the_figures_of_the_fixture",
            "tests/e2e/test_dashboard.py::test_an_empty_career_still_builds_a_dashboard_that_says_what_to_add_first",
        ),
    ),
    (
        'Past the due date, an "overdue" warning.',
        ("tests/e2e/test_dashboard.py::test_focus_cadence_and_evidence",),
    ),
    ("Flags (see below) come with a sentence saying what they mean.", ("tests/e2e/test_dashboard.py::test_focus_cadence_and_evidence",)),
    (
        "Evidence is `last_used` (a month or a year counts up to its last day, but not beyond today) or the date of a journal entry that names the skill in `skills`, whichever is later.",
        ("tests/unit/insights/test_metrics.py::test_skills_below_target_stale_and_most_evidenced",),
    ),
    (
        "the last contact (the later of `last_contact` and the latest journal entry naming the person in `people`) is more than `every` days ago (default: the plugin option `contact_every`, 90).",
        (
            "tests/unit/insights/test_metrics.py::test_contacts_overdue_from_last_contact_or_journal_entries_naming_them",
            "tests/unit/insights/test_metrics.py::test_the_default_contact_rhythm_is_a_setting",
        ),
    ),
    (
        "Then come the actions (one per line, an empty line ends the list) and a short reflection.",
        ("tests/unit/authoring/test_checkup.py::test_interactive_checkup_reasks_on_bad_input_and_writes_the_file",),
    ),
    (
        "TYPE is `entry`, `skill`, `role`, `contact`, `decision`, `education`, `certification`, `project`, `publication`, `award` "
        "or `page` (an ordinary page at the top of the content folder).",
        (
            "tests/unit/authoring/test_newfile.py::test_a_page_titled_like_a_special_file_does_not_become_it",
            "tests/unit/authoring/test_newfile.py::test_new_writes_each_type_from_a_subfolder_and_check_accepts_it",
            "tests/unit/authoring/test_newfile.py::test_bad_requests_write_nothing_and_show_no_traceback",
        ),
    ),
    (
        "Each file of a new type is private unless it says `visibility: public`, like every other file; a public one is shown on the portfolio home, on the printed résumé, in `resume.json` and on a page of its own.",
        (
            "tests/unit/views/test_sections.py::test_an_item_without_visibility_public_is_nowhere_in_the_public_site",
            "tests/unit/views/test_sections.py::test_the_printed_resume_lists_every_public_section",
            "tests/unit/views/test_sections.py::test_the_portfolio_home_lists_them_and_links_each_to_its_page",
            "tests/unit/views/test_sections.py::test_resume_json_carries_them_in_json_resume_sections_and_is_schema_valid",
        ),
    ),
    (
        "Languages are a field of `profile.md`, public when the profile is:",
        ("tests/unit/views/test_sections.py::test_a_private_profile_keeps_its_languages_private",),
    ),
    (
        "A public entry belongs to a variant when it has one of its tags or names one of its skills; a role belongs when it does (roles may carry `skills` and `tags` too) or when one of its entries does, and then shows only those entries.",
        ("tests/unit/views/test_variants.py::test_each_variant_lists_only_its_own_entries",),
    ),
    (
        "Each variant gets `/resume/<id>/` and `resume-<id>.json`, built from public content only; the default résumé stays at `/resume/`.",
        (
            "tests/unit/views/test_variants.py::test_each_variant_has_a_schema_valid_json_resume_and_the_default_stays",
            "tests/unit/views/test_variants.py::test_no_variant_shows_private_content",
        ),
    ),
    (
        "they hide Material's sidebars (`hide: [navigation, toc]`) and lead to each other through a row of links of their own",
        ("tests/e2e/test_look.py::test_portfolio_pages_have_no_documentation_chrome_and_lead_to_each_other",),
    ),
    (
        'so no "Made with Material for MkDocs" line shows',
        ("tests/e2e/test_look.py::test_portfolio_pages_have_no_documentation_chrome_and_lead_to_each_other",),
    ),
    (
        "each journal entry, skill, role and item page has a way back to the list it is on.",
        ("tests/e2e/test_look.py::test_each_record_page_has_a_way_back",),
    ),
    (
        'The list of entries is called "Achievements" when every public entry is an achievement and "Highlights" when other kinds are among them.',
        ("tests/e2e/test_look.py::test_entries_of_other_kinds_are_not_called_achievements",),
    ),
    (
        "a file is published because the public home links to it, and only then.",
        (
            "tests/e2e/test_look.py::test_the_photo_is_shown_and_published_and_other_files_are_not",
            "tests/e2e/test_look.py::test_a_private_profiles_photo_is_not_published",
        ),
    ),
    (
        "private ones included: an entry's levels, a contact's, a decision's and the layoff plan's facts",
        ("tests/unit/views/test_language.py::test_a_private_site_has_no_english_word_of_careerfolios_on_its_generated_pages",),
    ),
    (
        "the [dashboard](dashboard.md) (its next steps, charts, flags and the words around content problems) and a check-up's page follows `theme.language`",
        (
            "tests/unit/views/test_language.py::test_a_private_site_has_no_english_word_of_careerfolios_on_its_generated_pages",
            "tests/unit/views/test_language.py::test_an_empty_private_site_starts_in_the_language_too",
            "tests/unit/views/test_language.py::test_the_private_german_dashboard_writes_dates_and_numbers_the_german_way",
        ),
    ),
    (
        "A key ending in `_one` (`dash.more_steps_one`) is used instead of the key without it when its `{count}` is 1.",
        ("tests/unit/views/test_language.py::test_words_fields_dates_numbers_and_one_or_many",),
    ),
    (
        "the values put into their `{fields}` are always escaped.",
        ("tests/unit/views/test_language.py::test_words_fields_dates_numbers_and_one_or_many",),
    ),
    (
        "The command line stays English (`careerfolio status` prints the same next steps as the dashboard, in English)",
        ("tests/unit/views/test_language.py::test_the_dashboards_next_steps_say_in_english_what_the_command_line_says",),
    ),
    (
        "The dashboard says each content problem in the site's language: its message comes from the `problem.*` keys of the same files, with the problem's values put in (field names, line and column numbers, the values a field allows, a did-you-mean name, ids and file paths; never the words of a file), and the English file says exactly what the build log prints.",
        (
            "tests/unit/views/test_language.py::test_the_private_german_dashboard_writes_dates_and_numbers_the_german_way",
            "tests/unit/views/test_language.py::test_a_private_site_has_no_english_word_of_careerfolios_on_its_generated_pages",
            "tests/unit/views/test_problem_words.py::test_every_problem_id_is_in_every_catalogue_with_the_same_fields",
            "tests/unit/views/test_problem_words.py::test_the_english_catalogue_says_what_the_core_says_for_every_problem",
            "tests/unit/views/test_problem_words.py::test_no_language_shows_what_the_user_typed",
        ),
    ),
    (
        'One part stays English: when PyYAML reports a YAML error careerfolio has no words of its own for (such as `found unhashable key`), the dashboard keeps PyYAML\'s description after the translated "the YAML cannot be read (column 3):", marked `lang="en"` so that a screen reader reads it as English.',
        ("tests/unit/views/test_problem_words.py::test_values_are_escaped_and_file_words_shown_as_code",),
    ),
    (
        "English, German (`de`), French (`fr`) and Spanish (`es`) are shipped; a region such as `de-AT` uses its language, and any other language falls back to English.",
        (
            "tests/unit/views/test_language.py::test_a_german_site_has_no_english_word_of_careerfolios_on_its_pages",
            "tests/unit/views/test_language.py::test_every_shipped_language_has_every_message",
            "tests/unit/views/test_language.py::test_a_language_not_shipped_falls_back_to_english_and_a_region_to_its_language",
        ),
    ),
    (
        "its words go over those of `theme.language`, and a key careerfolio does not know stops the build with its name:",
        (
            "tests/unit/views/test_language.py::test_a_users_own_file_adds_or_overrides_words",
            "tests/unit/views/test_language.py::test_an_unknown_key_in_a_users_file_is_named",
        ),
    ),
    (
        "On a narrow screen dates stand above the titles they belong to.",
        ("tests/browser/test_dates.py::test_dates_stand_above_titles_on_a_phone_and_beside_them_on_a_desktop",),
    ),
    (
        "The tests validate it against schema version 1.3.1 of the npm package `@jsonresume/schema`, kept in `tests/schemas/`.",
        (
            "tests/unit/views/test_exports.py::test_resume_json_is_valid_json_resume_with_public_content_only",
            "tests/unit/views/test_exports.py::test_the_strict_schema_rejects_a_misspelt_key",
        ),
    ),
    (
        "each public skill: `name`, `level` in words (1 Novice, 2 Advanced beginner, 3 Competent, 4 Proficient, 5 Expert), `category`",
        ("tests/unit/views/test_exports.py::test_resume_json_is_valid_json_resume_with_public_content_only",),
    ),
    (
        "each public role: `organization`, `title`, `location`, `url`, `start`, `end`, and the first paragraph of its text",
        (
            "tests/unit/views/test_exports.py::test_resume_json_is_valid_json_resume_with_public_content_only",
            f"{THIS}::test_resume_json_maps_a_role_and_the_site_url_as_the_table_says",
        ),
    ),
    (
        "`site_url` of `mkdocs.yml`, when set",
        (
            "tests/unit/views/test_exports.py::test_resume_json_is_valid_json_resume_with_public_content_only",
            f"{THIS}::test_resume_json_maps_a_role_and_the_site_url_as_the_table_says",
        ),
    ),
    (
        "The text each must show is read from `content/`; the private banner shows on private pages only.",
        ("tests/browser/test_pages.py::test_page_shows_its_content_without_errors_or_outside_requests",),
    ),
    (
        "checks every page of both builds; any error fails, except in Material's own markup",
        (
            "tests/browser/test_html.py::test_no_html_error_in_careerfolios_markup",
            "tests/browser/test_html.py::test_the_filter_keeps_our_errors_and_drops_only_materials",
        ),
    ),
    (
        "It also underlines links inside running text (paragraphs, list items, table cells), which Material tells apart by colour alone (axe's link-in-text-block)",
        ("tests/browser/test_accessibility.py::test_axe_finds_no_serious_violation",),
    ),
    (
        "A second check reads every built HTML and CSS file for stylesheets, scripts, images or fonts loaded from elsewhere.",
        ("tests/browser/test_pages.py::test_no_built_file_makes_the_browser_fetch_from_elsewhere",),
    ),
    (
        "so the same error in careerfolio's markup still fails; a small canary page in each run proves it.",
        ("tests/browser/test_html.py::test_the_filter_keeps_our_errors_and_drops_only_materials",),
    ),
    (
        "The checker also validates, as CSS, every stylesheet careerfolio ships",
        ("tests/browser/test_html.py::test_careerfolios_stylesheets_are_valid_css",),
    ),
    (
        "No page may be blank and no text of the header, navigation, search or footer may appear.",
        ("tests/browser/test_print.py::test_printout_has_no_navigation_and_no_blank_page",),
    ),
    (
        "a long résumé must spill onto a second page without a blank one after it (a page that forces a blank second page proves the check sees one).",
        (
            "tests/browser/test_print.py::test_a_long_resume_has_no_blank_trailing_page",
            "tests/browser/test_print.py::test_the_page_check_sees_a_blank_trailing_page",
        ),
    ),
    (
        "switches the palette from the keyboard (Tab, Enter)",
        ("tests/browser/test_accessibility.py::test_the_palette_toggle_works_from_the_keyboard",),
    ),
    (
        "moves the mouse over each button of the home page (in both schemes) to run axe on its hover colours.",
        ("tests/browser/test_accessibility.py::test_hovered_buttons_keep_their_contrast",),
    ),
    (
        "`benchmarks/generate.py` writes the same seeded career three ways",
        (
            "tests/project/test_benchmarks.py::test_a_career_is_the_same_for_the_same_seed_and_differs_for_another",
            "tests/project/test_benchmarks.py::test_the_baseline_has_the_same_files_as_plain_pages_out_of_the_nav",
            "tests/project/test_benchmarks.py::test_blog_posts_carry_the_entries_in_the_blogs_own_front_matter",
        ),
    ),
    (
        "plain MkDocs on the baseline's files with Markdown and the page template stubbed out (`benchmarks/stub_hooks.py`)",
        ("tests/project/test_benchmarks.py::test_the_stubbed_build_writes_every_page_with_nothing_rendered",),
    ),
    (
        'the page is unchanged; search excerpts now read "Date: 2026-03-14. Kind: achievement."',
        (
            "tests/e2e/test_portfolio_build.py::test_search_excerpts_of_an_entry_separate_field_names_from_values",
            "tests/e2e/test_portfolio_build.py::test_search_reads_the_facts_as_text_while_the_page_keeps_its_header",
        ),
    ),
    (
        "the headings stay Markdown, for the table of contents, and the HTML between them goes around the parser.",
        (
            "tests/e2e/test_dashboard.py::test_the_dashboard_html_reaches_the_page_whole_and_search_reads_each_section",
            "tests/unit/plan/test_model.py::test_html_between_headings_is_kept_apart_only_when_it_is_whole_divs",
        ),
    ),
    (
        "Sticky tabs and partials from the user's `custom_dir` are rendered for each page.",
        (
            "tests/e2e/test_fragments.py::test_a_header_partial_from_the_users_custom_dir_is_rendered_for_each_page",
            "tests/e2e/test_fragments.py::test_sticky_tabs_mark_each_pages_own_section",
        ),
    ),
    (
        "`tests/e2e/test_fragments.py` checks every page's links, titles, stylesheets, footer, active item and settings.",
        (
            "tests/e2e/test_fragments.py::test_every_nav_link_on_every_page_leads_to_a_page_that_exists",
            "tests/e2e/test_fragments.py::test_every_header_shows_its_own_pages_title",
            "tests/e2e/test_fragments.py::test_every_stylesheet_link_leads_to_a_file",
            "tests/e2e/test_fragments.py::test_the_footer_of_each_page_in_the_nav_links_its_own_neighbours",
            "tests/e2e/test_fragments.py::test_a_page_in_the_nav_is_marked_active_and_a_page_outside_it_marks_nothing",
            "tests/e2e/test_fragments.py::test_the_theme_settings_on_every_page_lead_to_the_site_root_and_its_search_worker",
        ),
    ),
    (
        "Field line numbers are worked out only for files with a problem.",
        ("tests/unit/content/test_loader.py::test_field_lines_are_worked_out_only_when_a_problem_needs_them",),
    ),
    (
        "read leading `Key: value` lines as MultiMarkdown metadata, dropping them from the page; that is fixed too",
        ("tests/e2e/test_build.py::test_a_body_that_starts_like_multimarkdown_metadata_is_shown_whole",),
    ),
    (
        "unchanged files are neither read, parsed nor validated again",
        (
            "tests/unit/adapters/mkdocs/test_serve_dirty.py::test_a_corpus_rebuilt_from_cached_sources_checks_only_the_changed_file_again",
            "tests/unit/content/test_loader.py::test_the_source_cache_parses_a_file_again_only_when_its_bytes_change",
        ),
    ),
    (
        "with `--dirty` a generated page is rebuilt only when what it shows has changed.",
        (
            "tests/unit/adapters/mkdocs/test_serve_dirty.py::test_a_dirty_rebuild_leaves_generated_pages_that_show_nothing_of_the_save_alone",
        ),
    ),
    (
        "On a career of 1,000 files or more, `mkdocs serve` says so once and suggests `--dirty`.",
        ("tests/unit/adapters/mkdocs/test_serve_dirty.py::test_serve_on_a_long_career_suggests_dirty_rebuilds",),
    ),
    (
        "A test builds 3,000 seeded random documents both ways and requires the same values, errors and problems.",
        ("tests/unit/content/test_loader.py::test_the_fast_construction_builds_what_pyyamls_own_builds",),
    ),
    (
        "A test builds 5,000 seeded documents at the edge of that kind both ways and requires the same values, types and problems.",
        ("tests/unit/content/test_loader.py::test_front_matter_read_line_by_line_is_what_pyyaml_reads",),
    ),
    (
        "a file whose inode, size, modification and change times are those of the last build is not opened",
        ("tests/unit/adapters/mkdocs/test_serve_dirty.py::test_the_source_cache_reads_a_file_again_only_when_its_stamp_changes",),
    ),
    # -- ProperDocs and Zensical -------------------------------------------------------------
    (
        "a bare `zensical build` fails until `careerfolio export` has run, and then builds only the public export.",
        ("tests/e2e/test_engines.py::test_a_bare_zensical_build_fails_until_exported_and_then_builds_only_the_public_export",),
    ),
    (
        "ProperDocs, the maintained fork of MkDocs 1.6, runs the careerfolio plugin as MkDocs does",
        ("tests/e2e/test_engines.py::test_mkdocs_properdocs_and_zensical_publish_the_same_public_pages_and_nothing_private",),
    ),
    (
        "only the images and documents a public page links to, and a `mkdocs.yml` made from yours (nav included, careerfolio not listed)",
        ("tests/e2e/cli/test_cli_export.py::test_public_export_holds_only_public_pages_linked_assets_and_a_config_without_the_plugin",),
    ),
    (
        "It writes only files whose bytes changed, so an engine's own `serve` reloads quickly, and removes the pages that are no longer in the export",
        ("tests/e2e/cli/test_cli_export.py::test_export_writes_only_changed_files_and_removes_a_page_made_private",),
    ),
    (
        "A private export goes only to a folder whose name contains `private`, and never into a public export's folder.",
        ("tests/e2e/cli/test_cli_export.py::test_a_private_export_never_goes_to_a_folder_a_public_build_deploys",),
    ),
    (
        "exits 1 naming each output file and the private file it holds text of, never the text.",
        ("tests/e2e/cli/test_cli_export.py::test_guard_names_output_and_source_never_the_text_from_any_folder_of_the_site",),
    ),
    (
        "`mkdocs.yaml`, `properdocs.yml` or `zensical.toml`, in that order, reading YAML with MkDocs' loader (ProperDocs' when only it is installed), so `INHERIT` and `!ENV` work as in a build.",
        (
            "tests/unit/test_settings.py::test_without_mkdocs_properdocs_reads_properdocs_yml_with_inherit_and_env",
            "tests/unit/test_settings.py::test_a_site_with_only_zensical_toml_is_found_by_its_docs_dir",
            "tests/unit/test_settings.py::test_the_command_reads_mkdocs_yml_as_mkdocs_does",
        ),
    ),
    (
        "the export brings a Material template override that MkDocs, ProperDocs and Zensical all accept, which tells feed readers where `feed.xml` is",
        ("tests/e2e/test_engines.py::test_mkdocs_properdocs_and_zensical_publish_the_same_public_pages_and_nothing_private",),
    ),
    (
        'A private export\'s pages carry the "Private" banner in their text, so no theme can leave it out.',
        ("tests/e2e/cli/test_cli_export.py::test_a_private_export_never_goes_to_a_folder_a_public_build_deploys",),
    ),
]


def _collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")}


@pytest.mark.parametrize(("sentence", "tests"), PROMISES, ids=[sentence[:60] for sentence, _ in PROMISES])
def test_every_quoted_promise_is_still_in_the_readme(sentence: str, tests: tuple[str, ...]) -> None:
    assert _collapsed(sentence) in _collapsed(_documentation())


@pytest.mark.parametrize(("sentence", "tests"), PROMISES, ids=[sentence[:60] for sentence, _ in PROMISES])
def test_every_promise_names_tests_that_exist(sentence: str, tests: tuple[str, ...]) -> None:
    assert tests
    for test in tests:
        file, name = test.split("::")
        assert name in _test_names(REPO / file), test


def test_the_readme_says_where_its_promises_are_tested() -> None:
    assert "tests/project/test_readme_promises.py" in README.read_text(encoding="utf-8")


# -- promises that no other test showed --------------------------------------------------------------


def test_make_site_and_make_test_make_their_own_environment() -> None:
    """ "Both create their own virtual environment in `.venv/` and install what they need from this repository."
    and "`make private` builds the private dashboard into `site-private/` (git-ignored)"."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^VENV \?= \.venv$", makefile, re.MULTILINE)
    assert re.search(r"^\$\(BIN\)/activate:.*\n\t\$\(PYTHON\) -m venv \$\(VENV\)$", makefile, re.MULTILINE)
    for target in ("site", "test", "private"):
        prerequisites = re.search(rf"^{target}:(.*)$", makefile, re.MULTILINE)
        assert prerequisites and "$(VENV)/.installed" in prerequisites.group(1), target
    # From this repository's own files: the package itself, or the requirement files kept beside it.
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line]
    assert installs
    for line in installs:
        assert re.search(r"(-e \.|-e '\.\[\w+\]'|-r requirements/[\w-]+\.txt|--upgrade pip)$", line), line
    ignored = subprocess.run(["git", "check-ignore", "-q", "site-private/index.html"], cwd=REPO, capture_output=True, timeout=60)
    assert ignored.returncode == 0


def test_serve_refuses_an_address_other_than_loopback(tmp_path: Path) -> None:
    """ "`mkdocs serve` shows the private site, so it serves only on the loopback address unless
    `serve_private_on_any_address` is true." """
    write_site(tmp_path, [make_entry()])
    result = run_mkdocs(tmp_path, "serve", "--dev-addr", "0.0.0.0:8765")
    assert result.returncode != 0
    assert "serves only on the loopback address" in result.stderr


def test_the_publish_workflow_pins_githubs_published_host_key(tmp_path: Path) -> None:
    """ "it checks GitHub's host key against the published one": the key GitHub publishes is written
    to known_hosts, and nothing turns ssh's host key check off."""
    published = "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "publish-to-public-repo.yml").read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["publish"]["steps"] if s.get("name") == "Set up the deploy key")
    github_env = tmp_path / "github_env"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DEPLOY_KEY": "not a real key", "GITHUB_ENV": str(github_env)}
    result = subprocess.run(["bash", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".ssh" / "known_hosts").read_text().splitlines() == [published]
    whole = yaml.safe_dump(workflow)
    assert "StrictHostKeyChecking" not in whole and "ssh-keyscan" not in whole


def test_the_history_lines_differ_in_dash_and_marker() -> None:
    """ "The lines of the history chart also differ in dash and marker" """
    corpus = load_corpus([make_checkup("2026-01-01"), make_checkup("2026-06-01")])
    chart = build_history_chart(corpus.checkups)
    lines = [shape for shape in chart.shapes if isinstance(shape, Polyline)]
    markers = {(shape.color, shape.shape) for shape in chart.shapes if isinstance(shape, Marker)}
    assert len(lines) == 5 and len({line.dash for line in lines}) == 5
    assert len({shape for _, shape in markers}) == 5


def test_resume_json_maps_a_role_and_the_site_url_as_the_table_says() -> None:
    """ "each public role: `organization`, `title`, `location`, `url`, `start`, `end`, and the first paragraph
    of its text" and "`site_url` of `mkdocs.yml`, when set" (`basics.url`)."""
    role = make_role(
        "acme", organization="Acme Corp", title="Engineer", start="2021-06", end="2024-02", location="Berlin", url="https://acme.example"
    )
    role = (role[0], role[1].replace(b"The role.", b"Built the *data* platform.\n\nA second paragraph."))
    corpus = load_corpus([make_profile(), role])
    view = build_portfolio_view(corpus)
    settings = Settings()
    with_url = build_resume_data(view, BuildContext("public", TODAY, settings, site_url="https://dana.example/"))
    without = build_resume_data(view, BuildContext("public", TODAY, settings))
    assert with_url["work"] == [
        {
            "name": "Acme Corp",
            "position": "Engineer",
            "location": "Berlin",
            "url": "https://acme.example",
            "startDate": "2021-06",
            "endDate": "2024-02",
            "summary": "Built the data platform.",
        }
    ]
    assert with_url["basics"]["url"] == "https://dana.example/" and "url" not in without["basics"]


PROMISE_SITE = [
    make_profile(
        name="Dana Reyes",
        location="Berlin, Germany",
        email="dana@example.com",
        links=[{"label": "GitHub", "url": "https://github.com/example"}],
    ),
    make_role("acme", organization="Acme Corp", title="Senior Data Engineer", start="2020-02"),
    make_skill("python", name="Python", level=3),
    make_skill("sql", name="SQL", level=5, target=5),
    *(
        make_entry(path=f"journal/2025/win{i}.md", date=f"2025-0{i + 1}-10", title=f"Win number {i}", role="acme", skills=["python"])
        for i in range(7)
    ),
    make_entry(path="journal/2025/sql.md", date="2025-09-01", title="Query plans", role="acme", skills=["sql"], people=["jane-doe"]),
    ("network/jane-doe.md", b"---\nname: Jane Doe\ncircle: product\n---\nHow we met.\n"),
]


@pytest.fixture(scope="module")
def promise_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("promises"), PROMISE_SITE)


def test_every_page_names_the_feed(promise_site: Path) -> None:
    """'Every page names it in a `<link rel="alternate">`, so feed readers find it.'"""
    pages = sorted(promise_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        link = soup(page).find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, page
        href = str(link["href"])
        # 404.html is served at any depth, so MkDocs gives it links from the root.
        base = promise_site if href.startswith("/") else page.parent
        assert (base / href.lstrip("/")).resolve() == (promise_site / "feed.xml").resolve(), page
    ET.fromstring((promise_site / "feed.xml").read_bytes())


def test_the_home_shows_the_profiles_contacts_skills_and_exports(promise_site: Path) -> None:
    """ "the home: name, headline, location, email and links from `profile.md`, ..., every public skill
    with its level, links to the résumé, `resume.json` and the feed." """
    home = soup(promise_site / "index.html").find("article")
    assert home is not None
    text = home.get_text(" ", strip=True)
    assert "Berlin, Germany" in text
    hrefs = [str(a["href"]) for a in home.find_all("a", href=True)]
    assert "mailto:dana@example.com" in hrefs and "https://github.com/example" in hrefs
    assert {"resume/", "resume.json", "feed.xml"} <= set(hrefs)
    assert "Python" in text and "SQL" in text


def test_the_skills_page_puts_the_highest_level_first_with_its_count(promise_site: Path) -> None:
    """ "the public skills, highest level first, each with how many public entries name it" """
    cards = soup(promise_site / "skills" / "index.html").select("article .cf-card")
    names = [card.select_one(".cf-card__title").get_text(strip=True) for card in cards]  # type: ignore[union-attr]
    assert names == ["SQL", "Python"]
    assert "1 piece of evidence" in cards[0].get_text() and "7 pieces of evidence" in cards[1].get_text()


def test_the_printed_resume_shows_five_highlights_per_role(promise_site: Path) -> None:
    """ "(the printed résumé shows five per role)": of the role's eight achievements, the five newest."""
    role = soup(promise_site / "resume" / "index.html").select_one("article .cf-resume__role, article .cf-role")
    assert role is not None
    highlights = [li.get_text(" ", strip=True) for li in role.find_all("li")]
    assert len(highlights) == 5
    assert highlights[0].startswith("Query plans") and highlights[-1].startswith("Win number 3")


def test_levels_people_and_target_are_never_published(promise_site: Path) -> None:
    """ "the five levels and `people` of an entry are never published, nor a skill's `target`." """
    for page in promise_site.rglob("*"):
        if page.suffix in (".html", ".json", ".xml"):
            text = page.read_text(encoding="utf-8")
            assert "jane-doe" not in text and "Jane Doe" not in text, page
            assert "Job performance" not in text and "Target" not in text, page


def test_the_readme_starts_where_a_user_starts_and_links_pages_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 12 * 1024
    order = [
        "pipx install",
        "careerfolio init",
        "careerfolio new entry",
        "careerfolio checkup",
        "mkdocs serve",
        "## Publish safely",
        "make site",
        "make test",
    ]
    assert [text.index(step) for step in order] == sorted(text.index(step) for step in order)
    for target in re.findall(r"\]\((docs/[^)#]+|CHANGELOG\.md)", text):
        assert (REPO / target).is_file(), target
    assert "SPEC.md" not in _documentation()  # the format is docs/content-format.md, in the repository
