"""Where a claim is set: the countries (or their capitals, leaders' seats, demonyms) it names,
and whether it says it is about a neighbouring place.

Read once per claim at extraction; the checks compare the results so that Egypt's 4% growth
does not contradict Kenya's 1%. Patterns run on ``textnorm.normalize``d text.
"""

from __future__ import annotations

import re
from factcheck.textnorm import normalize

_COUNTRIES = {
    "north_korea": r"كوري(?:ا|ه|ين|ون)?\s+(?:ال)?شمالي|north\s+korea|pyongyang|dprk|بيونغ\s?يانغ|بيونج\s?يانج|كيم\s+جونغ",
    "south_korea": r"كوري(?:ا|ه|ين|ون)?\s+(?:ال)?جنوبي|south\s+korea|seoul|سيول|\bسول\b|يونهاب|yonhap",
    "russia": r"روسي|روسيا|russia|moscow|موسكو|كرملين|kremlin|بوتين|بوتن|putin",
    "ukraine": r"اوكران|ukrain|kyiv|kiev|كييف|زيلينسكي|zelensky",
    "united_states": r"امريك|اميرك|الولايات\s+المتحده|united\s+states|\bu\.?s\.?\b|america|washington|واشنطن|البيت\s+الابيض|white\s+house|pentagon|بنتاغون",
    "china": r"\bالصين|صيني|china|chinese|beijing|بكين",
    "iran": r"ايران|ايراني|iran|tehran|طهران",
    "israel": r"اسراييل|israel|تل\s+ابيب",
    "egypt": r"\bمصر|مصري|egypt|cairo|القاهره",
    "saudi_arabia": r"سعودي|saudi|الرياض|riyadh",
    "turkey": r"تركيا|تركي|turkey|turkish|turkiye|انقره|ankara",
    "syria": r"سوريا|سوري|syria|damascus|دمشق",
    "iraq": r"العراق|عراقي|iraq|baghdad|بغداد",
    "lebanon": r"لبنان|لبناني|lebanon|beirut|بيروت",
    "jordan": r"\bالاردن|اردني|jordan|عمان\b",
    "uae": r"الامارات|اماراتي|emirates|\buae\b|ابوظبي|abu\s+dhabi|دبي|dubai",
    "qatar": r"قطر|qatar|doha|الدوحه",
    "morocco": r"المغرب|مغربي|morocco|rabat|الرباط",
    "algeria": r"الجزاير|جزايري|algeria|algiers",
    "tunisia": r"تونس|تونسي|tunisia",
    "libya": r"ليبيا|ليبي|libya|طرابلس|tripoli",
    "sudan": r"السودان|سوداني|sudan|khartoum|الخرطوم",
    "yemen": r"اليمن|يمني|yemen|sanaa|صنعاء",
    "palestine": r"فلسطين|palestin|غزه|gaza|الضفه|west\s+bank",
    "kenya": r"كينيا|كيني|kenya|nairobi",
    "nigeria": r"نيجيريا|nigeria",
    "india": r"الهند|هندي|india|new\s+delhi",
    "pakistan": r"باكستان|pakistan",
    "japan": r"اليابان|ياباني|japan|tokyo|طوكيو",
    "greece": r"اليونان|يوناني|greece|greek|athens|اثينا|كريت|crete",
    "germany": r"المانيا|الماني|germany|german|berlin|برلين",
    "france": r"فرنسا|فرنسي|france|french|paris|باريس",
    "united_kingdom": r"بريطانيا|بريطاني|britain|british|\buk\b|london|لندن",
}
_PATTERNS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _COUNTRIES.items()}


def countries(text: str) -> frozenset[str]:
    folded = normalize(text)
    return frozenset(name for name, pattern in _PATTERNS.items() if pattern.search(folded))


# "In neighbouring Kadar, turnout was 62%": a place no table can know, set apart as somewhere
# else by the story itself. Only the locative use counts ("aid from neighbouring countries"
# is still about the story's own place). Patterns run on normalized text (ا for أ/إ, ه for ة).
_ELSEWHERE = re.compile(
    r"\bin\s+(?:the\s+)?(?:neighbou?ring|nearby|adjacent)\b"
    r"|(?:^|\s)[وف]?(?:في|ب)\s*\S+\s+(?:ال)?(?:مجاور|مجاوره|جاره|قريبه)\b"
    r"|(?:^|\s)[وف]?(?:في|ب)\s*(?:ال)?(?:دوله|بلد|جاره)\s+(?:ال)?(?:مجاوره|مجاور|جاره)\b",
    re.IGNORECASE,
)


def elsewhere(text: str) -> bool:
    """The claim says it is about a neighbouring or nearby place, not the story's own."""
    return bool(_ELSEWHERE.search(normalize(text)))
