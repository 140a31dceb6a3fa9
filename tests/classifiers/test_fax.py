"""Fax banners: found at a page's edges, blanked without moving offsets, matched across one transmission."""

from __future__ import annotations

from classifiers.fax import blank_fax_banners, fax_banners, same_transmission

PAGE = "JUN-24-2020 09:12   FROM: MIAMI VALLEY CHIRO   937 555 0149        P.2/3\nDate of Service: 06/23/2020\nS: LBP"


def test_a_banner_is_found_with_its_counter_and_blanked_in_place() -> None:
    [banner] = fax_banners(PAGE)
    assert banner.counter == (2, 3) and not banner.weak
    blank = blank_fax_banners(PAGE)
    assert len(blank) == len(PAGE) and blank.index("Date of Service") == PAGE.index("Date of Service")
    assert "FROM" not in blank and "937" not in blank


def test_a_banner_at_the_foot_and_one_transmission_across_ocr_damage() -> None:
    foot = "S: LBP\nP: adjust\nReceived: 06/24/2020 09:12AM; From: 937 555 0149 -> VA EIC; Page 2 of 5"
    [banner] = fax_banners(foot)
    assert banner.counter == (2, 5)
    other = fax_banners("JUN-24-2O20 09:12   FR0M: MIAMI VALLEY CHIRO   937 555 O149        P.3/3\ntext")[0]
    assert same_transmission(fax_banners(PAGE)[0].key, other.key)


def test_ordinary_first_lines_are_not_banners() -> None:
    assert fax_banners("DATE OF NOTE: OCT 08, 2019@10:42     ENTRY DATE: OCT 08, 2019@10:42:17\nbody") == []
    assert fax_banners("Signed: 03/14/2019 11:02\n/es/ JOHN DOE, MD") == []
    # A print header with a time and a page counter ties pages together but stays on the page.
    [weak] = fax_banners("Printed 06/11/2020 10:15   Page 2 of 4\nbody")
    assert weak.weak and blank_fax_banners("Printed 06/11/2020 10:15   Page 2 of 4\nbody").startswith("Printed")
