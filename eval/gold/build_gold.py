"""Regenerate the gold JSONL files from the readable drafts below.

Each draft pair names a file stem and a substring that occurs exactly once in that file; the
builder finds its offsets and the id of the document (story) holding it, exactly as factcheck
names documents, and writes ``eval/gold/<corpus>.jsonl``. Edit the drafts, then run::

    PYTHONPATH=. python eval/gold/build_gold.py

The JSONL files are the gold; this script only saves typing offsets by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent
ROOT = EVAL.parent

S000, S001, S002, S003, S004 = ("000_80cd373ff1d3d8d0", "001_765a9e3110cb316c", "002_7f3ffb81817a861b",
                                "003_349d150d1a2d97aa", "004_0c1c4f2951690474")

C, E, N = "contradiction", "entailment", "neutral"

DRAFTS: dict[str, list[tuple]] = {
    "seeds": [
        # --- troop numbers: 1,500 (001) / more than 3,000 (000) / 3,000 (003) / up to 11,000 (002#2)
        ((S001, "إرسال كوريا الشمالية 1500 جندي من القوات الخاصة إلى الشرق الأقصى الروسي"),
         (S000, "عن إحضار أكثر من 3 آلاف جندي كوري شمالي إلى روسيا"), C, "quantity",
         "1,500 (South Korean intelligence via the ministry) vs more than 3,000 (White House)"),
        ((S001, "إرسال كوريا الشمالية 1500 جندي من القوات الخاصة إلى الشرق الأقصى الروسي"),
         (S003, "أن كوريا الشمالية أرسلت 3000 جندي إلى روسيا"), C, "quantity", "1,500 vs 3,000"),
        ((S001, "إرسال كوريا الشمالية 1500 جندي من القوات الخاصة إلى الشرق الأقصى الروسي"),
         (S002, "والتي قد يصل عددها إلى 11 ألف جندي"), C, "quantity",
         "1,500 vs up to 11,000: the sources report different troop totals (a range bound, but a different tally)"),
        ((S000, "عن إحضار أكثر من 3 آلاف جندي كوري شمالي إلى روسيا"),
         (S003, "أن كوريا الشمالية أرسلت 3000 جندي إلى روسيا"), E, "quantity",
         "more than 3,000 vs 3,000, both from the same White House statement: they agree"),
        ((S000, "عن إحضار أكثر من 3 آلاف جندي كوري شمالي إلى روسيا"),
         (S002, "والتي قد يصل عددها إلى 11 ألف جندي"), C, "quantity",
         "more than 3,000 (Oct 2024) vs up to 11,000 (Apr 2025 estimates): different totals"),
        ((S003, "أن كوريا الشمالية أرسلت 3000 جندي إلى روسيا"),
         (S002, "والتي قد يصل عددها إلى 11 ألف جندي"), C, "quantity", "3,000 vs up to 11,000"),
        # --- the first official confirmation
        ((S002, "هذه هي المرة الأولى التي يؤكد فيها الكرملين وجود قوات كورية شمالية"),
         (S004, "أن هذا أول تأكيد رسمي لنشر قوات كورية شمالية في روسيا"), C, "first",
         "Kremlin confirmed first (26 April) vs Pyongyang's statement called the first official confirmation"),
        ((S002, "وأقرّ لأول مرة بوجود قوات كورية شمالية تدعم قواته في المنطقة"),
         (S004, "أن هذا أول تأكيد رسمي لنشر قوات كورية شمالية في روسيا"), C, "first",
         "same conflict, the lead sentence of 002#2"),
        ((S002, "هذه هي المرة الأولى التي يؤكد فيها الكرملين وجود قوات كورية شمالية"),
         (S004, "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا"), N, "first",
         "look-alike: each actor confirms for the first time itself (Kremlin; North Korea): both can be true"),
        ((S001, "هذه هي المرة الأولى التي تعلن فيها الولايات المتحدة وحلفاؤها علنًا"),
         (S002, "هذه هي المرة الأولى التي يؤكد فيها الكرملين وجود قوات كورية شمالية"), N, "first",
         "look-alike: the US and allies' first public statement (Oct 2024) vs the Kremlin's first (Apr 2025)"),
        ((S001, "هذه هي المرة الأولى التي تعلن فيها الولايات المتحدة وحلفاؤها علنًا"),
         (S004, "أن هذا أول تأكيد رسمي لنشر قوات كورية شمالية في روسيا"), N, "first",
         "look-alike: a Western announcement vs the first official confirmation by the deploying side"),
        # --- two different summonings of the Russian ambassador
        ((S001, "استدعت وزارة الخارجية الكورية الجنوبية، السفير الروسي لدى سيول، جورجي زينوفييف"),
         (S002, "واستدعت كوريا الجنوبية، أمس السبت، سفير روسيا للاحتجاج على تصريحات زاخاروزفا"), N, "date",
         "two different events: Oct 2024 over troops vs Feb 2024 over Zakharova's remarks; not a date conflict"),
        # --- Kursk: Ukraine denies the recapture vs Russia/North Korea say the liberation concluded
        ((S002, "ونفت الحكومة الأوكرانية، بحسب التقارير، استعادة كورسك"),
         (S004, "قد اختُتمت بانتصار"), C, "negation",
         "Ukraine denies Kursk was retaken; North Korea's agency says the liberation concluded in victory. Same "
         "event, same days (26-28 April 2025): the sources disagree on the fact, which a reader must see"),
        ((S002, "ونفت الحكومة الأوكرانية، بحسب التقارير، استعادة كورسك"),
         (S004, "التي تقول موسكو إنّها “حررتها” بالكامل"), C, "negation",
         "denial vs Moscow's claim of full liberation"),
        # --- entailments
        ((S002, "كما أعرب الكرملين عن امتنانه للقوات الكورية الشمالية المنتشرة في المنطقة"),
         (S004, "بدوره شكر بوتين الإثنين الزعيم الكوري الشمالي كيم جونغ أون"), E, "other",
         "the Kremlin thanks the North Korean troops / Putin thanks Kim for his soldiers' achievement"),
        ((S002, "زعم الكرملين يوم السبت أنه طرد القوات الأوكرانية من منطقة كورسك الروسية"),
         (S004, "قد اختُتمت بانتصار"), E, "other", "both say the Kursk operation ended with Ukraine expelled"),
        ((S002, "بـ”التحرير” الكامل لمنطقة كورسك"),
         (S004, "التي تقول موسكو إنّها “حررتها” بالكامل"), E, "other", "full liberation of Kursk, both from Moscow"),
        ((S000, "وفي 6 أغسطس/ آب الماضي، أطلقت أوكرانيا عملية واسعة النطاق على منطقة كورسك"),
         (S002, "بدأت القوات الأوكرانية هجومها على كورسك في أغسطس/آب 2024"), E, "date",
         "6 August (2024, relative to a Nov 2024 article) within August 2024: compatible dates"),
        ((S000, "ومنذ 24 فبراير/ شباط 2022، تشن روسيا هجوما عسكريا على جارتها أوكرانيا"),
         (S004, "وتقاربت روسيا وكوريا الشمالية بشكل كبير منذ بدء الهجوم الروسي على أوكرانيا في فبراير/ شباط 2022. ووصف"),
         E, "date", "the invasion began in February 2022 (24 Feb within Feb): compatible"),
        # --- neutral look-alikes
        ((S002, "كانت الولايات المتحدة وكوريا الجنوبية ذكرتا أن كوريا الشمالية أرسلت أسلحة إلى روسيا"),
         (S001, "أن جهاز المخابرات الكوري الجنوبي كشف الأسبوع الماضي عن إرسال كوريا الشمالية 1500 جندي"), N, "negation",
         "look-alike: weapons (denied by Moscow) vs troops: different subjects"),
        ((S003, "حيث امتنع أيضًا عن تأكيد أو نفي وجود قوات كورية شمالية في روسيا"),
         (S004, "بدوره شكر بوتين الإثنين الزعيم الكوري الشمالي كيم جونغ أون"), N, "negation",
         "Putin neither confirmed nor denied in Oct 2024, thanked Kim in Apr 2025: different times, no conflict"),
        ((S003, "يوم الأربعاء، لحضور الاجتماع الاستشاري الأمني الثنائي السنوي"),
         (S001, "جاء ذلك على لسان وزير الدفاع الأمريكي لويد أوستن"), N, "other",
         "both mention Lloyd Austin, different statements"),
        ((S003, "سيطلع الوفد ممثلي جميع الدول الأعضاء في حلف شمال الأطلسي البالغ عددها 32 دولة"),
         (S000, "بحث الأمين العام لحلف شمال الأطلسي مارك روته ورئيس كوريا الجنوبية يون سوك يول"), N, "quantity",
         "both about NATO and South Korea; 32 members is no troop count"),
        ((S001, "إن مشاركة القوات الكورية الشمالية في الحرب الأوكرانية تنتهك قرارات الأمم المتحدة"),
         (S003, "فأعتقد أنه يتماشى مع القانون الدولي"), C, "other",
         "opposed attributed assessments of the same deployment: violates UN resolutions vs consistent with "
         "international law"),
    ],
    "quake": [
        (("q1_wire_en", "A magnitude 6.4 earthquake struck the mountainous province of Tazrout"),
         ("q2_daily_ar", "ضرب زلزال بقوة 6.8 درجات على مقياس ريختر إقليم تازروت"), C, "quantity", "magnitude 6.4 vs 6.8"),
        (("q2_daily_ar", "ضرب زلزال بقوة 6.8 درجات على مقياس ريختر إقليم تازروت"),
         ("q3_agency_en", "hit by a 6.4-magnitude quake"), C, "quantity", "magnitude 6.8 vs 6.4"),
        (("q1_wire_en", "A magnitude 6.4 earthquake struck the mountainous province of Tazrout"),
         ("q3_agency_en", "hit by a 6.4-magnitude quake"), E, "quantity", "6.4 in both"),
        (("q1_wire_en", "struck the mountainous province of Tazrout on Saturday night"),
         ("q2_daily_ar", "إقليم تازروت الجبلي مساء الأحد"), C, "date", "Saturday night vs Sunday evening"),
        (("q1_wire_en", "the quake killed 1,200 people"),
         ("q2_daily_ar", "أسفر عن مقتل ١٢٠٠ شخص"), E, "quantity", "1,200 vs ١٢٠٠ (Arabic-Indic digits)"),
        (("q1_wire_en", "the quake killed 1,200 people"),
         ("q4_site_ar", "بلغت ألف ومئتين قتيل"), E, "quantity", "1,200 vs ألف ومئتين (in words)"),
        (("q2_daily_ar", "أسفر عن مقتل ١٢٠٠ شخص"),
         ("q4_site_ar", "بلغت ألف ومئتين قتيل"), E, "quantity", "١٢٠٠ vs ألف ومئتين"),
        (("q1_wire_en", "the quake killed 1,200 people"),
         ("q4_site_ar", "عدد القتلى تجاوز ألفي شخص"), C, "quantity", "1,200 vs more than 2,000 dead"),
        (("q2_daily_ar", "أسفر عن مقتل ١٢٠٠ شخص"),
         ("q4_site_ar", "عدد القتلى تجاوز ألفي شخص"), C, "quantity", "١٢٠٠ vs more than 2,000"),
        (("q1_wire_en", "injured about 3,000 others"),
         ("q2_daily_ar", "وإصابة 3100 آخرين"), E, "quantity", "about 3,000 vs 3,100 injured: compatible"),
        (("q1_wire_en", "more than 40 aftershocks"),
         ("q3_agency_en", "counted 45 aftershocks"), E, "quantity", "more than 40 vs 45: compatible"),
        (("q1_wire_en", "The Ouzal dam collapsed after the quake"),
         ("q2_daily_ar", "ونفت وزارة التجهيز انهيار سد أوزال"), C, "negation", "dam collapsed vs ministry denies"),
        (("q3_agency_en", "The region's last deadly earthquake, in 2018"),
         ("q4_site_ar", "وكان آخر زلزال مدمر ضرب الإقليم عام 2020"), C, "date", "previous deadly quake: 2018 vs 2020"),
        (("q2_daily_ar", "ضرب زلزال بقوة 4.1 درجات جزيرة كريت اليونانية"),
         ("q1_wire_en", "A magnitude 6.4 earthquake struck the mountainous province of Tazrout"), N, "quantity",
         "look-alike: a different quake (Crete, 4.1)"),
        (("q2_daily_ar", "ضرب زلزال بقوة 4.1 درجات جزيرة كريت اليونانية"),
         ("q3_agency_en", "hit by a 6.4-magnitude quake"), N, "quantity", "look-alike: Crete 4.1 vs Tazrout 6.4"),
        (("q1_wire_en", "Rescue teams were still searching for survivors"),
         ("q2_daily_ar", "وتواصل فرق الإنقاذ البحث عن ناجين"), E, "other", "rescuers still searching"),
        (("q3_agency_en", "Aid convoys from neighbouring countries began arriving"),
         ("q4_site_ar", "ووصلت قوافل إغاثة من دول مجاورة إلى عاصمة الإقليم"), E, "other", "aid convoys arrive"),
        (("q3_agency_en", "killed about 300 people"),
         ("q1_wire_en", "the quake killed 1,200 people"), N, "quantity", "look-alike: the 2018 quake's toll"),
    ],
    "rates": [
        (("r1_markets_en", "raised its benchmark interest rate by 150 basis points to 19.25%"),
         ("r2_economy_ar", "بمقدار 200 نقطة أساس إلى 19.75%"), C, "quantity", "150 bp to 19.25% vs 200 bp to 19.75%"),
        (("r1_markets_en", "to 19.25% on Thursday"),
         ("r3_analysis_en", "a rate hike announced on Wednesday"), C, "date", "Thursday vs Wednesday"),
        (("r2_economy_ar", "إلى 19.75% يوم الخميس"),
         ("r3_analysis_en", "a rate hike announced on Wednesday"), C, "date", "Thursday vs Wednesday"),
        (("r1_markets_en", "Annual inflation reached 31% in May"),
         ("r2_economy_ar", "وبلغ معدل التضخم السنوي 31% في مايو الماضي"), E, "quantity", "31% in May"),
        (("r3_analysis_en", "Inflation has stayed above 30% for most of the year"),
         ("r4_gulf_ar", "لكبح التضخم الذي تجاوز 30% معظم العام"), E, "quantity", "above 30% most of the year"),
        (("r1_markets_en", "It was the bank's first rate increase since 2018"),
         ("r2_economy_ar", "وهذا أول رفع لأسعار الفائدة منذ عام 2020"), C, "date", "first hike since 2018 vs since 2020"),
        (("r1_markets_en", "Foreign reserves stood at $14.5 billion"),
         ("r4_gulf_ar", "أن الاحتياطيات الأجنبية بلغت 14.5 مليار دولار"), E, "quantity", "$14.5 billion"),
        (("r1_markets_en", "The committee will meet next on 17 July"),
         ("r2_economy_ar", "ستعقد اجتماعها المقبل في 17 يوليو"), E, "date", "next meeting 17 July"),
        (("r2_economy_ar", "ونفى محافظ البنك المركزي أن يكون البنك يعتزم تعويم العملة المحلية"),
         ("r3_analysis_en", "The bank will let the dinar float freely from next month"), C, "negation",
         "governor denies a float vs sources say the dinar will float"),
        (("r1_markets_en", "the IMF expects Egypt's economy to grow by 4% this year"),
         ("r3_analysis_en", "Kenya's economy, by contrast, is forecast to grow by just 1% this year"), N, "quantity",
         "look-alike: Egypt 4% vs Kenya 1%, different subjects"),
        (("r1_markets_en", "the IMF expects Egypt's economy to grow by 4% this year"),
         ("r4_gulf_ar", "ويتوقع صندوق النقد الدولي أن ينمو الاقتصاد المصري بنسبة 4% هذا العام"), E, "quantity",
         "Egypt 4% in both"),
        (("r4_gulf_ar", "ويتوقع صندوق النقد الدولي أن ينمو الاقتصاد المصري بنسبة 4% هذا العام"),
         ("r3_analysis_en", "Kenya's economy, by contrast, is forecast to grow by just 1% this year"), N, "quantity",
         "look-alike across languages: Egypt 4% vs Kenya 1%"),
        (("r1_markets_en", "Annual inflation reached 31% in May"),
         ("r3_analysis_en", "Inflation has stayed above 30% for most of the year"), E, "quantity",
         "31% in May is above 30%: compatible"),
    ],
    "election": [
        (("v1_wire_en", "Voters in Zahran will elect a new parliament on 14 November"),
         ("v2_daily_ar", "أن الانتخابات البرلمانية ستجري في 21 نوفمبر المقبل"), C, "date", "14 vs 21 November"),
        (("v1_wire_en", "Voters in Zahran will elect a new parliament on 14 November"),
         ("v3_agency_en", "for the vote on 14 November"), E, "date", "14 November in both"),
        (("v2_daily_ar", "أن الانتخابات البرلمانية ستجري في 21 نوفمبر المقبل"),
         ("v3_agency_en", "for the vote on 14 November"), C, "date", "21 vs 14 November"),
        (("v1_wire_en", "Turnout in the last parliamentary election, in 2018, was 41%"),
         ("v2_daily_ar", "وبلغت نسبة المشاركة في انتخابات عام 2018 نحو 41 بالمئة"), E, "quantity", "41% vs نحو 41 بالمئة"),
        (("v1_wire_en", "Turnout in the last parliamentary election, in 2018, was 41%"),
         ("v3_agency_en", "Turnout at the 2018 election was only 35%"), C, "quantity", "2018 turnout 41% vs 35%"),
        (("v2_daily_ar", "وبلغت نسبة المشاركة في انتخابات عام 2018 نحو 41 بالمئة"),
         ("v3_agency_en", "Turnout at the 2018 election was only 35%"), C, "quantity", "about 41% vs 35%"),
        (("v1_wire_en", "Turnout in the last parliamentary election, in 2018, was 41%"),
         ("v4_site_ar", "وكانت آخر انتخابات برلمانية قد جرت عام 2020"), C, "date", "last election 2018 vs 2020"),
        (("v1_wire_en", "Turnout in the last parliamentary election, in 2018, was 41%"),
         ("v3_agency_en", "In neighbouring Kadar, turnout in last year's election was 62%"), N, "quantity",
         "look-alike: Kadar's turnout, a different country"),
        (("v1_wire_en", "About 1.5 million young people will be eligible to vote for the first time"),
         ("v2_daily_ar", "ويحق لمليون ونصف المليون شاب التصويت لأول مرة"), E, "quantity",
         "1.5 million vs مليون ونصف المليون"),
        (("v1_wire_en", "The opposition Renewal Party said it would boycott the vote"),
         ("v2_daily_ar", "ونفى حزب التجديد المعارض أنه سيقاطع الانتخابات"), C, "negation", "boycott vs denial"),
        (("v3_agency_en", "The electoral commission has registered 7,800 polling stations"),
         ("v4_site_ar", "إنها جهزت ٧٨٠٠ مركز اقتراع"), E, "quantity", "7,800 vs ٧٨٠٠"),
        (("v1_wire_en", "The commission said 2,000 international observers would monitor the polls"),
         ("v3_agency_en", "Some 3,000 international observers are expected to monitor the vote"), C, "quantity",
         "2,000 vs some 3,000 observers"),
        (("v1_wire_en", "The commission said 2,000 international observers would monitor the polls"),
         ("v4_site_ar", "وتنتظر الهيئة وصول 3 آلاف مراقب دولي"), C, "quantity", "2,000 vs 3 آلاف observers"),
        (("v3_agency_en", "Some 3,000 international observers are expected to monitor the vote"),
         ("v4_site_ar", "وتنتظر الهيئة وصول 3 آلاف مراقب دولي"), E, "quantity", "some 3,000 vs 3 آلاف"),
    ],
}

# Gold facts: claims (as (stem, substring)) that state one fact, and whether the sources agree.
FACTS: dict[str, list[tuple]] = {
    "seeds": [
        ("North Korean troops sent to Russia", [
            (S001, "إرسال كوريا الشمالية 1500 جندي"), (S000, "أكثر من 3 آلاف جندي كوري شمالي"),
            (S003, "أرسلت 3000 جندي إلى روسيا"), (S002, "قد يصل عددها إلى 11 ألف جندي")], "conflicting"),
    ],
    "quake": [
        ("magnitude", [("q1_wire_en", "A magnitude 6.4 earthquake"), ("q2_daily_ar", "بقوة 6.8 درجات على مقياس"),
                       ("q3_agency_en", "6.4-magnitude quake")], "conflicting"),
        ("death toll", [("q1_wire_en", "killed 1,200 people"), ("q2_daily_ar", "مقتل ١٢٠٠ شخص"),
                        ("q4_site_ar", "ألف ومئتين قتيل"), ("q4_site_ar", "تجاوز ألفي شخص")], "conflicting"),
    ],
    "rates": [
        ("rate decision", [("r1_markets_en", "by 150 basis points to 19.25%"), ("r2_economy_ar", "200 نقطة أساس إلى 19.75%")],
         "conflicting"),
    ],
    "election": [
        ("election date", [("v1_wire_en", "a new parliament on 14 November"), ("v2_daily_ar", "ستجري في 21 نوفمبر"),
                           ("v3_agency_en", "the vote on 14 November")], "conflicting"),
        ("polling stations", [("v3_agency_en", "registered 7,800 polling stations"), ("v4_site_ar", "جهزت ٧٨٠٠ مركز اقتراع")],
         "consistent"),
    ],
}


def corpus_dir(corpus: str) -> Path:
    return ROOT / "seeds" if corpus == "seeds" else EVAL / "corpora" / corpus


def main() -> int:
    from factcheck.ingest import read_sources
    from factcheck.pipeline import Checker

    for corpus in sorted(set(DRAFTS) | set(FACTS)):
        sources, problems = read_sources([corpus_dir(corpus)])
        assert not problems, problems
        texts = {Path(s.path).stem: s.text for s in sources}
        documents = Checker.documents(Checker.__new__(Checker), sources, [])

        def span(ref: tuple[str, str]) -> dict:
            stem, needle = ref
            text = texts[stem]
            start = text.find(needle)
            if start < 0 or text.find(needle, start + 1) >= 0:
                raise SystemExit(f"{corpus}: {needle!r} occurs {text.count(needle)} times in {stem}")
            end = start + len(needle)
            docs = [d.id for d in documents if Path(d.path).stem == stem and d.start <= start and end <= d.end]
            if len(docs) != 1:
                raise SystemExit(f"{corpus}: {needle!r} in {stem} lies in {docs or 'no document'}")
            return {"doc": docs[0], "start": start, "end": end, "text": needle}

        lines = []
        for a, b, label, kind, note in DRAFTS.get(corpus, []):
            lines.append({"corpus": corpus, "a": span(a), "b": span(b), "label": label, "kind": kind, "note": note})
        for name, refs, status in FACTS.get(corpus, []):
            lines.append({"corpus": corpus, "fact": name, "claims": [span(r) for r in refs], "status": status})
        out = EVAL / "gold" / f"{corpus}.jsonl"
        out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(lines)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
