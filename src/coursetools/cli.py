"""The ``rlcourse`` command: list, read, run and check the course's lessons."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from coursetools import (
    bench,
    budget,
    capstone,
    check_runner,
    export,
    lessons,
    lint,
    progress,
    provenance,
    runner,
    show,
    site,
    skeleton,
)
from coursetools.errors import CourseError
from coursetools.syllabus import course

EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _progress(root: Path) -> progress.Progress:
    record = progress.load(root)
    if record.note:
        _say(f"rlcourse: note: {record.note}")
    return record


def cmd_list(args: argparse.Namespace) -> int:
    record = _progress(progress.DEFAULT_ROOT)
    rows = progress.standing(record, lessons.written_lessons())
    complete = {row.lesson.id for row in rows if row.complete}
    listing: list[dict[str, object]] = []
    modules = course().modules
    for module in modules:
        for lesson in module.lessons:
            listing.append(
                {
                    "id": lesson.id,
                    "module": module.number,
                    "module_title": module.title,
                    "title": lesson.title,
                    "written": lessons.is_written(lesson),
                    "exercises": list(lesson.exercises),
                    "project": lesson.project,
                    "all_exercises_pass": lesson.id in complete,
                }
            )
    if args.json:
        print(json.dumps(listing, indent=2, ensure_ascii=False))
        return 0
    written = sum(bool(row["written"]) for row in listing)
    for module in modules:
        print(f"Module {module.number}: {module.title}")
        for lesson in module.lessons:
            mark = "✓" if lessons.is_written(lesson) else " "
            done = "★" if lesson.id in complete else " "
            print(f"  [{mark}{done}] {lesson.id:<4} {lesson.title}")
    print(
        f"\n{written} of {len(listing)} lessons written (✓); {len(complete)} with every exercise "
        f"passing (★, as recorded in {record.path} by `rlcourse check`)."
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    show.show(lessons.load(args.lesson))
    return 0


def _print_run(run: runner.LessonRun) -> None:
    mode = "quick" if run.quick else "full"
    files = run.files()
    print(
        f"\nLesson {run.lesson_id} ({mode} run): {len(run.demos)} demos in {run.seconds:.1f} s; "
        f"{len(files)} files in {run.out_dir}:"
    )
    for path in files:
        print(f"  {path}")


def _make_folder(path: Path, what: str) -> None:
    """Create the folder ``path`` (and its parents), or a CourseError saying why not."""
    if path.exists() and not path.is_dir():
        raise CourseError(f"{what} {path} is a file, not a folder: choose another path")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CourseError(f"cannot create {what} {path}: {error.strerror or error}") from None


def _run(args: argparse.Namespace, regen: bool) -> int:
    lesson = lessons.load(args.lesson)
    total = len(runner.demo_files(lesson))
    started: list[str] = []

    def announce(listing: str) -> None:
        started.append(listing)
        _say(f"[{len(started)}/{total}] {listing}")

    try:
        if regen:
            run = runner.regenerate(lesson, on_start=announce)
        else:
            out = Path(args.out) if args.out else Path("results") / lesson.id
            _make_folder(out, "the output folder")
            run = runner.run_lesson(lesson, quick=args.quick, out_dir=out, on_start=announce)
    except runner.DemoFailed as failure:
        _say(
            f"rlcourse: {failure.stem} failed at {failure.where}: "
            f"{type(failure.error).__name__}: {failure.error}"
        )
        return EXIT_PROBLEMS
    _print_run(run)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    return _run(args, regen=False)


def cmd_regen(args: argparse.Namespace) -> int:
    return _run(args, regen=True)


def cmd_exercise(args: argparse.Namespace) -> int:
    lesson = lessons.load(args.lesson)
    workspace = Path(args.dir) if args.dir else check_runner.default_workspace(lesson)
    _make_folder(workspace, "the workspace")
    try:
        copied = check_runner.copy_stubs(lesson, workspace, overwrite=args.force)
    except OSError as error:
        raise CourseError(f"cannot write the exercises into {workspace}: {error}") from None
    kept = len(lesson.exercise_names()) - len(copied)
    print(f"Exercises of lesson {lesson.id} are in {workspace}:")
    for name in lesson.exercise_names():
        print(f"  {workspace / (name + '.py')}")
    if kept:
        print(f"({kept} existing file(s) kept; --force replaces them with fresh stubs)")
    print(f"Edit them, then run: rlcourse check {lesson.id} {workspace}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    lesson = lessons.load(args.lesson)
    workspace = Path(args.dir) if args.dir else check_runner.default_workspace(lesson)
    outcomes = check_runner.check_workspace(lesson, workspace, args.timeout)
    for outcome in outcomes:
        verdict = "PASS" if outcome.passed else "FAIL"
        detail = "" if outcome.passed else f": {outcome.message}"
        print(f"{verdict} {outcome.exercise}{detail}")
    passed = sum(outcome.passed for outcome in outcomes)
    print(f"{passed} of {len(outcomes)} exercises pass.")
    for note in progress.record(lesson, workspace, outcomes):
        _say(f"rlcourse: note: {note}")
    return 0 if passed == len(outcomes) else EXIT_PROBLEMS


def cmd_progress(args: argparse.Namespace) -> int:
    record = _progress(Path(args.dir))
    for line in progress.report(record, progress.standing(record, lessons.written_lessons())):
        print(line)
    return 0


def print_budget_table(sizes: list[budget.PostSize]) -> None:
    """One row per lesson; a * marks a number over its limit."""

    def cell(value: int, limit: int) -> str:
        return f"{value:,}" + ("*" if value > limit else " ")

    rows = [["lesson", "words ", "code ", "largest demo core", "lines ", "front "]]
    for size in sizes:
        name, lines = size.largest_core
        rows.append(
            [
                size.lesson_id,
                cell(size.words, budget.MAX_WORDS),
                cell(size.code_lines, budget.MAX_CODE_LINES),
                name or "-",
                cell(lines, budget.MAX_DEMO_CORE_LINES),
                cell(size.front_matter_lines, budget.MAX_FRONT_MATTER_LINES),
            ]
        )
    limits = [
        budget.MAX_WORDS,
        budget.MAX_CODE_LINES,
        budget.MAX_DEMO_CORE_LINES,
        budget.MAX_FRONT_MATTER_LINES,
    ]
    words, code, core, front = (f"{limit:,} " for limit in limits)
    rows.append(["limit", words, code, "", core, front])
    widths = [max(len(row[column]) for row in rows) for column in range(6)]
    for row in rows:
        left = [row[0].ljust(widths[0]), row[3].ljust(widths[3])]
        right = [row[c].rjust(widths[c]) for c in (1, 2, 4, 5)]
        print("  ".join([left[0], right[0], right[1], left[1], right[2], right[3]]).rstrip())
    print("* over budget (measured on the blog export; collapsed blocks do not count)")


def cmd_lint(args: argparse.Namespace) -> int:
    targets = [lessons.load(args.lesson)] if args.lesson else lessons.written_lessons()
    if args.budget:
        print_budget_table([budget.measure(lesson) for lesson in targets])
        return 0
    failures = 0
    for lesson in targets:
        problems = lint.lint_lesson(lesson)
        where = lesson.relative(lesson.post)
        for problem in problems:
            print(f"{where}: {problem}")
        failures += bool(problems)
    print(f"lint: {len(targets) - failures} of {len(targets)} lessons clean.")
    return EXIT_PROBLEMS if failures else 0


def cmd_new(args: argparse.Namespace) -> int:
    lesson = lessons.resolve(args.lesson)
    folder = skeleton.create_lesson(lesson, lessons.repo_root())
    print(f"Lesson {lesson.id} ({lesson.title}) started in {folder}:")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        print(f"  {path.relative_to(folder).as_posix()}")
    print(
        f"`rlcourse lint {lesson.id}` lists what is left to write; "
        f"`rlcourse regen {lesson.id}` makes its outputs."
    )
    return 0


def cmd_uses(args: argparse.Namespace) -> int:
    found = provenance.lessons_using(args.path)
    if not found.uses:
        print(f"No written lesson shows {found.path} or imported it in its last full run.")
    else:
        print(f"{found.path} is used by:")
        for use in found.uses:
            how = [("shown in the post", use.shown), ("used by its last full run", use.imported)]
            print(f"  {use.lesson.id:<4} {', '.join(text for text, yes in how if yes)}")
        stale = [use.lesson.id for use in found.uses if use.imported]
        shown = [use.lesson.id for use in found.uses if use.shown]
        if stale:
            regens = " && ".join(f"rlcourse regen {lesson_id}" for lesson_id in stale)
            print(f"After changing it, regenerate their outputs: {regens}")
        if shown:
            print(f"and reread what the posts of {', '.join(shown)} say about the code they show.")
    if found.unknown:
        print(
            f"Unknown for {', '.join(found.unknown)}: no outputs/provenance.json yet "
            "(`rlcourse regen M.L` writes it)."
        )
    return 0


def cmd_site_build(args: argparse.Namespace) -> int:
    out = Path(args.dir)
    started = time.perf_counter()
    built = site.build(out)
    seconds = time.perf_counter() - started
    print(f"Built {len(built.pages)} pages into {out} in {seconds:.1f} s.")
    return 0


def cmd_site_serve(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="rlcourse-site-") as scratch:
        built = site.build(Path(scratch) / "site")
        site.serve(built.out_dir, args.port)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.dir)
    print(f"notation: {export.export_notation(out)}")
    for lesson in lessons.written_lessons():
        if args.kind == "blog":
            post = export.export_blog_post(lesson, out)
            print(f"{lesson.id}: {post.path} ({len(post.figures)} figures beside it)")
        else:
            print(f"{lesson.id}: {export.export_notebook(lesson, out)}")
    return 0


def cmd_capstone(args: argparse.Namespace) -> int:
    project = Path(args.dir)
    if args.publish:
        path = capstone.publish(project, Path(args.publish))
        print(f"The post of {project} is in {path}, its figures beside it.")
        return 0
    if args.check:
        items = capstone.check_project(project)
        for item in items:
            print(f"[{'x' if item.passed else ' '}] {item.name}")
            if item.detail:
                print(f"      {item.detail}")
        passed = sum(item.passed for item in items)
        print(f"{passed} of {len(items)} checklist items pass.")
        return 0 if passed == len(items) else EXIT_PROBLEMS
    written = capstone.create_project(project)
    print(f"A new project in {project}:")
    for path in written:
        print(f"  {path.relative_to(project).as_posix()}")
    print(f"Next: cd {project} && python -m pytest, then edit the environment and the README.")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    runs = bench.plan(args.tasks, args.seeds, args.quick, args.agents)
    if args.jobs < 1:
        raise CourseError(f"--jobs must be at least 1, got {args.jobs}")
    out = Path(args.out)
    _make_folder(out, "the output folder")
    kept = bench.earlier_runs(out, args.tasks, args.agents)
    _say(f"rlcourse bench: {len(runs)} runs, {args.jobs} at a time, one process each")
    finished: list[bench.RunResult] = []

    def done(result: bench.RunResult) -> None:
        finished.append(result)
        bench.write(kept + finished, out)  # after every run: a stopped benchmark keeps its runs
        _say(
            f"  {result.task} {result.library} {result.algorithm} seed {result.seed}: "
            f"final {result.final_mean:.1f}, {result.seconds:.1f} s"
        )

    results = bench.run_all(runs, args.jobs, done)
    for path in bench.write(kept + results, out):
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rlcourse", description="The course tool of Learn Reinforcement Learning with PyTorch."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser(
        "list", help="the syllabus, marking written lessons and those you have completed"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="read a lesson's post in the terminal")
    show.add_argument("lesson", help="lesson id, e.g. 4.4")
    show.set_defaults(handler=cmd_show)

    run = commands.add_parser("run", help="run a lesson's demos, writing figures and results")
    run.add_argument("lesson", help="lesson id, e.g. 4.4")
    run.add_argument("--quick", action="store_true", help="small settings: seconds, not minutes")
    run.add_argument("--out", help="output folder (default: results/M.L)")
    run.set_defaults(handler=cmd_run)

    exercise = commands.add_parser("exercise", help="copy a lesson's exercise stubs to a folder")
    exercise.add_argument("lesson", help="lesson id, e.g. 4.4")
    exercise.add_argument("dir", nargs="?", help="workspace (default: rlcourse-work/M.L)")
    exercise.add_argument("--force", action="store_true", help="overwrite existing files")
    exercise.set_defaults(handler=cmd_exercise)

    check = commands.add_parser("check", help="check your exercise files")
    check.add_argument("lesson", help="lesson id, e.g. 4.4")
    check.add_argument("dir", nargs="?", help="workspace (default: rlcourse-work/M.L)")
    check.add_argument("--timeout", type=float, help="seconds per exercise (default 60)")
    check.set_defaults(handler=cmd_check)

    progress_parser = commands.add_parser("progress", help="which exercises pass, what is next")
    progress_parser.add_argument(
        "dir", nargs="?", default=str(progress.DEFAULT_ROOT), help="default: rlcourse-work"
    )
    progress_parser.set_defaults(handler=cmd_progress)

    regen = commands.add_parser("regen", help="full run that rewrites the lesson's outputs/")
    regen.add_argument("lesson", help="lesson id, e.g. 4.4")
    regen.set_defaults(handler=cmd_regen)

    lint_parser = commands.add_parser("lint", help="check posts against the course format")
    lint_parser.add_argument("lesson", nargs="?", help="one lesson id (default: all written)")
    lint_parser.add_argument(
        "--budget", action="store_true", help="print each post's size against the budget"
    )
    lint_parser.set_defaults(handler=cmd_lint)

    new = commands.add_parser("new", help="start a lesson of the syllabus from a skeleton")
    new.add_argument("lesson", help="lesson id, e.g. 3.2")
    new.set_defaults(handler=cmd_new)

    uses = commands.add_parser(
        "uses", help="the lessons that show or import a file: what to regenerate after a change"
    )
    uses.add_argument("path", help="a file, e.g. src/rlcourse/agents/dqn.py")
    uses.set_defaults(handler=cmd_uses)

    site_parser = commands.add_parser("site", help="the course website (MkDocs Material)")
    site_commands = site_parser.add_subparsers(dest="site_command", required=True)
    site_build = site_commands.add_parser("build", help="build the static site")
    site_build.add_argument("dir", nargs="?", default="site", help="output (default: site/)")
    site_build.set_defaults(handler=cmd_site_build)
    site_serve = site_commands.add_parser("serve", help="build, then serve on 127.0.0.1")
    site_serve.add_argument("--port", type=int, default=8000)
    site_serve.set_defaults(handler=cmd_site_serve)

    capstone_parser = commands.add_parser(
        "capstone", help="start your own project (Part 6.5), check it, publish its post"
    )
    capstone_parser.add_argument("dir", help="the project's folder (new or empty to start one)")
    action = capstone_parser.add_mutually_exclusive_group()
    action.add_argument(
        "--check", action="store_true", help="check the project against the sharing checklist"
    )
    action.add_argument("--publish", metavar="OUT", help="write the project's blog post to OUT")
    capstone_parser.set_defaults(handler=cmd_capstone)

    bench_parser = commands.add_parser(
        "bench", help="the course's agents against Stable-Baselines3 (needs the bench extra)"
    )
    bench_parser.add_argument(
        "--tasks",
        nargs="+",
        default=list(bench.TASKS),
        help="cartpole, lunarlander (default: both)",
    )
    bench_parser.add_argument(
        "--agents",
        nargs="+",
        help='only these agents, as the tables label them (e.g. "course A2C"); default: all',
    )
    bench_parser.add_argument("--seeds", type=int, help="seeds per agent (default: 5 and 3)")
    bench_parser.add_argument("--jobs", type=int, default=1, help="runs at a time (default 1)")
    bench_parser.add_argument(
        "--quick", action="store_true", help="1 seed, tiny budgets: proves the machinery only"
    )
    bench_parser.add_argument("--out", default="bench", help="output folder (default: bench/)")
    bench_parser.set_defaults(handler=cmd_bench)

    export_parser = commands.add_parser("export", help="blog posts or notebooks of every lesson")
    export_parser.add_argument("kind", choices=["blog", "notebooks"])
    export_parser.add_argument("dir", help="output folder")
    export_parser.set_defaults(handler=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except CourseError as error:
        _say(f"rlcourse: error: {error}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say("rlcourse: interrupted")
        return 130
    except BrokenPipeError:
        # The reader (`| head`) stopped reading; Python would complain again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
