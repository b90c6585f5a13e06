"""Learn Reinforcement Learning with PyTorch: the course's tooling and reference library."""

__version__ = "0.1.0"
