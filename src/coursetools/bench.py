"""``rlcourse bench``: the course's agents against Stable-Baselines3 on the same machine.

Every run (one algorithm, one seed) trains in a process of its own with one torch thread,
so runs do not share caches or threads and any number of them can run side by side. The
environment measures every library alike: each run trains on ``bench/<env id>``, the
Gymnasium environment wrapped by :class:`Stopwatch`, which records the step count, the
wall-clock and the return at the end of every training episode. From that record:

- ``steps_to_threshold`` and ``seconds_to_threshold``: when the training curve (the mean
  return of the last ``CURVE_WINDOW`` training episodes) first reaches the task's
  threshold, or -1 if it never does;
- ``final_mean``: the mean return of the final network's greedy policy over 100 fresh
  episodes, and ``holds``: whether it reaches the threshold;
- ``seconds`` and ``steps_per_second`` of the whole run.

Stable-Baselines3 is an optional extra (``pip install -e ".[bench]"``); the course never
imports it elsewhere. The hyperparameters of SB3 are those of RL Baselines3 Zoo.
"""

from __future__ import annotations

import csv
import datetime
import importlib
import importlib.util
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, SupportsFloat

import gymnasium as gym
import numpy as np

from coursetools.errors import CourseError

CURVE_WINDOW = 20  # training episodes per point of the training curve
EVAL_EPISODES = 100


@dataclass(frozen=True)
class Task:
    name: str
    env_id: str
    threshold: float  # the mean return that counts as solved
    seeds: int  # of the full benchmark


TASKS = {
    "cartpole": Task("cartpole", "CartPole-v1", 475.0, 5),
    "lunarlander": Task("lunarlander", "LunarLander-v3", 200.0, 3),
}


@dataclass(frozen=True)
class Spec:
    """One algorithm on one task: who wrote it, and its budget of environment steps (for
    REINFORCE, whose budget is in episodes, ``budget`` counts episodes)."""

    task: str
    library: str  # "course" or "sb3"
    algorithm: str
    budget: int
    hyperparameters: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.library} {self.algorithm}"


def linear(start: float) -> Callable[[float], float]:
    """SB3's schedules take the remaining progress, 1 at the start and 0 at the end."""

    def schedule(progress_remaining: float) -> float:
        return progress_remaining * start

    return schedule


SPECS = [
    Spec("cartpole", "course", "DQN", 100_000),
    Spec("cartpole", "course", "A2C", 400_000),
    Spec("cartpole", "course", "REINFORCE", 500),
    # RL Baselines3 Zoo's hyperparameters for CartPole-v1.
    Spec(
        "cartpole",
        "sb3",
        "DQN",
        200_000,
        {
            "learning_rate": 2.5e-4,
            "batch_size": 512,
            "buffer_size": 100_000,
            "learning_starts": 0,
            "gamma": 0.99,
            "target_update_interval": 5000,
            "train_freq": 16,
            "gradient_steps": 4,
            "exploration_fraction": 0.06,
            "exploration_final_eps": 0.11,
        },
    ),
    Spec(
        "cartpole",
        "sb3",
        "PPO",
        100_000,
        {
            "n_envs": 8,
            "n_steps": 32,
            "batch_size": 256,
            "gae_lambda": 0.8,
            "gamma": 0.98,
            "n_epochs": 20,
            "ent_coef": 0.0,
            "learning_rate": "linear 1e-3",
            "clip_range": "linear 0.2",
        },
    ),
    Spec("cartpole", "sb3", "A2C", 500_000, {"n_envs": 8, "ent_coef": 0.0}),
    # Double + dueling DQN (Part 5.4) on LunarLander: the course's starting point.
    Spec(
        "lunarlander",
        "course",
        "Double Dueling DQN",
        300_000,
        {
            "hidden_sizes": (256, 256),
            "double_dqn": True,
            "dueling": True,
            "huber_loss": True,
            "learning_rate": 5e-4,
            "batch_size": 128,
            "train_every": 4,
            "target_update_every": 250,
            "exploration_fraction": 0.12,
            "epsilon_end": 0.05,
        },
    ),
    Spec(
        "lunarlander",
        "sb3",
        "DQN",
        150_000,
        {
            "learning_rate": 8.8e-4,
            "batch_size": 32,
            "buffer_size": 1_000_000,
            "learning_starts": 0,
            "target_update_interval": 10_000,
            "train_freq": 16,
            "gradient_steps": -1,
            "exploration_fraction": 0.2,
            "exploration_final_eps": 0.1,
            "net_arch": [256, 256],
        },
    ),
]


class Stopwatch(gym.Wrapper[np.ndarray, Any, np.ndarray, Any]):
    """Records (steps so far, seconds so far, return) when a training episode ends. The
    record is per process: all copies of a vectorised environment add to the same one."""

    record: list[tuple[int, float, float]] = []  # noqa: RUF012 (shared on purpose)
    steps = 0
    started = 0.0

    def __init__(self, env: gym.Env[np.ndarray, Any]) -> None:
        super().__init__(env)
        self.episode_return = 0.0

    def reset(self, **kwargs: Any) -> tuple[np.ndarray, dict[str, Any]]:
        self.episode_return = 0.0
        return self.env.reset(**kwargs)

    def step(self, action: Any) -> tuple[np.ndarray, SupportsFloat, bool, bool, dict[str, Any]]:
        observation, reward, terminated, truncated, info = self.env.step(action)
        Stopwatch.steps += 1
        self.episode_return += float(reward)
        if terminated or truncated:
            seconds = time.perf_counter() - Stopwatch.started
            Stopwatch.record.append((Stopwatch.steps, seconds, self.episode_return))
            self.episode_return = 0.0
        return observation, reward, terminated, truncated, info


def timed_id(env_id: str) -> str:
    """Register ``bench/<env_id>``: ``env_id`` as gym.make builds it, inside a Stopwatch."""
    name = f"bench/{env_id}"
    if name not in gym.registry:
        gym.register(name, entry_point=lambda **kwargs: Stopwatch(gym.make(env_id, **kwargs)))
    return name


@dataclass(frozen=True)
class RunResult:
    task: str
    library: str
    algorithm: str
    seed: int
    steps: int
    seconds: float
    steps_per_second: float
    steps_to_threshold: int  # -1: the training curve never reached it
    seconds_to_threshold: float  # -1.0: never
    final_mean: float  # greedy policy, EVAL_EPISODES fresh episodes
    holds: bool

    @property
    def label(self) -> str:
        """As :attr:`Spec.label` names the agent that produced this run."""
        return f"{self.library} {self.algorithm}"


def first_reach(record: list[tuple[int, float, float]], threshold: float) -> tuple[int, float]:
    """(steps, seconds) at the first episode end where the mean return of the last
    CURVE_WINDOW episodes reaches ``threshold``; (-1, -1.0) if it never does."""
    returns = [episode_return for _, _, episode_return in record]
    for index in range(CURVE_WINDOW - 1, len(record)):
        window = returns[index - CURVE_WINDOW + 1 : index + 1]
        if sum(window) / CURVE_WINDOW >= threshold:
            return record[index][0], record[index][1]
    return -1, -1.0


def evaluate(act: Callable[[np.ndarray], int], env_id: str, episodes: int, seed: int) -> float:
    """Mean return of ``act`` over ``episodes`` fresh episodes (only the first reset seeded)."""
    env = gym.make(env_id)
    total = 0.0
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        done = False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(act(observation))
            total += float(reward)
            done = terminated or truncated
    env.close()
    return total / episodes


def train_course(spec: Spec, env_id: str, seed: int, run_dir: Path) -> Callable[[np.ndarray], int]:
    """Train one of the course's agents; its greedy policy."""
    import torch

    from rlcourse.agents import a2c, dqn, reinforce

    device = torch.device("cpu")
    if spec.algorithm == "REINFORCE":
        config = reinforce.ReinforceConfig(env_id=env_id, episodes=spec.budget)
        agent, _ = reinforce.train_reinforce(config, seed, run_dir, device, show_progress=False)
        return lambda observation: reinforce.greedy_action(
            agent.policy, torch.as_tensor(observation, dtype=torch.float32)
        )
    if spec.algorithm == "A2C":
        a2c_config = a2c.A2CConfig(env_id=env_id, total_steps=spec.budget)
        network, _ = a2c.train_a2c(a2c_config, seed, run_dir, device, show_progress=False)

        def act(observation: np.ndarray) -> int:
            with torch.no_grad():
                logits = network.actor(torch.as_tensor(observation, dtype=torch.float32))
                return int(logits.argmax().item())

        return act
    dqn_config = dqn.DQNConfig(env_id=env_id, total_steps=spec.budget, **spec.hyperparameters)
    q_network, _ = dqn.train_dqn(dqn_config, seed, device, show_progress=False)
    return lambda observation: dqn.greedy_action(q_network, observation, device)


def sb3_arguments(spec: Spec) -> dict[str, Any]:
    """The Zoo's hyperparameters as SB3's keyword arguments."""
    arguments = {
        key: linear(float(value.split()[1])) if isinstance(value, str) else value
        for key, value in spec.hyperparameters.items()
        if key not in ("n_envs", "net_arch")
    }
    if "net_arch" in spec.hyperparameters:
        arguments["policy_kwargs"] = {"net_arch": spec.hyperparameters["net_arch"]}
    return arguments


def train_sb3(spec: Spec, env_id: str, seed: int) -> Callable[[np.ndarray], int]:
    """Train one of Stable-Baselines3's agents; its deterministic (greedy) policy."""
    from stable_baselines3 import A2C, DQN, PPO
    from stable_baselines3.common.env_util import make_vec_env

    algorithms = {"DQN": DQN, "PPO": PPO, "A2C": A2C}
    envs = make_vec_env(env_id, n_envs=int(spec.hyperparameters.get("n_envs", 1)), seed=seed)
    model = algorithms[spec.algorithm]("MlpPolicy", envs, seed=seed, **sb3_arguments(spec))
    model.learn(total_timesteps=spec.budget)

    def act(observation: np.ndarray) -> int:
        action, _ = model.predict(observation, deterministic=True)
        return int(action)

    return act


def run_one(spec: Spec, seed: int) -> RunResult:
    """One training run and its evaluation, in the calling process (a fresh one per run)."""
    import torch

    torch.set_num_threads(1)
    # Import the library before the clock starts: seconds count training, not imports.
    course = ("rlcourse.agents.a2c", "rlcourse.agents.dqn", "rlcourse.agents.reinforce")
    for module in ("stable_baselines3",) if spec.library == "sb3" else course:
        importlib.import_module(module)
    task = TASKS[spec.task]
    env_id = timed_id(task.env_id)
    Stopwatch.record.clear()
    Stopwatch.steps, Stopwatch.started = 0, time.perf_counter()
    with tempfile.TemporaryDirectory() as run_dir:
        if spec.library == "sb3":
            act = train_sb3(spec, env_id, seed)
        else:
            act = train_course(spec, env_id, seed, Path(run_dir))
    seconds = time.perf_counter() - Stopwatch.started
    steps_to, seconds_to = first_reach(Stopwatch.record, task.threshold)
    final = evaluate(act, task.env_id, EVAL_EPISODES, seed=10_000 + seed)
    return RunResult(
        spec.task,
        spec.library,
        spec.algorithm,
        seed,
        Stopwatch.steps,
        seconds,
        Stopwatch.steps / seconds,
        steps_to,
        seconds_to,
        final,
        final >= task.threshold,
    )


def reduced(spec: Spec) -> Spec:
    """The quick mode's version of a run: a budget of seconds, to prove the machinery works."""
    return replace(spec, budget=20 if spec.algorithm == "REINFORCE" else 1_000)


def plan(
    tasks: list[str], seeds: int | None, quick: bool, agents: list[str] | None = None
) -> list[tuple[Spec, int]]:
    """Every (spec, seed) of the benchmark: each task's own seed count unless ``seeds``;
    only the agents labelled in ``agents`` (e.g. "course A2C") where it is given."""
    unknown = sorted(set(tasks) - set(TASKS))
    if unknown:
        raise CourseError(f"unknown task(s) {unknown}; choose from {sorted(TASKS)}")
    if seeds is not None and seeds < 1:
        raise CourseError(f"--seeds must be at least 1, got {seeds}")
    chosen = [spec for spec in SPECS if spec.task in tasks]
    if agents is not None:
        labels = sorted({spec.label for spec in chosen})
        unknown = sorted(set(agents) - set(labels))
        if unknown:
            raise CourseError(f"unknown agent(s) {unknown} for {tasks}; choose from {labels}")
        chosen = [spec for spec in chosen if spec.label in agents]
    runs: list[tuple[Spec, int]] = []
    for spec in chosen:
        count = seeds if seeds is not None else (1 if quick else TASKS[spec.task].seeds)
        runs += [(reduced(spec) if quick else spec, seed) for seed in range(count)]
    return runs


def require_sb3() -> None:
    if importlib.util.find_spec("stable_baselines3") is None:
        raise CourseError(
            "the benchmark needs Stable-Baselines3: pip install -e '.[bench]' (an optional extra)"
        )


def run_all(
    runs: list[tuple[Spec, int]],
    jobs: int,
    on_done: Callable[[RunResult], None] = lambda result: None,
) -> list[RunResult]:
    """Each run in a fresh process (spawned, so no state leaks from this one), ``jobs`` at
    a time, in the order of ``runs``."""
    require_sb3()
    context = get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, max_tasks_per_child=1) as pool:
        futures = [pool.submit(run_one, spec, seed) for spec, seed in runs]
        results = []
        for future in futures:
            results.append(future.result())
            on_done(results[-1])
    return results


def median_seconds(results: list[RunResult], task: str, label: str) -> float:
    return statistics.median(r.seconds for r in results if r.task == task and r.label == label)


def markdown(results: list[RunResult], machine: dict[str, str]) -> str:
    """The results table, one row per run, and per task the held rate and median wall-clock
    of each algorithm, with the ratio of the course's best to SB3's fastest."""
    lines = [
        f"# Benchmark: {machine['date']}, {machine['machine']}",
        "",
        "| task | agent | seed | steps to threshold | seconds to threshold "
        "| final (100 greedy episodes) | holds | seconds | steps/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.task} | {r.label} | {r.seed} | {r.steps_to_threshold} "
            f"| {r.seconds_to_threshold:.1f} | {r.final_mean:.1f} | {'yes' if r.holds else 'no'} "
            f"| {r.seconds:.1f} | {r.steps_per_second:.0f} |"
        )
    for task in dict.fromkeys(r.task for r in results):
        lines += ["", f"## {task}", "", "| agent | held | median seconds |", "|---|---|---|"]
        labels = list(dict.fromkeys(r.label for r in results if r.task == task))
        for label in labels:
            runs = [r for r in results if r.task == task and r.label == label]
            held = sum(r.holds for r in runs)
            lines.append(
                f"| {label} | {held}/{len(runs)} | {median_seconds(results, task, label):.1f} |"
            )
        lines += ["", ratio_line(results, task, labels)]
    return "\n".join(lines) + "\n"


def ratio_line(results: list[RunResult], task: str, labels: list[str]) -> str:
    """The course's best agent (most seeds held, then fastest) against SB3's fastest."""

    def held(label: str) -> int:
        return sum(r.holds for r in results if r.task == task and r.label == label)

    course = [label for label in labels if label.startswith("course")]
    sb3 = [label for label in labels if label.startswith("sb3")]
    if not course or not sb3:
        return "(no ratio: one library is missing)"
    best = max(course, key=lambda label: (held(label), -median_seconds(results, task, label)))
    fastest = min(sb3, key=lambda label: median_seconds(results, task, label))
    ratio = median_seconds(results, task, best) / median_seconds(results, task, fastest)
    return (
        f"Course's best, {best}, median {median_seconds(results, task, best):.1f} s; SB3's "
        f"fastest, {fastest}, median {median_seconds(results, task, fastest):.1f} s "
        f"(held {held(fastest)} of its runs): ratio {ratio:.2f}."
    )


def plot(results: list[RunResult], path: Path) -> None:
    """Per task: the final score of each run, and its wall-clock, by agent."""
    import matplotlib.pyplot as plt

    tasks = list(dict.fromkeys(r.task for r in results))
    fig, axes = plt.subplots(
        2, len(tasks), figsize=(6 * len(tasks), 7), squeeze=False, layout="constrained"
    )
    for column, task in enumerate(tasks):
        rows = [r for r in results if r.task == task]
        labels = list(dict.fromkeys(r.label for r in rows))
        for row, (value, name) in enumerate(
            [
                ("final_mean", "final score (100 greedy episodes)"),
                ("seconds", "training wall-clock (s)"),
            ]
        ):
            ax = axes[row][column]
            for x, label in enumerate(labels):
                ys = [getattr(r, value) for r in rows if r.label == label]
                ax.scatter([x] * len(ys), ys, label=label)
            if value == "final_mean":
                ax.axhline(TASKS[task].threshold, color="black", linestyle="--", label="threshold")
            ax.set_xticks(range(len(labels)), labels, rotation=20)
            ax.set_title(f"{TASKS[task].env_id}, one dot per seed")
            if value == "seconds":
                ax.set_ylim(bottom=0)
            ax.set_xlabel("agent")
            ax.set_ylabel(name)
        axes[0][column].legend(fontsize=8)
    fig.savefig(path, dpi=100)
    plt.close(fig)


def machine() -> dict[str, str]:
    import stable_baselines3
    import torch

    return {
        "date": datetime.date.today().isoformat(),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.system()}",
        "python": platform.python_version(),
        "torch": torch.__version__,
        "stable_baselines3": stable_baselines3.__version__,
        "gymnasium": gym.__version__,
    }


def earlier_runs(
    out_dir: Path, tasks: list[str], agents: list[str] | None = None
) -> list[RunResult]:
    """The runs already in ``out_dir/results.json`` that a benchmark of ``tasks`` (and of
    ``agents``, where given) does not redo, and keeps: ``--tasks lunarlander`` after
    ``--tasks cartpole`` adds to its table; ``--agents "course A2C"`` replaces that agent's rows."""
    path = out_dir / "results.json"
    if not path.is_file():
        return []
    try:
        runs = [RunResult(**row) for row in json.loads(path.read_text(encoding="utf-8"))["runs"]]
    except (ValueError, KeyError, TypeError) as error:
        raise CourseError(
            f"{path} is not a benchmark's results ({error}); remove it or choose another --out"
        ) from None

    def redone(run: RunResult) -> bool:
        return run.task in tasks and (agents is None or run.label in agents)

    return [run for run in runs if not redone(run)]


def in_spec_order(results: list[RunResult]) -> list[RunResult]:
    """By task and agent as SPECS lists them, then by seed: rows that a later ``--agents``
    run replaced stay where they were in the tables."""
    order = {(spec.task, spec.label): index for index, spec in enumerate(SPECS)}
    return sorted(results, key=lambda run: (order.get((run.task, run.label), len(order)), run.seed))


def write(results: list[RunResult], out_dir: Path) -> list[Path]:
    """results.csv, results.md, results.json (with the machine) and bench.png in ``out_dir``,
    the runs in SPECS' order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    info = machine()
    results = in_spec_order(results)
    rows = [asdict(result) for result in results]
    with (out_dir / "results.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (out_dir / "results.md").write_text(markdown(results, info), encoding="utf-8")
    (out_dir / "results.json").write_text(
        json.dumps({"machine": info, "runs": rows}, indent=2), encoding="utf-8"
    )
    plot(results, out_dir / "bench.png")
    return [out_dir / name for name in ("results.csv", "results.md", "results.json", "bench.png")]
