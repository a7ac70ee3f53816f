from reconcile.linkage.countries import country_code, program_country_codes


def test_ofac_country_spellings_map_to_iso_codes():
    assert country_code("Korea, North") == "KP"
    assert country_code("Russia") == "RU" and country_code("Iran") == "IR"
    assert country_code("of Registration Korea, North") == "KP"
    assert country_code("Congo, Democratic Republic of the") == "CD"
    assert country_code("VE") == "VE" == country_code("Venezuela")
    assert country_code("Atlantis") is None and country_code(None) is None


def test_programs_that_name_a_country_give_it_and_others_none():
    assert program_country_codes(["VENEZUELA-EO13850", "IRAN-HR", "DPRK3", "CAATSA - RUSSIA"]) == [
        "IR",
        "KP",
        "RU",
        "VE",
    ]
    assert program_country_codes(["SDGT", "SDNTK", "GLOMAG", "CYBER2"]) == []
