"""Issue 13 item 1: the coverage table as a worklist on the network page and the coverage board."""

import re

from django.urls import reverse

from network.models import Gemeente
from tests.network.web.conftest import TODAY

NETWORK = "/netwerken/hackshield/"


def row_codes(html: str) -> list[str]:
    return re.findall(r'<tr id="dekking-(GM\d{4})"', html)


def summary(html: str) -> str:
    return html.split('id="worklist-summary"')[1].split("</div>")[0]


def test_status_badges_link_to_a_filtered_table(kernteam_client, registry, django_assert_num_queries):
    html = kernteam_client.get(NETWORK).content.decode()
    links = summary(html)
    assert 'href="/netwerken/hackshield/?status=to_approach#dekking-titel"' in links
    assert re.search(r"Gedekt \d+</a>", links)
    with django_assert_num_queries(17):
        filtered = kernteam_client.get(NETWORK, {"status": "declined"}).content.decode()
    assert row_codes(filtered) == ["GM0622"]
    assert 'aria-current="true">Afgewezen 1</a>' in summary(filtered)
    assert "Alle statussen tonen" in filtered


def test_rows_sort_by_status_gemeente_and_last_contact(kernteam_client, registry):
    by_status = kernteam_client.get(NETWORK, {"sort": "status"}).content.decode()
    order = re.findall(r'<tr id="dekking-GM\d{4}">.*?badge--(\w+)', by_status, re.S)
    assert order == sorted(order, key=["to_approach", "in_progress", "declined", "covered"].index)
    by_name = row_codes(kernteam_client.get(NETWORK, {"sort": "gemeente"}).content.decode())
    names = dict(Gemeente.objects.values_list("code", "name"))
    assert [names[code] for code in by_name] == sorted(names[code] for code in by_name)
    by_contact = row_codes(kernteam_client.get(NETWORK, {"sort": "laatste_contact"}).content.decode())
    # Never contacted first, then the two gemeenten contacted ten days ago (registry fixture).
    assert set(by_contact[-2:]) == {"GM0606", "GM0599"}
    assert (
        'aria-sort="ascending"><a href="/netwerken/hackshield/?sort=laatste_contact'
        in kernteam_client.get(NETWORK, {"sort": "laatste_contact"}).content.decode()
    )


def test_a_to_approach_row_offers_lid_toevoegen_with_network_and_gemeente_filled_in(kernteam_client, registry):
    html = kernteam_client.get(NETWORK).content.decode()
    row = html.split('id="dekking-GM0613"')[1].split("</tr>")[0]
    assert 'href="/netwerken/hackshield/lid-toevoegen/?gemeente=GM0613"' in row
    covered = html.split('id="dekking-GM0599"')[1].split("</tr>")[0]
    assert "lid-toevoegen" not in covered
    form = kernteam_client.get("/netwerken/hackshield/lid-toevoegen/", {"gemeente": "GM0613"}).content.decode()
    albrandswaard = Gemeente.objects.get(code="GM0613")
    assert f'<option value="{albrandswaard.pk}" selected>' in form
    assert "Lid toevoegen aan HackShield" in form


def test_logging_a_contactmoment_updates_the_summary_out_of_band(kernteam_client, registry):
    before = summary(kernteam_client.get(NETWORK).content.decode())
    to_approach = int(re.search(r"Nog te benaderen (\d+)</a>", before)[1])
    in_progress = int(re.search(r"In behandeling (\d+)</a>", before)[1])
    url = reverse("network:outreach-log", kwargs={"slug": "hackshield", "code": "GM0613"})
    data = {"date": TODAY().isoformat(), "channel": "telefoon", "outcome": "Belt terug", "follow_up_date": ""}
    html = kernteam_client.post(
        url, data, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/netwerken/hackshield/?sort=status"
    ).content.decode()
    assert '<div id="worklist-summary" class="worklist-summary" hx-swap-oob="true">' in html
    after = summary(html)
    assert f"Nog te benaderen {to_approach - 1}</a>" in after
    assert f"In behandeling {in_progress + 1}</a>" in after
    # The links keep the page's sort, not the address the form was posted to.
    assert 'href="/netwerken/hackshield/?sort=status&amp;status=covered#dekking-titel"' in after
    assert "<svg" in after


def test_the_status_form_says_which_coverage_status_follows(kernteam_client, registry):
    html = kernteam_client.get(NETWORK).content.decode()
    assert ">Benaderd → In behandeling</option>" in html
    assert ">Deelnemer → Gedekt</option>" in html
    assert ">Gestopt → Afgewezen</option>" in html
    assert ">Niet benaderd → Nog te benaderen</option>" in html


def test_coverage_board_filters_and_sorts_on_the_chosen_network(kernteam_client, registry, django_assert_num_queries):
    with django_assert_num_queries(14):
        html = kernteam_client.get("/dekking/", {"network": "hackshield", "status": "covered"}).content.decode()
    matrix = html.split('id="matrix"')[1].split("</table>")[0]
    assert set(re.findall(r'<th scope="row"><a href="/gemeenten/(GM\d{4})/', matrix)) == {"GM0599", "GM0505"}
    assert 'href="/dekking/?network=hackshield&amp;status=to_approach#matrix-titel"' in summary(html)
    todo = kernteam_client.get("/dekking/", {"network": "hackshield", "status": "to_approach"}).content.decode()
    assert 'href="/netwerken/hackshield/lid-toevoegen/?gemeente=GM0613"' in todo
    by_status = kernteam_client.get("/dekking/", {"network": "hackshield", "sort": "status"}).content.decode()
    first = re.search(r'<th scope="row"><a href="/gemeenten/(GM\d{4})/', by_status.split('id="matrix"')[1])[1]
    assert first not in {"GM0599", "GM0505"}
