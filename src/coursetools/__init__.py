"""The course machinery behind the ``rlcourse`` command: syllabus, post syntax, runner,
exercise checks, lint, site and exports. Never shown in a post; the readers' library
is ``rlcourse``.
"""
