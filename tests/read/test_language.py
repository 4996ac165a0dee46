"""Language identification (syllabus_audit.read.language) on texts written for the
project: short (5-15 words) and long, in en, de, sv, hr, ja, fr, es."""

import pytest

from syllabus_audit.read.language import (UNDETERMINED, PassageLanguage, detect_language, document_language,
                                     document_sample, language_counts, language_name, passage_languages)

SHORT = {
    'en': [
        'Students learn to build a working alliance with their clients.',
        'Assessment consists of a written exam and two essays.',
        'Lecture times and rooms are listed on the course website.',
        'Week 4: empathy, warmth and genuineness in the first session.',
        'This unit introduces the basic principles of research design.',
        'Attendance at all practicum sessions is compulsory for every student.',
        'Reflect on your own reactions to clients in supervision.',
        'The module covers statistics, regression and data analysis.',
        'Late submissions lose five percent of the mark per day.',
        'Office hours are on Thursday afternoons or by appointment.',
    ],
    'de': [
        'Die Studierenden lernen, eine tragfähige therapeutische Beziehung aufzubauen.',
        'Die Prüfung besteht aus einer Klausur und einer Hausarbeit.',
        'Die Vorlesung findet jeden Dienstag im Hörsaal 2 statt.',
        'Woche 4: Empathie, Wertschätzung und Echtheit im Erstgespräch.',
        'Dieses Modul führt in die Grundlagen der Forschungsmethoden ein.',
        'Die Teilnahme an den Übungen ist für alle Studierenden verpflichtend.',
        'Eigene Reaktionen auf Patienten werden in der Supervision reflektiert.',
        'Inhalte: Statistik, Regression und Datenanalyse mit R.',
        'Verspätet eingereichte Arbeiten werden nicht mehr bewertet.',
        'Sprechstunde nach Vereinbarung per E-Mail.',
    ],
    'sv': [
        'Studenterna lär sig att skapa en terapeutisk allians med klienten.',
        'Examinationen består av en skriftlig tentamen och två inlämningsuppgifter.',
        'Föreläsningarna hålls varje tisdag i sal 2.',
        'Vecka 4: empati, värme och äkthet i det första samtalet.',
        'Kursen ger en introduktion till forskningsmetodikens grunder.',
        'Närvaro vid alla seminarier är obligatorisk för samtliga studenter.',
        'Egna reaktioner på patienter bearbetas i handledningen.',
        'Innehåll: statistik, regression och dataanalys i R.',
        'Uppgifter som lämnas in för sent bedöms inte.',
        'Kursansvarig lärare nås via e-post under terminen.',
    ],
    'hr': [
        'Studenti uče kako izgraditi terapijski odnos s klijentom.',
        'Ispit se sastoji od pismenog i usmenog dijela.',
        'Predavanja se održavaju svakog utorka u dvorani 2.',
        'Tjedan 4: empatija, prihvaćanje i kongruentnost u prvom susretu.',
        'Ovaj kolegij uvodi studente u osnove metodologije istraživanja.',
        'Prisustvovanje vježbama obavezno je za sve studente.',
        'Vlastite reakcije na klijente obrađuju se tijekom supervizije.',
        'Sadržaj: statistika, regresija i analiza podataka.',
        'Radovi predani nakon roka neće se ocjenjivati.',
        'Konzultacije se održavaju četvrtkom ili prema dogovoru.',
    ],
    'ja': [
        '学生はクライエントとの治療関係を築く方法を学ぶ。',
        '評価は期末試験とレポートによって行う。',
        '講義は毎週火曜日に二番教室で行われる。',
        '第4回：初回面接における共感と受容',
        '本授業では研究法の基礎を学ぶ。',
        'すべての演習への出席を必須とする。',
        'クライエントに対する自分の反応をスーパービジョンで振り返る。',
        '内容：統計、回帰分析、データ解析',
        '提出期限を過ぎたレポートは受け付けない。',
        'オフィスアワーは木曜日の午後とする。',
    ],
    'fr': [
        'Les étudiants apprennent à construire une alliance thérapeutique avec le patient.',
        "L'évaluation comprend un examen écrit et un dossier.",
        "Les cours ont lieu chaque mardi dans l'amphithéâtre B.",
        'Semaine 4 : empathie, chaleur et authenticité lors du premier entretien.',
        'Ce module présente les bases de la méthodologie de recherche.',
    ],
    'es': [
        'Los estudiantes aprenden a construir una alianza terapéutica con el paciente.',
        'La evaluación consiste en un examen escrito y un trabajo final.',
        'Las clases se imparten todos los martes en el aula 2.',
        'Semana 4: empatía, calidez y autenticidad en la primera sesión.',
        'Este módulo introduce los fundamentos de la metodología de investigación.',
    ],
}

LONG = {
    'en': (
        'This course introduces students to the theory and practice of counselling. Over '
        'twelve weeks we examine how a helping relationship is formed, how it is '
        'maintained when things become difficult, and how it ends. Students practise '
        'listening, reflecting and summarising in small groups, record a short session '
        'with a volunteer, and write a reflective account of what they noticed about '
        'their own reactions. The final assignment asks each student to link one '
        'theoretical model to a case of their choice, using at least six scholarly '
        'sources. Readings are available on the library reserve, and attendance at the '
        'skills laboratory is required to pass the course.'
    ),
    'de': (
        'Das Modul vermittelt grundlegende Kenntnisse der psychotherapeutischen '
        'Gesprächsführung. Im Mittelpunkt stehen der Aufbau und die Gestaltung der '
        'therapeutischen Beziehung, der Umgang mit schwierigen Situationen im Gespräch '
        'und die Reflexion eigener Reaktionen. Die Studierenden üben in Kleingruppen '
        'aktives Zuhören, Paraphrasieren und das Zusammenfassen von Gesprächsinhalten und '
        'erhalten dazu Rückmeldung von den Lehrenden. Als Prüfungsleistung wird eine '
        'schriftliche Fallarbeit im Umfang von etwa zehn Seiten verlangt, in der ein '
        'theoretisches Modell auf einen selbst gewählten Fall angewendet wird. Die '
        'regelmäßige Teilnahme an den Übungen ist Voraussetzung für den Abschluss des '
        'Moduls.'
    ),
    'sv': (
        'Kursen behandlar teori och praktik inom psykologisk behandling. Under tolv '
        'veckor studeras hur en terapeutisk relation etableras, hur den upprätthålls när '
        'samarbetet blir svårt och hur behandlingen avslutas. Studenterna övar aktivt '
        'lyssnande, reflektioner och sammanfattningar i mindre grupper, spelar in ett '
        'kortare samtal med en frivillig deltagare och skriver en reflekterande text om '
        'sina egna reaktioner. Den avslutande uppgiften innebär att koppla en teoretisk '
        'modell till ett valfritt fall med stöd av minst sex vetenskapliga källor. '
        'Kurslitteraturen finns tillgänglig på biblioteket och närvaro vid '
        'färdighetsträningen krävs för godkänt betyg.'
    ),
    'hr': (
        'Kolegij upoznaje studente s teorijom i praksom psihološkog savjetovanja. Tijekom '
        'dvanaest tjedana proučava se kako se uspostavlja odnos pomaganja, kako se '
        'održava kada suradnja postane teška i kako se završava. Studenti u malim '
        'skupinama vježbaju aktivno slušanje, reflektiranje i sažimanje, snimaju kratki '
        'razgovor s dobrovoljcem te pišu osvrt na vlastite reakcije. Završni zadatak '
        'traži od svakog studenta da poveže jedan teorijski model sa slučajem po izboru, '
        'koristeći najmanje šest znanstvenih izvora. Literatura je dostupna u knjižnici, '
        'a redovito pohađanje vježbi uvjet je za polaganje ispita.'
    ),
    'ja': (
        '本授業では、心理相談の理論と実践の基礎を学ぶ。十二週間にわたり、援助関係がどのように形成され、困難な場面でどのように維持され、どのように終結するかを検討する。受講生は少人数のグループで傾聴、言い換え、要約の練習を行い、協力者との短い面接を録音し、自分自身の反応についての振り返りを書く。最終課題では、一つの理論モデルを自ら選んだ事例に結びつけ、六本以上の学術文献を用いて論じる。教科書は図書館に配架されており、演習への出席は単位取得の条件である。'
    ),
    'fr': (
        "Ce cours présente la théorie et la pratique de l'entretien psychologique. "
        "Pendant douze semaines, nous étudions comment se construit la relation d'aide, "
        'comment elle se maintient lorsque la collaboration devient difficile et comment '
        "elle prend fin. Les étudiants s'exercent à l'écoute active, à la reformulation "
        'et à la synthèse en petits groupes, enregistrent un court entretien avec un '
        'volontaire et rédigent un texte réflexif sur leurs propres réactions.'
    ),
    'es': (
        'Este curso presenta la teoría y la práctica de la entrevista psicológica. '
        'Durante doce semanas estudiamos cómo se construye la relación de ayuda, cómo se '
        'mantiene cuando la colaboración se vuelve difícil y cómo termina. Los '
        'estudiantes practican la escucha activa, el parafraseo y el resumen en grupos '
        'pequeños, graban una breve entrevista con un voluntario y escriben un texto '
        'reflexivo sobre sus propias reacciones.'
    ),
}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, ts in SHORT.items() for t in ts],
                         ids=lambda x: x[:30] if len(x) > 3 else x)
def test_short_texts(lang, text):
    code, conf = detect_language(text)
    assert code == lang
    assert 0.0 < conf <= 1.0


@pytest.mark.parametrize("lang", sorted(LONG))
def test_long_texts_are_detected_with_high_confidence(lang):
    code, conf = detect_language(LONG[lang])
    assert code == lang and conf >= 0.99


def test_deterministic():
    texts = [t for ts in SHORT.values() for t in ts] + list(LONG.values())
    first = [detect_language(t) for t in texts]
    assert [detect_language(t) for t in reversed(texts)] == first[::-1]


@pytest.mark.parametrize("text", ["", "   ", "12345 67.8", "https://example.org/x 2024-01-01", "— • —"])
def test_no_letters_is_undetermined(text):
    assert detect_language(text) == (UNDETERMINED, 0.0)


def test_kana_makes_japanese_and_bosnian_serbian_latin_fold_to_croatian():
    # kanji-only text is ambiguous between Chinese and Japanese; any kana decides
    assert detect_language("治療関係の形成")[0] == "ja"
    # the model's Bosnian reading of a Croatian sentence is reported as hr
    assert detect_language("Predavanja se održavaju svakog utorka u dvorani 2.")[0] == "hr"
    # Serbian in Cyrillic stays Serbian
    assert detect_language("Студенти уче како да изграде терапијски однос са клијентом.")[0] == "sr"


def test_urls_emails_and_digits_do_not_decide():
    text = "Sprechstunde nach Vereinbarung: mueller@example.org, https://example.org/kurs/2024 Raum 1.203"
    assert detect_language(text)[0] == "de"


@pytest.mark.parametrize("lang", ["en", "de", "sv", "hr", "ja"])
def test_document_language_from_blocks(lang):
    blocks = [LONG[lang]] + SHORT[lang]
    assert document_language(blocks)[0] == lang


def test_document_sample_is_bounded_and_includes_the_middle():
    blocks = ["English heading text. " * 300] + ["Mitte des Dokuments. " * 50] + ["tail " * 3000]
    sample = document_sample(blocks)
    assert len(sample) <= 5_000 + 2_000 + 1
    assert "Mitte" in sample or "tail" in sample
    assert document_sample(["short", "text"]) == "short\ntext"


class _Block:
    def __init__(self, text):
        self.text = text


def test_passage_languages_in_a_mixed_document():
    # an English page with a German module table: the German rows switch,
    # the short German heading between them follows its neighbours, the short
    # English heading at the end stays English
    blocks = [_Block(t) for t in (
        SHORT["en"][0], SHORT["en"][1], SHORT["en"][2],
        SHORT["de"][0], "Lernziele", SHORT["de"][1], SHORT["de"][3],
        SHORT["en"][4], SHORT["en"][5], "Assessment",
    )]
    doc = document_language(blocks)
    assert doc[0] == "en"
    got = passage_languages(blocks, doc)
    assert [p.language for p in got] == ["en"] * 3 + ["de"] * 4 + ["en"] * 3
    assert got[4] == PassageLanguage("de", got[4].confidence, False)  # inherited, not judged
    assert got[9].decided is False and got[3].decided is True


def test_passage_languages_keep_short_and_unclear_blocks_in_the_document_language():
    blocks = [LONG["de"], "Kursplan", "FAQ", "12.03.2024", "治療関係"]
    got = passage_languages(blocks)
    assert {p.language for p in got} == {"de"}
    ja = passage_languages([LONG["ja"], "治療関係と共感の基礎理論および臨床実践", "成績評価"])
    assert {p.language for p in ja} == {"ja"}


def test_language_counts_and_names():
    assert language_counts(["en", "de", "en", "hr"]) == {"en": 2, "de": 1, "hr": 1}
    assert list(language_counts(["de", "en", "en"])) == ["en", "de"]
    assert language_name("de") == "German" and language_name("xx") == "xx"


def _real_docs():
    import csv
    from pathlib import Path

    root = Path(__file__).resolve().parents[2].parent / "shared" / "real-docs"
    if not (root / "SOURCES.csv").is_file():
        return root, []
    with open(root / "SOURCES.csv", encoding="utf-8", newline="") as fh:
        return root, [(r["file"], r["language"]) for r in csv.DictReader(fh)]


_ROOT, _DOCS = _real_docs()


@pytest.mark.skipif(not _DOCS, reason="shared/real-docs not present")
def test_real_documents_language_matches_sources_csv():
    """Every readable real document gets the language SOURCES.csv gives it
    (read in place; nothing is copied)."""
    from syllabus_audit.read.extract import extract_file

    wrong, judged = [], 0
    for name, truth in _DOCS:
        path = _ROOT / "files" / name
        if not path.is_file():
            continue
        doc = extract_file(str(path), name)
        if doc.status != "ok":
            continue
        judged += 1
        code, conf = document_language(doc.blocks)
        if code != truth or conf < 0.9:
            wrong.append((name, truth, code, conf))
    assert judged >= 10 and wrong == []


def test_enough_units_shortcut_agrees_with_the_full_count():
    """The prefix check only skips work: same answer as counting the whole
    cleaned text, including texts whose prefix cuts an e-mail or URL."""
    from syllabus_audit.read.language import _clean, _enough_units, _units

    texts = ["word " * 50, "x@y " * 60 + "abc", "a" * 200, "1 2 3 " * 40 + "letters here",
             "mail someone@example.org " * 8 + "ok", "see https://example.org/path " * 6 + "end",
             "Kurz.", "", "Ab " * 10 + "contact: firstname.lastname@university.example.edu " * 4]
    for t in texts:
        for need in (5, 20, 40):
            assert _enough_units(t, need) == (_units(_clean(t)) >= need), (t[:40], need)
