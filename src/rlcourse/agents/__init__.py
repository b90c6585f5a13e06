"""Reusable agents that the lessons teach and reuse."""
