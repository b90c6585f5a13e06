"""Every exercise's mistakes (``mistakes/*.toml``): its check rejects each one, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursetools.check_runner import check_mistakes, load_mistakes, run_checks, timeout_for
from coursetools.lessons import load, written_lessons

LESSON_IDS = [lesson.id for lesson in written_lessons()]


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_checks_reject_every_mistake_by_name(lesson_id: str, tmp_path: Path) -> None:
    lesson = load(lesson_id)
    assert load_mistakes(lesson), f"lesson {lesson_id} has no mistakes/ (the lint reports it)"
    wrong: list[str] = []
    for mistake, outcome in check_mistakes(lesson, tmp_path):
        where = f"{mistake.exercise}, {mistake.name!r}"
        if outcome.passed:
            wrong.append(f"{where}: the check passed this wrong solution")
        elif mistake.expect.lower() not in outcome.message.lower():
            wrong.append(f"{where}: expected {mistake.expect!r} in: {outcome.message}")
    assert wrong == []


# Right answers written another way than the solution, which the checks must accept:
# (lesson, exercise, text of the solution, what a learner may write instead).
RIGHT_ANSWERS = [
    (
        "4.4",
        "ex1_q_table",
        "            return int(action)",
        "            return np.int64(action)  # what indexing a NumPy array would give",
    ),
    (
        "5.2",
        "ex1_q_network",
        "self.layers = nn.Sequential(*layers)",
        "nn.init.zeros_(layers[-1].weight)  # a zero output layer: Q = bias at the start\n"
        "        self.layers = nn.Sequential(*layers)",
    ),
    (
        "5.2",
        "ex4_checkpoint",
        '"hidden_sizes": [layer.out_features for layer in linears[:-1]],',
        '"hidden_sizes": tuple(layer.out_features for layer in linears[:-1]),',
    ),
]


@pytest.mark.parametrize("lesson_id", sorted({answer[0] for answer in RIGHT_ANSWERS}))
def test_checks_accept_right_answers_written_another_way(lesson_id: str, tmp_path: Path) -> None:
    lesson = load(lesson_id)
    pairs: list[tuple[Path, Path]] = []
    for number, (_, exercise, text, other) in enumerate(
        answer for answer in RIGHT_ANSWERS if answer[0] == lesson_id
    ):
        solution = (lesson.folder / "solutions" / f"{exercise}.py").read_text()
        assert solution.count(text) == 1, f"{exercise}: {text!r} must occur once"
        learner = tmp_path / str(number) / f"{exercise}.py"
        learner.parent.mkdir()
        learner.write_text(solution.replace(text, other))
        pairs.append((lesson.folder / "checks" / f"{exercise}.py", learner))
    failed = [o.message for o in run_checks(pairs, timeout_for(lesson)) if not o.passed]
    assert failed == []
