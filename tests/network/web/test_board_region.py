"""Issue 13 item 3: the coverage board's region filter applies to the table, the Verloop chart and the tile map."""

import re

from network.models import Gemeente, Region
from tests.network.web.conftest import TODAY


def chart_rows(html: str) -> list[list[int]]:
    table = html.split('aria-label="Tabel: verloop per kwartaal"')[1].split("</table>")[0]
    return [[int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)] for row in table.split("<tr>")[2:]]


def test_region_filter_counts_only_its_gemeenten_in_the_chart_and_table(
    kernteam_client, registry, django_assert_num_queries
):
    everywhere = chart_rows(kernteam_client.get("/dekking/", {"network": "hackshield"}).content.decode())
    with django_assert_num_queries(14):
        html = kernteam_client.get("/dekking/", {"network": "hackshield", "region": "ZHZ"}).content.decode()
    in_zhz = chart_rows(html)
    assert sum(in_zhz[-1]) == Gemeente.objects.filter(region__code="ZHZ").valid_on(TODAY()).count()
    assert sum(in_zhz[-1]) < sum(everywhere[-1])
    region = Region.objects.get(code="ZHZ")
    assert f"Verloop: HackShield in {region}" in html.replace("&#x27;", "'")


def test_tile_map_is_cropped_to_the_region(kernteam_client, registry):
    full = kernteam_client.get("/dekking/", {"network": "hackshield"}).content.decode()
    zhz = kernteam_client.get("/dekking/", {"network": "hackshield", "region": "ZHZ"}).content.decode()
    size = re.compile(r'<svg class="map" viewBox="0 0 (\d+) (\d+)"')
    full_width, full_height = map(int, size.search(full).groups())
    width, height = map(int, size.search(zhz).groups())
    assert width < full_width and height < full_height
    rects = re.findall(r'<rect class="fill-\w+" x="(\d+)" y="(\d+)"', zhz.split('class="map"')[1].split("</svg>")[0])
    assert min(int(x) for x, _ in rects) == 0 and min(int(y) for _, y in rects) == 0
