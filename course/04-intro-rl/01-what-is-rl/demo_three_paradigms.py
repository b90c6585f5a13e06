"""Demo 3: supervised, unsupervised and reinforcement learning side by side, in PyTorch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from tqdm import tqdm

from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    labelled_points: int = 100
    unlabelled_points: int = 300
    clusters: int = 3
    kmeans_iterations: int = 20
    payout: tuple[float, ...] = (0.2, 0.5, 0.7)  # each arm's win probability, hidden from the agent
    pulls: int = 1000
    epsilon: float = 0.1
    bandit_runs: int = 200  # independent bandit runs averaged in the figure
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    true_line: list[float]  # (w, b) that generated the labels
    fitted_line: list[float]
    fit_mse: float
    true_centres: list[list[float]]
    found_centres: list[list[float]]  # sorted by x, to line up with the true ones
    within_cluster_ss: float
    arm_estimates: list[float]  # one run
    arm_pulls: list[int]  # one run
    mean_reward_one_run: float
    best_arm_share_last_100: float  # share of the last 100 pulls on the best arm, over the runs
    best_arm_share_ceiling: float  # 1 - epsilon + epsilon / k: exploration caps the share
    figure: str


# --8<-- [start:supervised]
def fit_line(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Supervised: (w, b) minimizing (1/n) sum_i (w x_i + b - y_i)^2, shape (2,).

    The signal is the label y_i given for every input x_i: the correct answer.
    """
    design = torch.stack([x, torch.ones_like(x)], dim=1)  # (n, 2): columns x and 1
    return torch.linalg.lstsq(design, y.unsqueeze(1)).solution.squeeze(1)


# --8<-- [end:supervised]


# --8<-- [start:unsupervised]
def k_means(
    points: torch.Tensor, k: int, iterations: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Unsupervised: k centres (k, 2) and each point's cluster (n,), by Lloyd's algorithm.

    There is no signal besides the points: the objective is the within-cluster sum of
    squares, sum_i min_j ||x_i - mu_j||^2, which each iteration can only lower.
    """
    centres = points[torch.randperm(len(points), generator=generator)[:k]].clone()
    for _ in range(iterations):
        clusters = torch.cdist(points, centres).argmin(dim=1)  # nearest centre, (n,)
        for j in range(k):
            members = points[clusters == j]
            if len(members) > 0:  # an empty cluster keeps its old centre
                centres[j] = members.mean(dim=0)
    return centres, torch.cdist(points, centres).argmin(dim=1)


# --8<-- [end:unsupervised]


# --8<-- [start:reinforcement]
def epsilon_greedy_bandit(
    payout: torch.Tensor, pulls: int, epsilon: float, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """RL: estimates (k,), the arm chosen at every pull (pulls,) and its reward (pulls,).

    The signal is the reward of the arm it chose, and nothing about the arms it did not
    choose. The objective is the total reward, so it must also decide what to try.
    """
    k = len(payout)
    estimates = torch.zeros(k, dtype=torch.float64)  # running mean reward of each arm
    counts = torch.zeros(k, dtype=torch.float64)
    arms = torch.zeros(pulls, dtype=torch.long)
    rewards = torch.zeros(pulls, dtype=torch.float64)
    for t in range(pulls):
        if torch.rand((), generator=generator) < epsilon:
            arm = int(torch.randint(k, (), generator=generator))  # explore
        else:
            arm = int(estimates.argmax())  # exploit the best estimate so far
        reward = float(torch.rand((), generator=generator) < payout[arm])  # 1 with prob p
        counts[arm] += 1
        estimates[arm] += (reward - estimates[arm]) / counts[arm]  # incremental mean
        arms[t], rewards[t] = arm, reward
    return estimates, arms, rewards


# --8<-- [end:reinforcement]


def rounded(values: torch.Tensor) -> str:
    """A tensor's numbers with 3 decimals, nested as the tensor is (full precision prints long)."""
    if values.ndim == 0:
        return f"{float(values):.3f}"
    return "[" + ", ".join(rounded(row) for row in values) + "]"


def blobs(centres: torch.Tensor, n: int, spread: float, generator: torch.Generator) -> torch.Tensor:
    """``n`` points scattered around the given centres (equal shares), shape (n, 2)."""
    which = torch.arange(n) % len(centres)
    noise = torch.randn(n, 2, generator=generator, dtype=centres.dtype)
    return centres[which] + spread * noise


def plot_all(
    x: torch.Tensor,
    y: torch.Tensor,
    line: torch.Tensor,
    points: torch.Tensor,
    clusters: torch.Tensor,
    centres: torch.Tensor,
    best_arm_share: torch.Tensor,
    ceiling: float,
    path: Path,
) -> None:
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(12, 3.8), dpi=100)
    ax1.scatter(x, y, s=10, alpha=0.7)
    grid = torch.linspace(float(x.min()), float(x.max()), 50)
    ax1.plot(grid, line[0] * grid + line[1], color="black", label="least-squares fit")
    ax1.set_xlabel("input x")
    ax1.set_ylabel("label y")
    ax1.set_title("supervised: labels $y_i$ given")
    ax1.legend()
    ax2.scatter(points[:, 0], points[:, 1], c=clusters, s=8, cmap="viridis", alpha=0.7)
    ax2.scatter(centres[:, 0], centres[:, 1], marker="x", s=120, color="red", label="centres")
    ax2.set_xlabel("feature $x_1$")
    ax2.set_ylabel("feature $x_2$")
    ax2.set_title("unsupervised: no labels")
    ax2.legend()
    pulls = torch.arange(1, len(best_arm_share) + 1)
    ax3.plot(pulls, best_arm_share, color="tab:green", lw=1)
    ax3.axhline(ceiling, color="black", ls="--", lw=1, label="1 - ε + ε/k")
    ax3.legend(loc="lower right")
    ax3.set_ylim(0, 1)
    ax3.set_xlabel("pull")
    ax3.set_ylabel("share of runs pulling the best arm")
    ax3.set_title("RL: reward for the chosen arm only")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    torch.set_num_threads(1)  # tiny tensors: threads cost more than they save
    generator = torch.Generator().manual_seed(cfg.seed)
    f64 = torch.float64  # in float32, lstsq varied between runs in the 7th digit

    true_line = torch.tensor([2.0, 0.5], dtype=f64)  # y = 2x + 0.5 + noise
    x = 2 * torch.rand(cfg.labelled_points, generator=generator, dtype=f64) - 1
    noise = torch.randn(len(x), generator=generator, dtype=f64)
    y = true_line[0] * x + true_line[1] + 0.2 * noise
    line = fit_line(x, y)
    mse = float(((line[0] * x + line[1] - y) ** 2).mean())
    print(
        f"supervised:   fitted (w, b) = {rounded(line)}, true {rounded(true_line)}, MSE {mse:.4f}"
    )

    true_centres = torch.tensor([[-2.0, 0.0], [1.0, 2.0], [2.0, -1.5]], dtype=f64)  # hidden
    points = blobs(true_centres, cfg.unlabelled_points, 0.6, generator)
    centres, clusters = k_means(points, cfg.clusters, cfg.kmeans_iterations, generator)
    centres = centres[centres[:, 0].argsort()]  # order by x, as the true centres are
    clusters = torch.cdist(points, centres).argmin(dim=1)  # renumbered to the new order
    within = float(((points - centres[clusters]) ** 2).sum())
    print(f"unsupervised: centres found {rounded(centres)}")
    print(f"              true centres  {rounded(true_centres)}, within-cluster SS {within:.1f}")

    payout = torch.tensor(cfg.payout, dtype=f64)
    estimates, arms, rewards = epsilon_greedy_bandit(payout, cfg.pulls, cfg.epsilon, generator)
    counts = torch.bincount(arms, minlength=len(payout))
    print(f"RL:           estimates {rounded(estimates)}, true {rounded(payout)}")
    print(f"              pulls per arm {counts.tolist()}, mean reward {rewards.mean():.3f}")

    # How often each pull picks the best arm, averaged over independent runs.
    best = int(payout.argmax())
    chose_best = torch.zeros(cfg.pulls, dtype=f64)
    for _ in tqdm(range(cfg.bandit_runs), desc="bandit runs", leave=False):
        _, run_arms, _ = epsilon_greedy_bandit(payout, cfg.pulls, cfg.epsilon, generator)
        chose_best += (run_arms == best).to(f64) / cfg.bandit_runs
    share_last_100 = float(chose_best[-100:].mean())
    ceiling = 1 - cfg.epsilon + cfg.epsilon / len(payout)  # exploring picks any arm
    print(
        f"              best arm chosen in {share_last_100:.1%} of the last 100 pulls over "
        f"{cfg.bandit_runs} runs (at most {ceiling:.1%} with epsilon = {cfg.epsilon})"
    )

    figure = cfg.out_dir / "three_paradigms.png"
    plot_all(x, y, line, points, clusters, centres, chose_best, ceiling, figure)
    return Result(
        true_line=true_line.tolist(),
        fitted_line=line.tolist(),
        fit_mse=mse,
        true_centres=true_centres.tolist(),
        found_centres=centres.tolist(),
        within_cluster_ss=within,
        arm_estimates=estimates.tolist(),
        arm_pulls=counts.tolist(),
        mean_reward_one_run=float(rewards.mean()),
        best_arm_share_last_100=share_last_100,
        best_arm_share_ceiling=ceiling,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
