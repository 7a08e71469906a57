"""Where a careerfolio build spends its time: one `mkdocs build` under cProfile, summed by package.

    .venv/bin/python benchmarks/hotspots.py -n 5000 [--audience private] [--top 25]

It generates a career (benchmarks/generate.py), builds it in this process
and prints the time spent in each package's own code (careerfolio, MkDocs,
Material, Markdown, Jinja2, PyYAML, ...) and the slowest careerfolio functions.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_SEED, VARIANTS, Variant, generate_career
from run import EPOCH

_PACKAGES = ("careerfolio", "mkdocs", "material", "markdown", "jinja2", "markupsafe", "yaml", "pymdownx", "babel", "pygments")


def _package(filename: str) -> str:
    parts = Path(filename).parts
    for name in _PACKAGES:
        if name in parts:
            return name
    if "templates" in parts:
        return "careerfolio templates" if "pages" in parts else "theme templates"
    return "python (stdlib and builtins)"


def profile_build(n: int, audience: str, seed: int = DEFAULT_SEED, variant: Variant = "careerfolio") -> pstats.Stats:
    """Build a generated career of `n` entries once, in process, under cProfile."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update({"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "CAREERFOLIO_AUDIENCE": audience})
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="careerfolio-hotspots-") as root:
        career = generate_career(Path(root) / "site", n, seed, variant)
        os.chdir(career.root)
        try:
            config = load_config(str(career.root / "mkdocs.yml"))
            config.plugins.on_startup(command="build", dirty=False)
            profiler = cProfile.Profile()
            profiler.enable()
            build(config)
            profiler.disable()
            config.plugins.on_shutdown()
        finally:
            os.chdir(here)
    return pstats.Stats(profiler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--audience", choices=("public", "private"), default="private")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--variant", choices=VARIANTS, default="careerfolio", help="profile the baseline or the blog instead")
    args = parser.parse_args()
    stats = profile_build(args.n, args.audience, variant=args.variant)
    by_package: dict[str, float] = defaultdict(float)
    ours = []
    raw = stats.stats  # type: ignore[attr-defined]  # (file, line, name) -> (cc, nc, tottime, cumtime, callers)
    for (filename, line, name), (_, calls, own, cumulative, _) in raw.items():
        package = _package(filename)
        by_package[package] += own
        if package.startswith("careerfolio") or args.variant != "careerfolio":
            ours.append((cumulative, own, calls, f"{Path(filename).name}:{line} {name}"))
    total = sum(by_package.values())
    print(f"N = {args.n}, {args.audience} build: {total:.1f} s of profiled time (profiling slows everything)\n")
    print("| package | own time s | share |\n|---|---:|---:|")
    for package, own in sorted(by_package.items(), key=lambda item: -item[1]):
        print(f"| {package} | {own:.2f} | {100 * own / total:.0f} % |")
    print(f"\nSlowest {'careerfolio ' if args.variant == 'careerfolio' else ''}functions (cumulative, own, calls), top {args.top}:")
    for cumulative, own, calls, where in sorted(ours, reverse=True)[: args.top]:
        print(f"  {cumulative:7.2f} s {own:7.2f} s {calls:8d}  {where}")


if __name__ == "__main__":
    main()
