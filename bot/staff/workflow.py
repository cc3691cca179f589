"""The status workflow of a report: which moves staff may make, and which need a reason."""

from __future__ import annotations

STATUS_LABELS = {
    "new": "New",
    "in_review": "In review",
    "referred": "Referred",
    "resolved": "Resolved",
    "closed": "Closed",
}
STATUSES = tuple(STATUS_LABELS)

# Forward moves may skip steps; a resolved or closed report can be reopened for review.
MOVES = {
    "new": ("in_review", "referred", "resolved", "closed"),
    "in_review": ("referred", "resolved", "closed"),
    "referred": ("in_review", "resolved", "closed"),
    "resolved": ("in_review", "closed"),
    "closed": ("in_review",),
}
NEEDS_REASON = ("closed",)


class WorkflowError(ValueError):
    """A status change the workflow does not allow; the message says why."""


def check_move(current: str, new: str, reason: str | None) -> None:
    """Raise WorkflowError unless a report may go from current to new with this reason."""
    if new not in STATUS_LABELS:
        raise WorkflowError(f"unknown status {new!r}")
    if new == current:
        raise WorkflowError(f"The report is already {STATUS_LABELS[new].lower()}.")
    if new not in MOVES.get(current, ()):
        raise WorkflowError(f"A report that is {STATUS_LABELS.get(current, current).lower()} "
                            f"cannot become {STATUS_LABELS[new].lower()}.")
    if new in NEEDS_REASON and not (reason or "").strip():
        raise WorkflowError(f"Give a reason to mark a report {STATUS_LABELS[new].lower()}.")
