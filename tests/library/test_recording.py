from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence

from rlcourse.recording import record_gif


def test_a_gif_of_one_episode(tmp_path: Path) -> None:
    path = tmp_path / "gifs" / "cartpole.gif"

    def always_left(observation: np.ndarray) -> int:
        assert observation.shape == (4,)
        return 0

    recording = record_gif("CartPole-v1", always_left, path, seed=0, frame_every=2, scale=0.5)
    # Pushing left every step topples the pole within a few dozen steps, reward 1 per step.
    assert 5 < recording.steps < 60
    assert recording.episode_return == recording.steps
    assert recording.frames == 1 + -(-recording.steps // 2)  # the reset, then every 2nd step
    with Image.open(path) as gif:
        # Pillow merges identical consecutive frames, so the file may hold fewer.
        assert 1 < sum(1 for _ in ImageSequence.Iterator(gif)) <= recording.frames
        assert gif.size == (300, 200)  # CartPole renders 600x400; scale 0.5


def test_the_step_limit_ends_the_episode(tmp_path: Path) -> None:
    recording = record_gif(
        "CartPole-v1",
        lambda observation: int(observation[2] > 0),
        tmp_path / "a.gif",
        seed=1,
        max_steps=20,
    )
    assert recording.steps == 20
    assert recording.frames == 11  # the first frame, then every second step
