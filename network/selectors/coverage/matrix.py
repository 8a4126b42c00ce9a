"""Coverage of every member gemeente in every per-gemeente network on one date: the board, its export, the dashboard."""

import datetime
from dataclasses import dataclass, field

from ...choices import CoverageStatus
from ...models import Gemeente, Network
from ..gemeenten import gemeente_list_on
from ..networks import network_list_per_gemeente
from .history import CoverageFacts, coverage_facts, coverage_history

__all__ = [
    "CoverageMatrix",
    "GemeenteCoverage",
    "MatrixCell",
    "coverage_for_gemeente",
    "coverage_matrix",
    "coverage_summaries",
]


@dataclass
class MatrixCell:
    gemeente: Gemeente
    network: Network
    status: str
    participants: list[str] = field(default_factory=list)
    last_outreach: datetime.date | None = None
    next_follow_up: datetime.date | None = None

    @property
    def status_label(self) -> str:
        return CoverageStatus(self.status).label


@dataclass
class CoverageMatrix:
    date: datetime.date
    networks: list[Network]
    rows: list[tuple[Gemeente, list[MatrixCell]]]

    def column(self, network: Network) -> list[MatrixCell]:
        index = self.networks.index(network)
        return [cells[index] for _, cells in self.rows]


def coverage_matrix(*, on: datetime.date, region: str | None = None) -> CoverageMatrix:
    """Member gemeenten × per-gemeente networks on `on`, from five queries whatever the number of networks.

    Returns a CoverageMatrix: `networks` ordered by name, `rows` one (gemeente, cells) per gemeente valid on
    `on` (of region code `region`, case-insensitive, when given), ordered by region code and name, with one
    MatrixCell per network: the status (rule.coverage_status), the names of the contacts holding a role on
    `on`, the date of the latest contactmoment on or before `on` and its follow-up date. Raises nothing; an
    unknown region gives no rows.
    """
    networks = list(network_list_per_gemeente())
    gemeenten = [g for g in gemeente_list_on(on=on) if not region or g.region.code.lower() == region.lower()]
    facts = coverage_facts(network_ids=[n.id for n in networks], gemeente_ids={g.id for g in gemeenten})
    none = CoverageFacts()
    rows = []
    for gemeente in gemeenten:
        cells = []
        for network in networks:
            cell_facts = facts.get((network.id, gemeente.id), none)
            last = cell_facts.last_outreach_on(on)
            cells.append(
                MatrixCell(
                    gemeente,
                    network,
                    str(cell_facts.status_on(on)),
                    participants=cell_facts.participants_on(on),
                    last_outreach=last[0] if last else None,
                    next_follow_up=last[1] if last else None,
                )
            )
        rows.append((gemeente, cells))
    return CoverageMatrix(date=on, networks=networks, rows=rows)


@dataclass
class GemeenteCoverage:
    network: Network
    status: str

    @property
    def status_label(self) -> str:
        return CoverageStatus(self.status).label


def coverage_for_gemeente(*, gemeente: Gemeente, on: datetime.date) -> list[GemeenteCoverage]:
    """The gemeente's coverage status on `on` in every per-gemeente network, networks ordered by name.

    Returns a list of GemeenteCoverage; empty when the gemeente is no VAR member on `on`. Raises nothing.
    """
    if not gemeente.is_valid_on(on):
        return []
    networks = list(network_list_per_gemeente())
    rows = coverage_history(networks=networks, dates=[on], gemeenten=[gemeente])
    return [GemeenteCoverage(network, rows[network.id][0].counts_by_gemeente.get(gemeente.id)) for network in networks]


def coverage_summaries(*, on: datetime.date) -> list[tuple[Network, dict[str, int]]]:
    """Per per-gemeente network (ordered by name), how many member gemeenten on `on` have each coverage status.

    Returns [(network, {CoverageStatus value: number of gemeenten})]. Raises nothing.
    """
    networks = list(network_list_per_gemeente())
    history = coverage_history(networks=networks, dates=[on], gemeenten=list(gemeente_list_on(on=on)))
    return [(network, history[network.id][0].counts) for network in networks]
