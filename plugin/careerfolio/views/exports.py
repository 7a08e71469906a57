"""Machine-readable copies of the portfolio: resume.json (JSON Resume), an Atom feed and JSON-LD.

All three are built from a `PortfolioView`, so they carry public content only.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from careerfolio.content.urls import page_url
from careerfolio.plan.model import BuildContext
from careerfolio.views.render import render_template

if TYPE_CHECKING:
    from careerfolio.views.portfolio import EntryCard, PortfolioPaths, PortfolioView
    from careerfolio.views.sections import ItemView

# The feed carries the newest entries only (see build_feed).
FEED_ENTRIES = 50
_WEB_SCHEMES = ("http", "https")


def site_link(context: BuildContext, src_path: str) -> str:
    """The link to a page from the site root: absolute when the site's URL is known, else relative."""
    path = page_url(src_path, context.use_directory_urls)
    if context.site_url:
        return context.site_url.rstrip("/") + "/" + path
    return path or "./"


def file_link(context: BuildContext, dest_path: str) -> str:
    """The link to a written file (such as feed.xml) from the site root."""
    return context.site_url.rstrip("/") + "/" + dest_path if context.site_url else dest_path


def _web_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, the only kind JSON Resume and schema.org take as a URI."""
    if url and urlsplit(url).scheme.lower() in _WEB_SCHEMES:
        return url
    return None


def _highlight(card: EntryCard) -> str:
    return f"{card.title}: {card.impact}" if card.impact else card.title


def _drop_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def build_resume_data(view: PortfolioView, context: BuildContext) -> dict[str, Any]:
    """The portfolio as a JSON Resume document: basics, work, skills, languages and the sections of `view.sections`."""
    profile = view.profile
    basics: dict[str, Any] = {}
    if profile is not None:
        basics = _drop_empty(
            {
                "name": profile.name,
                "label": profile.headline,
                "email": profile.email,
                "url": _web_url(context.site_url),
                "summary": profile.summary,
                "location": {"address": profile.location} if profile.location else None,
                "profiles": [{"network": link.label, "url": link.url} for link in profile.links],
            }
        )
    work = [
        _drop_empty(
            {
                "name": role.organization,
                "position": role.title,
                "location": role.location,
                "url": _web_url(role.url),
                "startDate": role.start,
                "endDate": role.end,
                "summary": role.summary,
                "highlights": [_highlight(card) for card in role.highlights],
            }
        )
        for role in view.roles
    ]
    skills = [
        _drop_empty(
            {
                "name": s.skill.name,
                "level": context.messages(f"level.{s.skill.level}"),
                "keywords": [s.skill.category] if s.skill.category else [],
            }
        )
        for s in view.skills
    ]
    languages = [_drop_empty({"language": lang.language, "fluency": lang.fluency}) for lang in view.languages]
    return _drop_empty({"basics": basics, "work": work, "skills": skills, "languages": languages, **_item_sections(view)})


def _item_sections(view: PortfolioView) -> dict[str, list[dict[str, Any]]]:
    """JSON Resume's education, certificates, projects, publications and awards; talks are publications there."""
    out: dict[str, list[dict[str, Any]]] = {}
    for section in view.sections:
        for item in section.items:
            key, data = _json_resume_item(item)
            out.setdefault(key, []).append(_drop_empty(data))
    return out


def _json_resume_item(item: ItemView) -> tuple[str, dict[str, Any]]:
    url = _web_url(item.url)
    if item.kind == "education":
        return "education", {
            "institution": item.name,
            "url": url,
            "area": item.area,
            "studyType": item.degree,
            "startDate": item.start,
            "endDate": item.end,
            "score": item.grade,
        }
    if item.kind == "certification":
        return "certificates", {"name": item.name, "date": item.start, "issuer": item.organization, "url": url}
    if item.kind == "project":
        return "projects", {
            "name": item.name,
            "description": item.summary,
            "startDate": item.start,
            "endDate": item.end,
            "url": url,
            "keywords": list(item.skills + item.tags),
        }
    if item.kind in ("publication", "talk"):
        return "publications", {
            "name": item.name,
            "publisher": item.organization,
            "releaseDate": item.start,
            "url": url,
            "summary": item.summary,
        }
    return "awards", {"title": item.name, "date": item.start, "awarder": item.organization, "summary": item.summary}


def build_resume(view: PortfolioView, context: BuildContext) -> str:
    """resume.json, as written to the site root.

    <, > and & are written as \\u escapes: the same values, yet safe if some page ever inlines the file.
    """
    text = json.dumps(build_resume_data(view, context), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def entry_id(card: EntryCard) -> str:
    """The Atom id of a journal entry: a name-based UUID of its file, the same in every build.

    Never the entry's URL: setting site_url, or changing it or use_directory_urls,
    would give every entry a new id, and feed readers would show them all as new.
    The key is the one builds without site_url have always used, so their ids stay.
    """
    return uuid.uuid5(uuid.NAMESPACE_URL, f"careerfolio:{card.path}").urn


# The feed's own id, for the same reason never its URL.
FEED_ID = uuid.uuid5(uuid.NAMESPACE_URL, "careerfolio:feed").urn


def build_feed(view: PortfolioView, context: BuildContext, paths: PortfolioPaths) -> str:
    """An Atom feed of the newest public journal entries, newest first.

    Readers poll a feed for what is new; a career's thousands of entries would
    make every poll download all of them.
    """
    updated = view.entries[0].date_iso if view.entries else context.today.isoformat()
    items = [(card, entry_id(card), site_link(context, card.path)) for card in view.entries[:FEED_ENTRIES]]
    return render_template(
        "portfolio/feed.xml",
        view=view,
        title=context.messages("feed.title", name=view.profile.name) if view.profile else context.messages("feed.title_anonymous"),
        author=view.profile.name if view.profile else "careerfolio",
        feed_id=FEED_ID,
        updated=updated,
        self_link=file_link(context, "feed.xml"),
        home_link=site_link(context, paths.home),
        items=items,
    )


def build_json_ld(view: PortfolioView, context: BuildContext, paths: PortfolioPaths) -> dict[str, Any] | None:
    """schema.org ProfilePage whose main entity is the Person; None without a public profile."""
    profile = view.profile
    if profile is None:
        return None
    current = view.current_roles[0] if view.current_roles else None
    person = _drop_empty(
        {
            "@type": "Person",
            "name": profile.name,
            "description": profile.headline,
            "email": profile.email,
            "address": profile.location,
            "jobTitle": current.title if current else None,
            "worksFor": _drop_empty({"@type": "Organization", "name": current.organization, "url": _web_url(current.url)})
            if current
            else None,
            "sameAs": [url for link in profile.links if (url := _web_url(link.url))],
            "knowsAbout": [s.skill.name for s in view.skills],
            "url": site_link(context, paths.home) if context.site_url else None,
        }
    )
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "dateModified": view.entries[0].date_iso if view.entries else None,
            "url": site_link(context, paths.home) if context.site_url else None,
            "mainEntity": person,
        }
    )
