"""The leak guard's share of a public build: time inside the guard against the whole `mkdocs build`.

    .venv/bin/python benchmarks/guard_share.py --entries 5000 --runs 3

Generates the benchmark's synthetic career (benchmarks/generate.py), then runs
public builds in this process, each with the plugin's `on_post_build`, which
is the guard and nothing else (the public text of the settings and templates,
gathering the needles, reading the site), wrapped in a timer. Prints, per run, the whole build, the guard and its share,
then the medians. CPU time is given too: it is steadier on a shared machine.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_SEED, generate_career

from careerfolio.adapters.mkdocs import plugin as mkdocs_plugin


def _timed(function: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu

    return wrapper


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(root: Path) -> dict[str, float]:
    """One public build of the site at `root`: seconds of the whole build and of the guard, wall and CPU.

    `guard` is what the build waits for in on_post_build; with the speed tricks on the guard searches
    the pages in a process of its own while they are written, whose CPU time is `guard_process_cpu`.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent = [0.0, 0.0]
    plugin = mkdocs_plugin.CareerfolioPlugin
    original = plugin.on_post_build
    plugin.on_post_build = _timed(original, spent)  # type: ignore[method-assign]
    try:
        os.environ["CAREERFOLIO_AUDIENCE"] = "public"
        wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        build(load_config(str(root / "mkdocs.yml")))
        wall, cpu, children = time.perf_counter() - wall, time.process_time() - cpu, _children_cpu() - children
    finally:
        plugin.on_post_build = original  # type: ignore[method-assign]
    return {"build": wall, "guard": spent[0], "build_cpu": cpu, "guard_cpu": spent[1], "guard_process_cpu": children}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--modes", default="on,off", help="speed tricks on, off or both (interleaved), as CAREERFOLIO_SPEED_TRICKS")
    args = parser.parse_args()
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory() as work:
        career = generate_career(Path(work) / "career", args.entries, args.seed)
        runs: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
        for run in range(args.runs):
            for mode in modes:
                os.environ[mkdocs_plugin.SPEED_TRICKS_ENV] = mode
                result = measure(career.root)
                runs[mode].append(result)
                print(
                    f"run {run + 1}, tricks {mode}: build {result['build']:.2f} s, the build waits for the guard "
                    f"{result['guard']:.2f} s ({result['guard'] / result['build']:.0%}); CPU {result['build_cpu']:.2f} s, "
                    f"of it in the guard {result['guard_cpu']:.2f} s, guard's own process {result['guard_process_cpu']:.2f} s"
                )
        for mode, results in runs.items():
            build = statistics.median(r["build"] for r in results)
            guard = statistics.median(r["guard"] for r in results)
            process = statistics.median(r["guard_process_cpu"] for r in results)
            print(
                f"median of {args.runs}, tricks {mode}, {args.entries} entries: build {build:.2f} s, waits for the guard {guard:.2f} s",
                end=", ",
            )
            print(f"share {guard / build:.0%}; guard's own process {process:.2f} s CPU")
        print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
