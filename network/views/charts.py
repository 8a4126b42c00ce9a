"""Server-side SVG geometry: coverage bars, the quarterly coverage chart and the tile map of the region.

The templates only place the shapes computed here, so the pages need no JavaScript and no inline styles.
"""

from dataclasses import dataclass

from ..choices import CoverageStatus

STATUS_ORDER = [
    CoverageStatus.COVERED,
    CoverageStatus.IN_PROGRESS,
    CoverageStatus.DECLINED,
    CoverageStatus.TO_APPROACH,
]


@dataclass
class Segment:
    status: str
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


def coverage_bar(summary: dict[str, int], *, width: int = 400) -> list[Segment]:
    """A horizontal stacked bar of the four coverage statuses, in the fixed order of STATUS_ORDER."""
    total = sum(summary.values()) or 1
    segments, x = [], 0.0
    for status in STATUS_ORDER:
        count = summary.get(status, 0)
        w = width * count / total
        segments.append(Segment(str(status), status.label, count, round(x, 2), 0, round(w, 2), 24))
        x += w
    return segments


@dataclass
class Bar:
    label: str
    x: float
    segments: list[Segment]
    total: int
    show_label: bool


@dataclass
class Chart:
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    bar_width: float
    bars: list[Bar]
    ticks: list[tuple[int, float]]


def quarter_chart(points, *, width: int = 720, height: int = 260) -> Chart:
    """Stacked bars per quarter: covered at the bottom, then in progress, declined and to approach."""
    left, right, top, bottom = 36, 8, 12, 40
    plot_height = height - top - bottom
    maximum = max((p.total for p in points), default=0) or 1
    maximum = ((maximum + 4) // 5) * 5
    slot = (width - left - right) / max(len(points), 1)
    bar_width = max(slot * 0.7, 2)
    bars = []
    for index, point in enumerate(points):
        x = left + index * slot + (slot - bar_width) / 2
        y = top + plot_height
        segments = []
        for status in STATUS_ORDER:
            count = point.counts.get(status, 0)
            h = plot_height * count / maximum
            y -= h
            segments.append(
                Segment(str(status), status.label, count, round(x, 2), round(y, 2), round(bar_width, 2), round(h, 2))
            )
        bars.append(
            Bar(
                point.label,
                round(x + bar_width / 2, 2),
                segments,
                point.total,
                point.date.month == 1 or len(points) <= 8,
            )
        )
    ticks = [(value, round(top + plot_height - plot_height * value / maximum, 2)) for value in range(0, maximum + 1, 5)]
    return Chart(width, height, top, top + plot_height, round(bar_width, 2), bars, ticks)


# Schematic place of every gemeente on a grid (column, row), west to east and north to south.
TILE_POSITIONS = {
    "GM0556": (2, 0),  # Maassluis
    "GM1621": (4, 0),  # Lansingerland
    "GM0622": (2, 1),  # Vlaardingen
    "GM0606": (3, 1),  # Schiedam
    "GM0599": (4, 1),  # Rotterdam
    "GM0502": (5, 1),  # Capelle aan den IJssel
    "GM0542": (6, 1),  # Krimpen aan den IJssel
    "GM0614": (0, 2),  # Westvoorne
    "GM0501": (1, 2),  # Brielle
    "GM1992": (1, 2),  # Voorne aan Zee (from 2023, in the place of its predecessors)
    "GM1930": (2, 2),  # Nissewaard
    "GM0613": (3, 2),  # Albrandswaard
    "GM0489": (4, 2),  # Barendrecht
    "GM0597": (5, 2),  # Ridderkerk
    "GM0482": (6, 2),  # Alblasserdam
    "GM1978": (7, 2),  # Molenlanden
    "GM0530": (1, 3),  # Hellevoetsluis
    "GM1963": (3, 3),  # Hoeksche Waard
    "GM0642": (4, 3),  # Zwijndrecht
    "GM0531": (5, 3),  # Hendrik-Ido-Ambacht
    "GM0590": (6, 3),  # Papendrecht
    "GM0610": (7, 3),  # Sliedrecht
    "GM0523": (8, 3),  # Hardinxveld-Giessendam
    "GM1924": (1, 4),  # Goeree-Overflakkee
    "GM0505": (5, 4),  # Dordrecht
    "GM0512": (8, 4),  # Gorinchem
}
TILE = 84
GAP = 4


# The same symbols as the status badges, so a tile's status does not depend on seeing its colour.
STATUS_SYMBOLS = {
    CoverageStatus.COVERED: "✓",
    CoverageStatus.IN_PROGRESS: "…",
    CoverageStatus.DECLINED: "✕",
    CoverageStatus.TO_APPROACH: "○",
}


@dataclass
class Tile:
    gemeente: object
    status: str
    status_label: str
    x: int
    y: int
    size: int
    label_lines: list[str]
    text_x: int
    text_y: int
    symbol: str


def _short_lines(name: str) -> list[str]:
    words = name.replace("-", "- ").split()
    lines, line = [], ""
    for word in words:
        candidate = f"{line} {word}".strip() if not line.endswith("-") else f"{line}{word}"
        if len(candidate) > 11 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines[:3]


def tile_map(rows) -> tuple[list[Tile], int, int]:
    """One square per gemeente in its schematic place, labelled and coloured by its coverage row's status.

    Returns (tiles, width, height) in pixels, cropped to the tiles given (e.g. one region's gemeenten).
    """
    tiles = []
    for row in rows:
        column, line = TILE_POSITIONS.get(row.gemeente.code, (9, len(tiles) % 5))
        x, y = column * (TILE + GAP), line * (TILE + GAP)
        lines = _short_lines(row.gemeente.name)
        tiles.append(
            Tile(
                row.gemeente,
                row.status,
                row.status_label,
                x,
                y,
                TILE,
                lines,
                x + TILE // 2,
                y + TILE // 2 - 6 * len(lines),
                STATUS_SYMBOLS[row.status],
            )
        )
    # Cropped to the tiles shown: a region's map starts at its own top-left tile.
    left, top = min((t.x for t in tiles), default=0), min((t.y for t in tiles), default=0)
    for tile in tiles:
        tile.x, tile.text_x, tile.y, tile.text_y = tile.x - left, tile.text_x - left, tile.y - top, tile.text_y - top
    width = max((t.x for t in tiles), default=0) + TILE
    height = max((t.y for t in tiles), default=0) + TILE
    return tiles, width, height
