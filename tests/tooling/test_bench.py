"""``rlcourse bench``: its measurements on made-up records, and a reduced benchmark (one
seed, tiny budgets) run end to end, one process per run."""

from __future__ import annotations

import csv
import time
from dataclasses import replace
from pathlib import Path

import gymnasium as gym
import pytest

from coursetools import bench, cli
from coursetools.errors import CourseError
from coursetools.file_import import import_file
from coursetools.lessons import load
from rlcourse.agents.dqn import DQNConfig


def result(
    library: str, algorithm: str, seed: int, seconds: float, final: float
) -> bench.RunResult:
    return bench.RunResult(
        "cartpole", library, algorithm, seed, 1000, seconds, 1000 / seconds, -1, -1.0, final,
        final >= 475.0,
    )  # fmt: skip


def test_first_reach_is_the_first_window_at_the_threshold() -> None:
    window = bench.CURVE_WINDOW
    returns = [100.0] * window + [500.0] * (window - 1) + [500.0, 500.0]
    record = [(10 * (i + 1), 0.5 * (i + 1), r) for i, r in enumerate(returns)]
    # The mean of the last `window` returns reaches 475 once 19/20 of them are 500.
    need = next(
        i for i in range(window - 1, len(returns))
        if sum(returns[i - window + 1 : i + 1]) / window >= 475
    )  # fmt: skip
    assert bench.first_reach(record, 475.0) == (record[need][0], record[need][1])
    assert bench.first_reach(record, 501.0) == (-1, -1.0)
    assert bench.first_reach(record[: window - 1], 0.0) == (-1, -1.0)  # no full window yet


def test_the_table_counts_held_seeds_and_the_ratio_of_medians() -> None:
    results = [
        result("course", "DQN", 0, 30.0, 500.0),
        result("course", "DQN", 1, 50.0, 480.0),
        result("course", "DQN", 2, 40.0, 490.0),
        result("course", "A2C", 0, 10.0, 200.0),
        result("sb3", "PPO", 0, 80.0, 500.0),
        result("sb3", "PPO", 1, 100.0, 100.0),
        result("sb3", "DQN", 0, 200.0, 500.0),
    ]
    text = bench.markdown(results, {"date": "2026-11-30", "machine": "test"})
    assert "| course DQN | 3/3 | 40.0 |" in text
    assert "| sb3 PPO | 1/2 | 90.0 |" in text
    # The course's best holds most seeds (DQN, not the faster A2C); SB3's fastest is PPO.
    assert "Course's best, course DQN, median 40.0 s; SB3's fastest, sb3 PPO" in text
    assert "ratio 0.44." in text


def test_plan_quick_is_one_seed_of_tiny_budgets_and_bad_input_is_refused() -> None:
    runs = bench.plan(["cartpole"], None, quick=True)
    assert len(runs) == 6 and {seed for _, seed in runs} == {0}
    assert all(spec.budget <= 1_000 for spec, _ in runs)
    full = bench.plan(["cartpole", "lunarlander"], None, quick=False)
    assert len(full) == 6 * 5 + 2 * 3
    with pytest.raises(CourseError, match="unknown task"):
        bench.plan(["pong"], None, quick=True)
    with pytest.raises(CourseError, match="at least 1"):
        bench.plan(["cartpole"], 0, quick=True)


def test_zoo_schedules_and_network_become_sb3_arguments() -> None:
    ppo = next(s for s in bench.SPECS if s.library == "sb3" and s.algorithm == "PPO")
    arguments = bench.sb3_arguments(ppo)
    assert "n_envs" not in arguments
    assert arguments["learning_rate"](1.0) == pytest.approx(1e-3)
    assert arguments["clip_range"](0.5) == pytest.approx(0.1)
    lander = next(s for s in bench.SPECS if s.task == "lunarlander" and s.library == "sb3")
    assert bench.sb3_arguments(lander)["policy_kwargs"] == {"net_arch": [256, 256]}


def test_the_stopwatch_counts_every_copy_of_a_vector_environment() -> None:
    bench.Stopwatch.record.clear()
    bench.Stopwatch.steps, bench.Stopwatch.started = 0, time.perf_counter()
    envs = gym.vector.SyncVectorEnv(
        [lambda: gym.make(bench.timed_id("CartPole-v1"))] * 3,
        autoreset_mode=gym.vector.AutoresetMode.SAME_STEP,  # as the course's A2C and SB3 reset
    )
    envs.reset(seed=0)
    for _ in range(40):
        envs.step(envs.action_space.sample())
    assert bench.Stopwatch.steps == 120
    assert bench.Stopwatch.record, "CartPole episodes under random actions end within 40 steps"
    steps, seconds, first_return = bench.Stopwatch.record[0]
    assert 0 < steps <= 120 and seconds > 0 and first_return == float(int(first_return))


def test_a_reduced_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    runs = [
        (replace(spec, budget=300), 0)
        for spec, _ in bench.plan(["cartpole"], 1, quick=True)
        if spec.algorithm in ("DQN", "PPO")
    ]
    results = bench.run_all(runs, jobs=2)
    assert [(r.library, r.algorithm) for r in results] == [
        ("course", "DQN"), ("sb3", "DQN"), ("sb3", "PPO")
    ]  # fmt: skip
    for r in results:
        assert r.steps >= 300 and r.seconds > 0 and r.steps_per_second > 0
        assert 8.0 <= r.final_mean <= 500.0  # CartPole returns: 1 per step, 500 at most
        assert (r.steps_to_threshold, r.holds) == (-1, False)  # 300 steps solve nothing
    files = bench.write(results, tmp_path)
    with (tmp_path / "results.csv").open(encoding="utf-8") as file:
        assert len(list(csv.DictReader(file))) == 3
    assert all(path.stat().st_size > 0 for path in files)


def test_bad_input_is_one_line_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["bench", "--quick", "--tasks", "pong", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown task" in err


def test_results_are_written_after_every_run_so_a_stopped_benchmark_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def two_runs_then_stopped(
        runs: list[tuple[bench.Spec, int]], jobs: int, on_done: object
    ) -> list[bench.RunResult]:
        assert callable(on_done)
        on_done(result("course", "DQN", 0, 10.0, 500.0))
        on_done(result("sb3", "PPO", 0, 20.0, 480.0))
        raise KeyboardInterrupt  # as Ctrl-C during the third run

    monkeypatch.setattr(bench, "run_all", two_runs_then_stopped)
    monkeypatch.setattr(bench, "require_sb3", lambda: None)
    assert cli.main(["bench", "--tasks", "cartpole", "--out", str(tmp_path)]) == 130
    with (tmp_path / "results.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [(row["library"], row["algorithm"]) for row in rows] == [
        ("course", "DQN"), ("sb3", "PPO")
    ]  # fmt: skip
    assert "ratio 0.50" in (tmp_path / "results.md").read_text(encoding="utf-8")


def test_a_benchmark_of_one_task_keeps_the_other_tasks_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lander = replace(result("course", "Double Dueling DQN", 0, 300.0, 210.0), task="lunarlander")
    bench.write([lander, result("course", "DQN", 0, 99.0, 100.0)], tmp_path)

    def one_run(
        runs: list[tuple[bench.Spec, int]], jobs: int, on_done: object
    ) -> list[bench.RunResult]:
        assert callable(on_done)
        on_done(result("course", "DQN", 0, 10.0, 500.0))
        return [result("course", "DQN", 0, 10.0, 500.0)]

    monkeypatch.setattr(bench, "run_all", one_run)
    monkeypatch.setattr(bench, "require_sb3", lambda: None)
    assert cli.main(["bench", "--tasks", "cartpole", "--out", str(tmp_path)]) == 0
    kept = bench.earlier_runs(tmp_path, [])
    # LunarLander's run stays; CartPole's old run is replaced by the new one, and the rows
    # are in SPECS' order (CartPole first) whatever order they were written in.
    assert [(r.task, r.seconds) for r in kept] == [("cartpole", 10.0), ("lunarlander", 300.0)]
    (tmp_path / "results.json").write_text("{}", encoding="utf-8")
    with pytest.raises(CourseError, match="not a benchmark's results"):
        bench.earlier_runs(tmp_path, ["cartpole"])


def test_a_benchmark_of_one_agent_replaces_only_that_agents_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_a2c = result("course", "A2C", 0, 50.0, 380.0)
    bench.write([result("course", "DQN", 0, 99.0, 500.0), old_a2c], tmp_path)
    planned: list[list[tuple[bench.Spec, int]]] = []

    def one_run(
        runs: list[tuple[bench.Spec, int]], jobs: int, on_done: object
    ) -> list[bench.RunResult]:
        planned.append(runs)
        return [result("course", "A2C", 0, 40.0, 500.0)]

    monkeypatch.setattr(bench, "run_all", one_run)
    monkeypatch.setattr(bench, "require_sb3", lambda: None)
    arguments = ["bench", "--tasks", "cartpole", "--agents", "course A2C", "--out", str(tmp_path)]
    assert cli.main(arguments) == 0
    assert {spec.label for spec, _ in planned[0]} == {"course A2C"}
    assert len(planned[0]) == 5
    kept = bench.earlier_runs(tmp_path, [])
    assert [(r.algorithm, r.seconds) for r in kept] == [("DQN", 99.0), ("A2C", 40.0)]
    with pytest.raises(CourseError, match=r"unknown agent\(s\) \['course PPO'\]"):
        bench.plan(["cartpole"], None, quick=False, agents=["course PPO"])


def test_the_lunarlander_agent_is_part_5_4s_with_both_changes() -> None:
    """The benchmark repeats 5.4's settings (it does not import lesson files): same config."""
    lunar = import_file(load("5.4").folder / "lunar.py")
    spec = next(s for s in bench.SPECS if s.task == "lunarlander" and s.library == "course")
    benchmarked = DQNConfig(
        env_id=bench.TASKS["lunarlander"].env_id, total_steps=spec.budget, **spec.hyperparameters
    )
    assert benchmarked == replace(lunar.SETTINGS, double_dqn=True, dueling=True)
