"""guess_language: script first, then stopwords; English with foreign names stays English."""

from __future__ import annotations

import pytest

from allegiance.ingest.language import guess_language, language_name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("قالت وزارة الخارجية إن المحادثات ستستمر الأسبوع المقبل في جنيف", "ar"),
        ("وزیر امور خارجه گفت که گفتگوها هفته آینده ادامه پیدا می کند", "fa"),
        ("中国外交部发言人周二表示，中方将继续推动和平谈判，并呼吁各方保持克制。", "zh"),
        ("日本政府は火曜日、新たな経済対策を発表した。首相は記者会見で述べた。", "ja"),
        ("정부는 화요일 새로운 경제 대책을 발표했다고 밝혔다 대변인이 말했다", "ko"),
        ("Министр иностранных дел России заявил во вторник, что переговоры продолжатся.", "ru"),
        ("Міністр закордонних справ України заявив, що переговори триватимуть і далі.", "uk"),
        ("Le président de la République a annoncé mardi que le gouvernement allait présenter "
         "un nouveau projet de loi sur les retraites.", "fr"),
        ("El presidente del Gobierno anunció el martes que el Ejecutivo presentará una nueva "
         "ley para las pensiones de los jubilados.", "es"),
        ("Die Bundesregierung hat am Dienstag angekündigt, dass sie ein neues Gesetz für die "
         "Renten vorlegen wird.", "de"),
        ("Presidente Lula da Silva disse que o governo do Brasil vai apresentar uma nova "
         "proposta para a reforma.", "pt"),
    ],
)  # fmt: skip
def test_other_languages(text: str, code: str) -> None:
    guess = guess_language(text)
    assert guess.code == code
    assert guess.name == language_name(code) != code


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Geneva on Monday and said that the talks with Iran would go on.",
        # many foreign names, in Latin script and in their own
        "Abu Bakr al-Baghdadi, Hassan Nasrallah and Qassem Soleimani were named in the report "
        "released by the Pentagon on Tuesday.",
        "Juan Carlos de la Fuente y Martínez, the mayor of San José del Monte, said on Friday "
        "that the city would appeal the ruling of the Tribunal de Justicia.",
        "The militia, known in Arabic as al-Hashd al-Shaabi (الحشد الشعبي), said it had taken "
        "the town from the Islamic State group after a week of fighting.",
    ],
)
def test_english_with_foreign_names_is_english(text: str) -> None:
    assert guess_language(text).code == "en"


@pytest.mark.parametrize("text", ["Iran backs the militias.", "ISIS", "", "12 34 56 78 90"])
def test_short_text_is_undetermined_not_another_language(text: str) -> None:
    assert guess_language(text).code == "und"


def test_every_dev_document_is_english_or_undetermined() -> None:
    from allegiance.ingest import demo_corpus_paths, read_documents

    codes = {guess_language(d.text).code for d in read_documents(demo_corpus_paths())}
    assert codes <= {"en", "und"}
