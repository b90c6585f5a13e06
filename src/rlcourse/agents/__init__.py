"""Agents that learn from experience (Part 4.3 introduces the first, the bandits).

Bandits (Part 4.3), tabular Q-learning and SARSA (Part 4.4), value prediction
(Part 4.5) and DQN with its replay buffer (Part 5.2).
"""
