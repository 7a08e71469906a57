"""`careerfolio new`: a file of the right type in the right folder, which check accepts, never over another."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from careerfolio.authoring.newfile import NEW_TYPES, plan_new_file, slugify, write_new
from careerfolio.content.loader import parse_source
from careerfolio.content.schema import CONTENT_TYPES
from careerfolio.settings import Settings
from cli_support import assert_clean, copy_example, run, snapshot
from helpers import TODAY

TITLES = {
    "entry": "Shipped the billing API: v2 #3",
    "skill": "C++",
    "role": "Staff Engineer at Globex",
    "contact": "Zoë Ünal",
    "decision": "Move to Munich?",
    "education": "TU München",
    "certification": "Certified Kubernetes Administrator",
    "project": "Berlin transit dashboard",
    "publication": "Streaming joins in practice",
    "award": "Engineer of the year",
    "page": "Reading list",
}
EXPECTED_PATHS = {
    "entry": f"content/journal/{TODAY.year}/{TODAY.isoformat()}-shipped-the-billing-api-v2-3.md",
    "skill": "content/skills/cpp.md",
    "role": "content/roles/globex-staff-engineer.md",
    "contact": "content/network/zoe-unal.md",
    "decision": "content/decisions/move-to-munich.md",
    "education": "content/education/tu-munchen.md",
    "certification": "content/certifications/certified-kubernetes-administrator.md",
    "project": "content/projects/berlin-transit-dashboard.md",
    "publication": "content/publications/streaming-joins-in-practice.md",
    "award": "content/awards/engineer-of-the-year.md",
    "page": "content/reading-list.md",
}
# The field that carries the title, and the title as it reads back.
TITLE_FIELDS = {
    "entry": ("title", TITLES["entry"]),
    "skill": ("name", "C++"),
    "role": ("title", "Staff Engineer"),
    "contact": ("name", "Zoë Ünal"),
    "decision": ("title", "Move to Munich?"),
    "education": ("institution", "TU München"),
    "certification": ("name", "Certified Kubernetes Administrator"),
    "project": ("name", "Berlin transit dashboard"),
    "publication": ("title", "Streaming joins in practice"),
    "award": ("title", "Engineer of the year"),
    "page": ("title", "Reading list"),
}


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Cut the nightly batch from 6 h to 40 min", "cut-the-nightly-batch-from-6-h-to-40-min"),
        ("Zoë Ünal — Straße", "zoe-unal-strasse"),
        ("C# and F# and C++", "csharp-and-fsharp-and-cpp"),
        ("   ???   ", "untitled"),
        ("🎉🎉", "untitled"),
        ("word " * 30, "word-" * 11 + "word"),
        ("Привет, мир", "privet-mir"),
        ("数据管道迁移", "shu-ju-guan-dao-qian-yi"),
        ("Ελληνικά δοκιμή", "ellenika-dokime"),
        ("Łódź, þorn, æble, øre", "lodz-thorn-aeble-ore"),
    ],
    ids=["plain", "accents", "symbols", "nothing-left", "emoji-only", "long", "cyrillic", "chinese", "greek", "latin-letters-nfkd-keeps"],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slugify(title)) <= 60


@pytest.mark.parametrize("type_name", NEW_TYPES)
def test_template_lists_every_field_of_its_type(type_name: str) -> None:
    planned = plan_new_file(type_name, TITLES[type_name], TODAY, Settings())
    source = parse_source(planned.path, planned.text.encode())
    ctype = CONTENT_TYPES[type_name]
    front = planned.text.split("---\n")[1]
    for field in ctype.fields:
        if field.name == "visibility" and ctype.always_private:
            assert "visibility" not in front
            continue
        set_line = f"\n{field.name}:" in "\n" + front
        commented = f"\n# {field.name}:" in "\n" + front
        assert set_line != commented, field.name  # present exactly one way
        assert field.description in front
        if field.required:
            assert field.name in source.meta
    assert source.problems == ()


@pytest.mark.parametrize("type_name", NEW_TYPES)
def test_new_writes_each_type_from_a_subfolder_and_check_accepts_it(tmp_path: Path, type_name: str) -> None:
    site = copy_example(tmp_path / "career")
    cwd = site / "content" / "journal" / "2024"
    result = run(cwd, "new", type_name, TITLES[type_name])
    assert result.exit_code == 0, result.output
    printed = result.output.strip()
    written = (cwd / printed).resolve()
    assert written == (site / EXPECTED_PATHS[type_name]).resolve()
    meta = parse_source(type_name, written.read_bytes()).meta
    field, value = TITLE_FIELDS[type_name]
    assert meta[field] == value
    if "date" in CONTENT_TYPES[type_name].field_names:
        assert meta["date"] == TODAY.isoformat()
    assert_clean(site)


def test_new_entry_names_the_current_role(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    result = run(site, "new", "entry", "Something good")
    meta = parse_source("e.md", (site / result.output.strip()).read_bytes()).meta
    assert meta["role"] == "acme-senior-data-engineer"  # the example's only role without an end
    assert "visibility" not in meta  # private until the user says otherwise


@pytest.mark.parametrize("type_name", NEW_TYPES)
def test_new_on_a_site_made_by_init(tmp_path: Path, type_name: str) -> None:
    assert run(tmp_path, "init", "mine").exit_code == 0
    result = run(tmp_path / "mine", "new", type_name, TITLES[type_name])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mine" / result.output.strip()).is_file()
    assert_clean(tmp_path / "mine")


def test_a_clashing_slug_gets_a_number_and_the_first_file_is_untouched(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    first = site / run(site, "new", "skill", "Rust").output.strip()
    first.write_text("---\nname: Rust\nlevel: 2\n---\nMy own notes.\n")
    before = first.read_bytes()
    second = run(site, "new", "skill", "Rust").output.strip()
    third = run(site, "new", "skill", "rust!").output.strip()
    assert (second, third) == ("content/skills/rust-2.md", "content/skills/rust-3.md")
    assert first.read_bytes() == before
    assert_clean(site)


@pytest.mark.parametrize(
    ("title", "name"),
    [("Привет, мир", "privet-mir"), ("数据管道迁移", "shu-ju-guan-dao-qian-yi"), ("Ελληνικά δοκιμή", "ellenika-dokime")],
    ids=["cyrillic", "chinese", "greek"],
)
def test_a_title_in_any_script_names_its_file_and_keeps_naming_it_alike(tmp_path: Path, title: str, name: str) -> None:
    site = copy_example(tmp_path / "career")
    first = run(site, "new", "skill", title).output.strip()
    first_text = (site / first).read_bytes()
    second = run(site, "new", "skill", title).output.strip()
    # Transliterated, not "untitled"; the same title gives the same stem, and the file already there keeps its name.
    assert (first, second) == (f"content/skills/{name}.md", f"content/skills/{name}-2.md")
    assert (site / first).read_bytes() == first_text
    assert_clean(site)


def test_write_new_never_follows_a_link_at_the_target(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    (tmp_path / "a.md").symlink_to(outside)  # dangling: open(..., "w") would create outside.txt
    written = write_new(tmp_path / "a.md", "text")
    assert written.name == "a-2.md" and not outside.exists()


def test_write_new_without_renaming_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("mine")
    with pytest.raises(FileExistsError):
        write_new(target, "theirs", rename_on_clash=False)
    assert target.read_text() == "mine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "role", "Founder"], "needs its organization"),
        (["new", "entry", "   "], "must not be empty"),
        (["new", "checkup", "x"], "Invalid value"),
    ],
    ids=["role-without-organization", "empty-title", "unknown-type"],
)
def test_bad_requests_write_nothing_and_show_no_traceback(tmp_path: Path, args: list[str], message: str) -> None:
    site = copy_example(tmp_path / "career")
    before = snapshot(site)
    result = run(site, *args)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output
    assert snapshot(site) == before


def test_new_outside_a_site_says_so(tmp_path: Path) -> None:
    result = run(tmp_path, "new", "entry", "Lost")
    assert result.exit_code == 1 and "no mkdocs.yml found" in result.output
    assert list(tmp_path.iterdir()) == []


def test_edit_opens_the_new_file_in_the_editor(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write('Edited in the editor.\\n')\n")
    command = f"{sys.executable} {editor}"
    result = run(site, "new", "--edit", "entry", "Opened", env={"EDITOR": command, "VISUAL": command})
    assert result.exit_code == 0, result.output
    text = (site / result.output.strip()).read_text()
    assert text.endswith("Edited in the editor.\n")
    assert_clean(site)


def test_a_page_titled_like_a_special_file_does_not_become_it(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    (site / "content" / "layoff-plan.md").unlink()
    result = run(site, "new", "page", "Layoff plan")
    assert result.output.strip() == "content/page-layoff-plan.md"
    assert not (site / "content" / "layoff-plan.md").exists()
    assert_clean(site)
