"""Which record pages show something of other files, for rebuilds that redo only some pages.

`mkdocs serve --dirty` rebuilds the pages whose own file changed (and every
page careerfolio generates). A role's page lists its entries, an entry's
page names its skills and role, and a check-up's page shows its neighbours,
so after a save those pages are stale too;
the adapter asks for them to be rebuilt as well.
"""

from __future__ import annotations

from collections.abc import Iterable

from careerfolio.content.corpus import Corpus


def stale_pages(before: Corpus | None, after: Corpus, changed: Iterable[str]) -> set[str]:
    """Source paths of record pages that show text of the `changed` files, judged in both corpora.

    Both count: an entry moved from one role to another leaves the old role's
    page stale as well as the new one's.
    """
    changed = set(changed)
    stale: set[str] = set()
    for corpus in (before, after):
        if corpus is None:
            continue
        for entry in corpus.entries:
            if entry.path in changed:
                role = corpus.roles_by_id.get(entry.role) if entry.role else None
                stale.update(skill.path for s in entry.skills if (skill := corpus.skills_by_id.get(s)) is not None)
                if role is not None:
                    stale.add(role.path)
        for skill in corpus.skills:
            if skill.path in changed:
                stale.update(entry.path for entry in corpus.entries_by_skill.get(skill.id, ()))
        for role in corpus.roles:
            if role.path in changed:
                stale.update(entry.path for entry in corpus.entries_by_role.get(role.id, ()))
        # A check-up's page links to both neighbours, and the next one shows its scores and its actions done.
        checkups = corpus.checkups
        for index, checkup in enumerate(checkups):
            if checkup.path in changed:
                stale.update(c.path for c in checkups[max(index - 1, 0) : index + 2])
    return stale - changed


__all__ = ["stale_pages"]
