"""The one exception type the ``rlcourse`` command turns into a one-line message."""


class CourseError(Exception):
    """A problem the learner can fix (unknown lesson, missing workspace, broken post).

    The CLI prints the message on one line and exits with status 2; no traceback.
    """
