"""Learn Reinforcement Learning with PyTorch: the library the lessons teach and import
(Part 1.1 introduces it).

Environments, agents, dynamic programming, MDPs, seeding and devices. Each module's
docstring names the Part that introduces it. The machinery behind the ``rlcourse``
command (lint, runner, checks, site) is the separate package ``coursetools``; nothing
here imports it.
"""

__version__ = "0.1.0"
