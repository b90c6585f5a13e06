"""What exercise checks are written with.

A check is a file ``checks/<exercise>.py`` in a lesson with one function::

    def check(module: ModuleType) -> None: ...

``module`` is the learner's exercise file, imported. The check calls the learner's
functions on small inputs and raises :class:`CheckFailed` with a message a learner can
act on ("expected shape (4, 2), got (2, 4)"). The helpers below write those messages.
``rlcourse check`` runs each check in its own process with a time limit, so an endless
loop in the learner's code becomes a timeout rather than a hang.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import gymnasium as gym
import numpy as np
import torch
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.quiver import Quiver
from PIL import Image
from torch.overrides import TorchFunctionMode

T = TypeVar("T")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"  # the first 8 bytes of every PNG file


class CheckFailed(Exception):
    """The learner's answer is wrong; the message says how."""


def get_function(module: ModuleType, name: str) -> Callable[..., Any]:
    """The learner's function ``name``, or a failure saying it is missing."""
    value = getattr(module, name, None)
    if value is None:
        raise CheckFailed(f"your file defines no `{name}`: keep the function name from the stub")
    if not callable(value):
        raise CheckFailed(f"`{name}` should be a function, got {type(value).__name__}")
    return value


def expect_type(value: object, expected: type[T], what: str) -> T:
    """``value`` narrowed to ``expected``, or a failure naming both types."""
    if not isinstance(value, expected):
        raise CheckFailed(f"{what}: expected a {expected.__name__}, got {type(value).__name__}")
    return value


def expect_tensor(value: object, what: str) -> torch.Tensor:
    return expect_type(value, torch.Tensor, what)


def expect_shape(value: torch.Tensor | np.ndarray, shape: tuple[int, ...], what: str) -> None:
    got = tuple(value.shape)
    if got != shape:
        raise CheckFailed(f"{what}: expected shape {shape}, got {got}")


def expect_dtype(
    value: torch.Tensor | np.ndarray, dtype: torch.dtype | type[np.generic], what: str
) -> None:
    """A tensor of torch dtype ``dtype`` or a NumPy array of dtype ``dtype`` (np.float64 …)."""
    if isinstance(value, torch.Tensor):
        wrong = value.dtype != dtype
    else:
        wrong = not isinstance(dtype, type) or value.dtype != np.dtype(dtype)
    if wrong:
        name = dtype.__name__ if isinstance(dtype, type) else str(dtype)
        raise CheckFailed(f"{what}: expected dtype {name}, got {value.dtype}")


def expect_equal(got: object, expected: object, what: str) -> None:
    if got != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {got!r}")


def expect_true(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def expect_close(
    got: float | torch.Tensor | np.ndarray,
    expected: float | torch.Tensor | np.ndarray,
    what: str,
    atol: float = 1e-6,
    rtol: float = 1e-5,
) -> None:
    """Numbers or arrays equal within ``atol + rtol * |expected|``; the message names the
    first entry that differs, with its index."""
    got_array = _as_array(got, what)
    expected_array = _as_array(expected, "expected value")
    if got_array.shape != expected_array.shape:
        raise CheckFailed(f"{what}: expected shape {expected_array.shape}, got {got_array.shape}")
    finite = np.isfinite(got_array)
    if not finite.all():
        raise CheckFailed(f"{what}: {_entry(~finite, got_array)} is {_first(~finite, got_array)}")
    close = np.isclose(got_array, expected_array, atol=atol, rtol=rtol)
    if not close.all():
        tolerance = f"tolerance {atol:g} + {rtol:g}·|expected|"
        raise CheckFailed(_difference(what, ~close, got_array, expected_array, tolerance))


def expect_array_equal(got: object, expected: np.ndarray, what: str) -> None:
    """An array (NumPy or torch) of exactly the values of ``expected``, shape included;
    the message names the first entry that differs. Dtypes are not compared: use
    :func:`expect_dtype` where the task fixes one."""
    if isinstance(got, torch.Tensor):
        got_array = got.detach().cpu().numpy()
    elif isinstance(got, np.ndarray):
        got_array = got
    else:
        raise CheckFailed(f"{what}: expected an array, got {type(got).__name__}")
    if got_array.shape != expected.shape:
        raise CheckFailed(f"{what}: expected shape {expected.shape}, got {got_array.shape}")
    differs = got_array != expected
    if differs.any():
        raise CheckFailed(_difference(what, differs, got_array, expected, "exact comparison"))


def expect_grid_close(got: object, expected: np.ndarray, what: str, nan_cells: str) -> None:
    """A grid of numbers with NaN in some cells (``nan_cells`` says which, e.g. "walls"):
    the NaN cells must be the same, and the other cells close to ``expected``."""
    grid = expect_type(got, np.ndarray, what)
    expect_shape(grid, expected.shape, what)
    got_nan = np.isnan(grid.astype(np.float64))
    expect_equal(
        np.argwhere(got_nan).tolist(),
        np.argwhere(np.isnan(expected)).tolist(),
        f"{what}: the (row, col) cells that are NaN ({nan_cells})",
    )
    values = grid.astype(np.float64)
    finite = np.isfinite(values) | got_nan
    if not finite.all():
        raise CheckFailed(f"{what}: {_entry(~finite, values)} is {_first(~finite, values)}")
    differs = ~np.isclose(values, expected, atol=1e-6, rtol=1e-5) & ~got_nan
    if differs.any():
        tolerance = "tolerance 1e-06 + 1e-05·|expected|, NaN cells aside"
        raise CheckFailed(_difference(what, differs, values, expected, tolerance))


def expect_png(
    path: Path, what: str, min_size: tuple[int, int] = (1, 1), min_colours: int = 1
) -> None:
    """``what`` saved a PNG image at ``path``, at least ``min_size`` (width, height)
    pixels, with more than ``min_colours`` distinct colours (so not blank)."""
    if not path.is_file():
        raise CheckFailed(f"{what} wrote no file at {path}")
    if not path.read_bytes().startswith(PNG_SIGNATURE):
        raise CheckFailed(f"{what} wrote a file that is not a PNG image")
    with Image.open(path) as image:
        width, height = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    min_width, min_height = min_size
    expect_true(
        width >= min_width and height >= min_height,
        f"the figure is {width} x {height} pixels: expected at least {min_width} x {min_height}",
    )
    expect_true(len(colours) > min_colours, "the saved figure is (nearly) blank")


def expect_between(value: float, low: float, high: float, what: str) -> None:
    if not (math.isfinite(value) and low <= value <= high):
        raise CheckFailed(f"{what}: expected a value in [{low:g}, {high:g}], got {value!r}")


@contextmanager
def forbidden(shortcuts: dict[str, str], *learner_modules: ModuleType) -> Iterator[None]:
    """While the block runs, each shortcut (a dotted name such as ``"numpy.linalg.solve"``)
    raises :class:`CheckFailed` with the reason the task gives (``"solve the equations by
    hand"``). Names the learner's modules imported directly (``from numpy.linalg import
    solve``) are replaced too. Everything is restored afterwards."""
    restore: list[tuple[object, str, object]] = []
    try:
        for dotted, reason in shortcuts.items():
            owner_name, attribute = dotted.rsplit(".", 1)
            owner = importlib.import_module(owner_name)
            original = getattr(owner, attribute)
            blocked = _blocked(dotted, reason)
            restore.append((owner, attribute, original))
            setattr(owner, attribute, blocked)
            for module in learner_modules:
                for name, value in list(vars(module).items()):
                    if value is original:
                        restore.append((module, name, original))
                        setattr(module, name, blocked)
        yield
    finally:
        for owner, attribute, original in reversed(restore):
            setattr(owner, attribute, original)


def no_autograd(reason: str) -> dict[str, str]:
    """The shortcuts for ``forbidden`` that make autograd raise (``loss.backward()`` goes
    through ``torch.autograd.backward``), for exercises where the learner writes the
    gradient by hand."""
    return {name: reason for name in ("torch.autograd.backward", "torch.autograd.grad")}


def _blocked(dotted: str, reason: str) -> Callable[..., Any]:
    def refuse(*args: object, **kwargs: object) -> Any:
        raise CheckFailed(f"your code called `{dotted}`, which this task forbids: {reason}")

    return refuse


@dataclass(frozen=True)
class PlottedLine:
    x: np.ndarray
    y: np.ndarray
    label: str


@dataclass(frozen=True)
class PlottedArrows:
    """A quiver: arrows anchored at (x, y) (``pivot``: "tail", "middle" or "tip") with
    vectors (u, v), read as data coordinates (``angles="xy"``) or as screen directions
    (the default "uv"), on axes that may be inverted (imshow puts row 0 at the top)."""

    x: np.ndarray
    y: np.ndarray
    u: np.ndarray
    v: np.ndarray
    angles: str
    pivot: str
    x_inverted: bool
    y_inverted: bool

    def screen_directions(self) -> tuple[np.ndarray, np.ndarray]:
        """(right, up) components of each arrow as drawn on the screen, up positive; the
        lengths are those of (u, v), only the signs follow the axes."""
        if self.angles != "xy":
            return self.u, self.v
        return (-self.u if self.x_inverted else self.u), (-self.v if self.y_inverted else self.v)


@dataclass(frozen=True)
class PlottedAxes:
    title: str
    xlabel: str
    ylabel: str
    lines: list[PlottedLine]
    images: list[np.ndarray]  # what imshow/matshow drew, masked cells as NaN
    image_limits: list[tuple[float, float]]  # each image's colour scale (vmin, vmax)
    arrows: list[PlottedArrows]
    texts: list[str]  # ax.text and annotate strings
    legend: list[str]  # the legend's entries, empty without a legend
    bars: np.ndarray  # (bars, 2): the centre x and the height of each bar, in drawing order
    points: list[np.ndarray]  # (n, 2) x, y of each scatter call
    fills: list[np.ndarray]  # (n, 2) vertices of each filled area (fill_between, fill)
    equal_aspect: bool  # one unit on x as long as one unit on y (set_aspect("equal") or 1)


@dataclass(frozen=True)
class SavedFigure:
    """What one ``savefig`` call saved: where to (a path, or "" for a buffer, as an
    animation writer saves its frames), the figure's title and its axes."""

    target: str
    suptitle: str
    axes: list[PlottedAxes]

    def lines(self) -> list[PlottedLine]:
        return [line for axes in self.axes for line in axes.lines]

    def images(self) -> list[np.ndarray]:
        return [image for axes in self.axes for image in axes.images]

    def titles(self) -> list[str]:
        return [self.suptitle, *(axes.title for axes in self.axes)]


@contextmanager
def recorded_figures() -> Iterator[list[SavedFigure]]:
    """Record the data of every Figure saved while the block runs (``fig.savefig``,
    ``plt.savefig`` and the frames an animation writer saves), so a check can test what
    was plotted and not only that a file exists. The figures are still saved."""
    saved: list[SavedFigure] = []
    original = Figure.savefig

    def recording_savefig(figure: Figure, fname: Any, *args: Any, **kwargs: Any) -> None:
        saved.append(_snapshot(figure, fname))
        original(figure, fname, *args, **kwargs)

    Figure.savefig = recording_savefig  # pyright: ignore[reportAttributeAccessIssue]
    try:
        yield saved
    finally:
        Figure.savefig = original


def saved_to(figures: list[SavedFigure], path: Path, what: str) -> SavedFigure:
    """The last figure saved at ``path``, or a failure saying nothing was saved there."""
    for figure in reversed(figures):
        if figure.target and Path(figure.target).resolve() == path.resolve():
            return figure
    raise CheckFailed(
        f"{what} saved no matplotlib figure at {path}: draw with matplotlib and save with "
        "fig.savefig(path)"
    )


def _snapshot(figure: Figure, fname: object) -> SavedFigure:
    target = str(fname) if isinstance(fname, str | Path) else ""
    return SavedFigure(target, figure.get_suptitle(), [_axes_data(axes) for axes in figure.axes])


def _axes_data(axes: Axes) -> PlottedAxes:
    lines = [
        PlottedLine(_floats(line.get_xdata()), _floats(line.get_ydata()), str(line.get_label()))
        for line in axes.get_lines()
    ]
    images = [
        np.ma.filled(np.ma.asarray(image.get_array(), dtype=np.float64), np.nan)
        for image in axes.get_images()
    ]
    limits = [_pair(image.get_clim()) for image in axes.get_images()]
    arrows = [
        PlottedArrows(
            _floats(quiver.X),
            _floats(quiver.Y),
            _floats(quiver.U),
            _floats(quiver.V),
            str(quiver.angles),
            str(quiver.pivot),
            axes.xaxis_inverted(),
            axes.yaxis_inverted(),
        )
        for quiver in axes.collections
        if isinstance(quiver, Quiver)
    ]
    texts = [text.get_text() for text in axes.texts]
    legend = axes.get_legend()
    entries = [text.get_text() for text in legend.get_texts()] if legend is not None else []
    bars = np.array(
        [
            (patch.get_x() + patch.get_width() / 2, patch.get_height())
            for patch in axes.patches
            if isinstance(patch, Rectangle)
        ],
        dtype=np.float64,
    ).reshape(-1, 2)
    points = [
        np.asarray(collection.get_offsets(), dtype=np.float64).reshape(-1, 2)
        for collection in axes.collections
        if isinstance(collection, PathCollection)
    ]
    fills = [
        np.concatenate([path.vertices for path in collection.get_paths()]).astype(np.float64)
        for collection in axes.collections
        if isinstance(collection, PolyCollection) and not isinstance(collection, Quiver)
    ]
    return PlottedAxes(
        axes.get_title(),
        axes.get_xlabel(),
        axes.get_ylabel(),
        lines,
        images,
        limits,
        arrows,
        texts,
        entries,
        bars,
        points,
        fills,
        axes.get_aspect() == 1.0,
    )


def _pair(values: tuple[Any, Any]) -> tuple[float, float]:
    return float(values[0]), float(values[1])


def _floats(values: object) -> np.ndarray:
    return np.ma.filled(np.ma.asarray(values, dtype=np.float64), np.nan).ravel()


@dataclass(frozen=True)
class PlottedContour:
    """One ax.contour or ax.contourf call: its axes and the grids it was given."""

    axes: Axes
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray


@contextmanager
def recorded_contours() -> Iterator[list[PlottedContour]]:
    """Record the axes and the (X, Y, Z) grids of every contour plot (``ax.contour``,
    ``ax.contourf`` or their ``plt`` forms) drawn while the block runs, so a check can test
    what surface was drawn, not only that a file was saved."""
    calls: list[PlottedContour] = []
    originals = {name: getattr(Axes, name) for name in ("contour", "contourf")}

    def recording(name: str) -> Callable[..., Any]:
        def draw(ax: Axes, *args: Any, **kwargs: Any) -> Any:
            if len(args) >= 3:
                x, y, z = (np.asarray(a, dtype=np.float64) for a in args[:3])
                calls.append(PlottedContour(ax, x, y, z))
            return originals[name](ax, *args, **kwargs)

        return draw

    for name in originals:
        setattr(Axes, name, recording(name))
    try:
        yield calls
    finally:
        for name, original in originals.items():
            setattr(Axes, name, original)


@contextmanager
def _recording(
    owner: object, name: str, original: Callable[..., Any], record: Callable[..., None]
) -> Iterator[None]:
    """Replace ``owner.name`` while the block runs by a function that calls ``record`` with
    each call's arguments, then ``original``, so the code under test works as usual."""

    def recording(*args: Any, **kwargs: Any) -> Any:
        record(*args, **kwargs)
        return original(*args, **kwargs)

    setattr(owner, name, recording)
    try:
        yield
    finally:
        setattr(owner, name, original)


@contextmanager
def recorded_calls(module: ModuleType, name: str) -> Iterator[list[tuple[Any, ...]]]:
    """Record the positional arguments of every call to the learner's function ``name``
    made while the block runs (arrays copied as they were at the call), so a check can
    test what a loop passed to a helper the task asks it to use."""
    calls: list[tuple[Any, ...]] = []

    def record(*args: Any, **kwargs: Any) -> None:
        calls.append(tuple(np.array(a) if isinstance(a, np.ndarray) else a for a in args))

    with _recording(module, name, get_function(module, name), record):
        yield calls


@contextmanager
def recorded_keyword(owner: object, name: str, keyword: str) -> Iterator[list[object]]:
    """Record the value of ``keyword`` (None where it is not passed) in every call to
    ``owner.name`` made while the block runs, e.g. ``recorded_keyword(torch, "load",
    "map_location")``; the calls still run, so the learner's code works as usual."""
    seen: list[object] = []

    def record(*args: Any, **kwargs: Any) -> None:
        seen.append(kwargs.get(keyword))

    with _recording(owner, name, getattr(owner, name), record):
        yield seen


def transition_batch(
    rng: np.random.Generator, sizes: tuple[int, int], observation_size: int
) -> dict[str, torch.Tensor]:
    """A random minibatch of transitions of between ``sizes[0]`` and ``sizes[1] - 1`` rows:
    ``rewards`` (B,), ``next_observations`` (B, observation_size), and ``terminated`` and
    ``truncated`` flags (B,) as float32, with an ordinary, a terminated and a truncated
    transition in the first three rows so that every case is tested."""
    batch = int(rng.integers(*sizes))
    flags = rng.integers(0, 3, size=batch)  # 0: ordinary, 1: terminated, 2: truncated
    flags[:3] = (0, 1, 2)
    return {
        "rewards": torch.tensor(rng.normal(size=batch), dtype=torch.float32),
        "next_observations": torch.tensor(
            rng.normal(size=(batch, observation_size)), dtype=torch.float32
        ),
        "terminated": torch.tensor(flags == 1, dtype=torch.float32),
        "truncated": torch.tensor(flags == 2, dtype=torch.float32),
    }


@dataclass(frozen=True)
class TorchCall:
    """One call to a watched torch function: which one, its positional arguments, its result."""

    func: Callable[..., Any]
    args: tuple[Any, ...]
    result: Any


class _TorchCallRecorder(TorchFunctionMode):
    def __init__(self, funcs: Collection[Callable[..., Any]]) -> None:
        super().__init__()
        self.funcs = funcs
        self.calls: list[TorchCall] = []

    def __torch_function__(
        self,
        func: Callable[..., Any],
        types: Sequence[type],
        args: Sequence[Any] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Any:
        result = func(*args, **(kwargs or {}))
        if func in self.funcs:
            self.calls.append(TorchCall(func, tuple(args), result))
        return result


@contextmanager
def torch_calls(funcs: Collection[Callable[..., Any]]) -> Iterator[list[TorchCall]]:
    """Record every call the block makes to one of the torch functions ``funcs`` (for
    example ``torch.add`` and ``torch.Tensor.__add__``, which ``a + b`` goes through), so a
    check can test how the learner's code computed its answer, not only the answer."""
    recorder = _TorchCallRecorder(funcs)
    with recorder:
        yield recorder.calls


class _TorchBlocker(TorchFunctionMode):
    def __init__(self, funcs: Collection[Callable[..., Any]], message: str) -> None:
        super().__init__()
        self.funcs = funcs
        self.message = message

    def __torch_function__(
        self,
        func: Callable[..., Any],
        types: Sequence[type],
        args: Sequence[Any] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Any:
        if func in self.funcs:
            raise CheckFailed(self.message.format(name=getattr(func, "__name__", repr(func))))
        return func(*args, **(kwargs or {}))


@contextmanager
def forbidden_torch(funcs: Collection[Callable[..., Any]], message: str) -> Iterator[None]:
    """Make every call to one of the torch functions, methods or property getters ``funcs``
    fail the check with ``message`` while the block runs (``{name}`` in it becomes the
    function's name): for tasks that ask the learner to do by hand what torch does.
    ``forbidden`` does the same for functions looked up by their module path."""
    with _TorchBlocker(funcs, message):
        yield


def stop_after(env: gym.Env[Any, Any], limit: int) -> gym.Env[Any, Any]:
    """``env``, whose ``step`` fails the check once an episode runs past ``limit`` steps
    (its time limit), instead of letting a loop that ignores ``truncated`` run forever."""
    real_step, real_reset = env.step, env.reset
    steps = [0]

    def reset(**kwargs: Any) -> Any:
        steps[0] = 0
        return real_reset(**kwargs)

    def step(action: Any) -> Any:
        steps[0] += 1
        if steps[0] > limit:
            raise CheckFailed(
                f"your loop stepped past the {limit}-step time limit: an episode also ends "
                "when the environment says truncated (stop on terminated or truncated)"
            )
        return real_step(action)

    env.reset, env.step = reset, step
    return env


def random_cases(seed: int, count: int, make: Callable[[np.random.Generator], T]) -> list[T]:
    """``count`` cases made by ``make`` from one generator seeded with ``seed``: the check's
    own random inputs, the same on every run, next to its fixed cases."""
    rng = np.random.default_rng(seed)
    return [make(rng) for _ in range(count)]


def expect_seeded(
    run: Callable[[int], object], what: str, same: Callable[[Any, Any], bool] | None = None
) -> None:
    """``run(seed)`` gives the same result twice for one seed and another result for
    another seed. ``same`` compares two results (default: equal arrays or values)."""
    equal = same or _same_result
    first, again, other = run(0), run(0), run(1)
    expect_true(
        equal(first, again),
        f"{what}: seed 0 gave different results on two calls; draw every random number "
        "from the seed or the generator you are given (not from np.random or random)",
    )
    expect_true(
        not equal(first, other),
        f"{what}: seeds 0 and 1 gave the same result; draw from the seed or the generator "
        "you are given (a generator of your own with a fixed seed ignores it)",
    )


def _same_result(a: object, b: object) -> bool:
    if isinstance(a, torch.Tensor | np.ndarray) or isinstance(b, torch.Tensor | np.ndarray):
        left, right = np.asarray(_plain(a)), np.asarray(_plain(b))
        return left.shape == right.shape and bool(np.array_equal(left, right))
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(map(_same_result, a, b))
    return a == b


def _plain(value: object) -> object:
    return value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else value


def _as_array(value: object, what: str) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().double().numpy()
    if isinstance(value, np.ndarray):
        return value.astype(np.float64)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CheckFailed(f"{what}: expected a number or a tensor, got {type(value).__name__}")
    return np.asarray(float(value))


def _index(mask: np.ndarray) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _entry(mask: np.ndarray, array: np.ndarray) -> str:
    """ "entry [i, j]" for the first True cell of ``mask``, or "the value" for a scalar."""
    if array.ndim == 0:
        return "the value"
    return "entry [" + ", ".join(map(str, _index(mask))) + "]"


def _first(mask: np.ndarray, array: np.ndarray) -> str:
    return _number(array[_index(mask)] if array.ndim else array)


def _number(value: object) -> str:
    item = np.asarray(value).item()
    return f"{item:.6g}" if isinstance(item, float) else repr(item)


def _difference(
    what: str, differs: np.ndarray, got: np.ndarray, expected: np.ndarray, tolerance: str
) -> str:
    """The message for arrays that differ: the first differing entry by index, how many
    differ, and both arrays in full when they are small enough to read."""
    if got.ndim == 0:
        return f"{what}: expected {_number(expected)}, got {_number(got)} ({tolerance})"
    index = _index(differs)
    message = (
        f"{what}: {_entry(differs, got)} expected {_number(expected[index])}, got "
        f"{_number(got[index])} ({int(differs.sum())} of {differs.size} entries differ; "
        f"{tolerance})"
    )
    if got.size <= 16:
        message += f"; expected {_short(expected)}, got {_short(got)}"
    return message


def _short(array: np.ndarray) -> str:
    if array.size == 1:
        return _number(array.reshape(()))
    # Every option is explicit: a learner's code may have changed numpy's global ones.
    text = np.array2string(
        array,
        precision=4,
        threshold=16,
        max_line_width=100,
        suppress_small=False,
        floatmode="maxprec",
    )
    return " ".join(text.split())
