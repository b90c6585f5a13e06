# Two commands do everything on a fresh clone:
#   make lesson   runs lesson 4.4 (or LESSON=M.L) and writes its figures to results/M.L
#   make test     runs every quality gate: ruff, pyright, the lesson lint and pytest
# Both create the virtual environment .venv first if it is missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LESSON ?= 4.4

.PHONY: lesson test full clean

$(BIN)/rlcourse: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet "torch==2.14.1" "torchvision==0.29.1"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/rlcourse

lesson: $(BIN)/rlcourse
	MPLBACKEND=Agg $(BIN)/rlcourse run $(LESSON) --out results/$(LESSON)

test: $(BIN)/rlcourse
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pyright
	$(BIN)/rlcourse lint
	MPLBACKEND=Agg SDL_VIDEODRIVER=dummy $(BIN)/pytest -n auto --dist loadgroup

full: $(BIN)/rlcourse
	MPLBACKEND=Agg SDL_VIDEODRIVER=dummy $(BIN)/pytest -m full

clean:
	rm -rf $(VENV) results rlcourse-work
