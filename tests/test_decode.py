"""Bad input gets a clear reason (no model needed)."""

from __future__ import annotations

import pytest

from tocsin.errors import InputError
from tocsin.ingest.decode import decode
from tocsin.ingest.documents import check_english


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"%PDF-1.7\n%binary", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"text with a NUL \x00 byte", "binary"),
        (b"x" * 101, "too_large"),
    ],
)
def test_rejections(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, max_bytes=100)
    assert info.value.reason == reason


def test_latin1_text_is_decoded_not_rejected() -> None:
    raw = "Les forces ont attaqué le village près de Goma, a déclaré le porte-parole.".encode("latin-1")
    decoded = decode(raw, max_bytes=10_000)
    assert "attaqué" in decoded.text
    assert decoded.encoding != "utf-8"


def test_utf8_bom_is_stripped() -> None:
    assert decode("\ufeffHello world".encode(), max_bytes=100).text == "Hello world"


def test_non_english_is_rejected() -> None:
    french = (
        "Les forces armées ont attaqué le village hier soir et plusieurs civils ont été tués selon"
        " les autorités locales qui ont dénoncé une violation du cessez-le-feu dans la région du nord"
        " où les combats se poursuivent depuis le début de la semaine dernière."
    )
    with pytest.raises(InputError) as info:
        check_english(french)
    assert info.value.reason == "not_english"
    check_english("Soldiers attacked the village on Monday and the police said two people were killed.")
    # CLD2 reads this headline as Scots, 98% sure: a language written in English words is kept
    check_english("Odessa violence flares anew as Kiev blames deaths on Russia")


def test_the_language_is_named_and_english_with_foreign_names_is_kept() -> None:
    german = (
        "Die Soldaten haben am Montag das Dorf angegriffen, und die Polizei sagte, dass zwei Menschen"
        " getötet wurden, während die Kämpfe in der Region weitergingen."
    )
    with pytest.raises(InputError) as info:
        check_english(german)
    assert "German" in info.value.detail
    # an English report full of Portuguese names, read as 69% Portuguese and 30% English
    check_english(
        "On 12 June 2022, in Rio de Janeiro - Zona Norte (Rio de Janeiro), traficantes do Comando"
        " Vermelho da Favela do Complexo do Alemão e da Penha opened fire on policiais militares do"
        " Batalhão de Operações Policiais Especiais na Estrada do Itararé, perto da Praça do Terço e da"
        " Igreja da Penha. The military police said one officer was wounded and two suspects were"
        " arrested after the shooting."
    )
    # a table of rates has few English function words and is English all the same
    check_english(
        "Rates for amounts up to R200,000 Bank Buying | Bank Selling Country Currency T/T Cheques"
        " Foreign Notes United States Dollar 13.41 13.52 13.60 United Kingdom Pound 17.20 17.44"
        " Euro Member Countries Euro 15.01 15.21 Japan Yen 0.12 0.13 Switzerland Franc 14.10 14.30"
    )
