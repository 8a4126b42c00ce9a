"""Coverage of per-gemeente networks: which member gemeenten are covered, in progress, declined or to approach.

Every path (the network page, the board, the charts, the dashboard, the exports) decides a status with
rule.coverage_status.
"""

from .history import CoverageFacts, CoveragePoint, coverage_facts, coverage_history, quarter_label, quarter_starts
from .matrix import (
    CoverageMatrix,
    GemeenteCoverage,
    MatrixCell,
    coverage_for_gemeente,
    coverage_matrix,
    coverage_summaries,
)
from .network import Coverage, CoverageRow, network_coverage, participation_statuses_on
from .rule import COVERED_STATUSES, DECLINED_STATUSES, IN_PROGRESS_STATUSES, coverage_status, outreach_is_recent

__all__ = [
    "COVERED_STATUSES",
    "DECLINED_STATUSES",
    "IN_PROGRESS_STATUSES",
    "Coverage",
    "CoverageFacts",
    "CoverageMatrix",
    "CoveragePoint",
    "CoverageRow",
    "GemeenteCoverage",
    "MatrixCell",
    "coverage_facts",
    "coverage_for_gemeente",
    "coverage_history",
    "coverage_matrix",
    "coverage_status",
    "coverage_summaries",
    "network_coverage",
    "outreach_is_recent",
    "participation_statuses_on",
    "quarter_label",
    "quarter_starts",
]
