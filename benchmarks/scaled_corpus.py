#!/usr/bin/env python3
"""Generate a scaled corpus of distinct, synthetic documents about transfers on diplomatic assurances.

    python benchmarks/scaled_corpus.py OUT_DIR --documents N [--seed S]

Writes N ``.txt`` documents, a ``MANIFEST.csv`` (columns ``file,title,publisher,date,kind,url,
format``) and a ``README.md`` into OUT_DIR. The texts imitate the genre of the bundled corpus
(NGO press releases, letters and reports, treaty-body decisions, court judgments, news items,
with the web and PDF noise such texts arrive with), but every person, case, organisation,
address and event in them is invented; only the state names are real. The same N and seed
always give byte-identical output. Standard library only.

From Python: ``write_corpus(out_dir, documents, seed=1) -> list[Path]``.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
ORDINALS = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)


def words(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def join_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f" and {items[-1]}"


def slug(text: str, limit: int = 48) -> str:
    out = []
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:limit].strip("-")


# --------------------------------------------------------------------------------------------
# States (real names; roles weighted so that a few states appear in many documents)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    key: str
    forms: tuple[str, ...]  # the first form is the most common one
    adjs: tuple[str, ...]
    demonym: str  # "Uzbek" in "an Uzbek national"
    cities: tuple[str, ...]
    region: str  # which name pool its nationals are drawn from
    recv: float = 0.0  # weight as the state people are returned to
    send: float = 0.0  # weight as the state that transfers them
    transit: float = 0.0  # weight as a transit state
    coe: bool = False  # member of the Council of Europe (European Court of Human Rights)
    bodies: tuple[str, ...] = ()  # treaty bodies that take individual complaints against it
    death_penalty: bool = False
    agencies: tuple[str, ...] = ("the security services", "the police")


STATES: tuple[State, ...] = (
    State(
        "US",
        ("the United States", "the US", "the United States of America", "the U.S."),
        ("US", "U.S.", "American"),
        "American",
        ("Washington", "New York", "Newark", "Chicago"),
        "western",
        send=14,
    ),
    State(
        "GB",
        ("the United Kingdom", "the UK", "Britain"),
        ("British", "UK"),
        "British",
        ("London", "Manchester", "Birmingham", "Leeds"),
        "western",
        send=9,
        coe=True,
    ),
    State(
        "RU",
        ("Russia", "the Russian Federation"),
        ("Russian",),
        "Russian",
        ("Moscow", "St Petersburg", "Kazan", "Nalchik", "Ufa", "Yekaterinburg", "Novosibirsk"),
        "russia",
        recv=10,
        send=6,
        coe=True,
        bodies=("CAT", "HRC"),
        agencies=(
            "the Federal Security Service (FSB)",
            "officers of the anti-extremism police",
            "the Interior Ministry's organised crime department",
        ),
    ),
    State(
        "UZ",
        ("Uzbekistan", "the Republic of Uzbekistan"),
        ("Uzbek",),
        "Uzbek",
        ("Tashkent", "Andijan", "Namangan", "Fergana", "Samarkand", "Bukhara", "Kokand"),
        "central_asia",
        recv=14,
        agencies=(
            "the National Security Service (SNB)",
            "the Interior Ministry",
            "counter-terrorism police",
        ),
    ),
    State(
        "EG",
        ("Egypt", "the Arab Republic of Egypt"),
        ("Egyptian",),
        "Egyptian",
        ("Cairo", "Alexandria", "Giza", "Asyut", "Mansoura"),
        "mashreq",
        recv=9,
        transit=1,
        death_penalty=True,
        agencies=(
            "State Security Investigations",
            "the General Intelligence Service",
            "state security officers",
        ),
    ),
    State(
        "SY",
        ("Syria", "the Syrian Arab Republic"),
        ("Syrian",),
        "Syrian",
        ("Damascus", "Aleppo", "Homs", "Hama", "Latakia"),
        "mashreq",
        recv=7,
        death_penalty=True,
        agencies=(
            "Military Intelligence",
            "the Air Force Intelligence directorate",
            "the General Security Directorate",
        ),
    ),
    State(
        "CN",
        ("China", "the People's Republic of China", "the PRC"),
        ("Chinese",),
        "Chinese",
        ("Urumqi", "Kashgar", "Ghulja", "Hotan", "Aksu"),
        "uighur",
        recv=5,
        death_penalty=True,
        agencies=("the Public Security Bureau", "state security police"),
    ),
    State(
        "TN",
        ("Tunisia", "the Republic of Tunisia"),
        ("Tunisian",),
        "Tunisian",
        ("Tunis", "Sfax", "Sousse", "Bizerte", "Kairouan"),
        "maghreb",
        recv=4,
        agencies=("the State Security Department", "the judicial police"),
    ),
    State(
        "DZ",
        ("Algeria", "the People's Democratic Republic of Algeria"),
        ("Algerian",),
        "Algerian",
        ("Algiers", "Oran", "Constantine", "Blida", "Annaba"),
        "maghreb",
        recv=4,
        death_penalty=True,
        agencies=("the Department of Intelligence and Security (DRS)", "military security"),
    ),
    State(
        "JO",
        ("Jordan", "the Hashemite Kingdom of Jordan"),
        ("Jordanian",),
        "Jordanian",
        ("Amman", "Zarqa", "Irbid", "Salt"),
        "mashreq",
        recv=3,
        send=0.5,
        transit=3,
        death_penalty=True,
        agencies=("the General Intelligence Department (GID)",),
    ),
    State(
        "TJ",
        ("Tajikistan", "the Republic of Tajikistan"),
        ("Tajik",),
        "Tajik",
        ("Dushanbe", "Khujand", "Kulob", "Isfara"),
        "central_asia",
        recv=3,
        agencies=("the State Committee for National Security", "the Interior Ministry"),
    ),
    State(
        "MA",
        ("Morocco", "the Kingdom of Morocco"),
        ("Moroccan",),
        "Moroccan",
        ("Rabat", "Casablanca", "Fez", "Tangier", "Marrakesh"),
        "maghreb",
        recv=2.5,
        transit=1.5,
        death_penalty=True,
        agencies=("the Directorate of Territorial Surveillance (DST)", "the national police"),
    ),
    State(
        "LY",
        ("Libya",),
        ("Libyan",),
        "Libyan",
        ("Tripoli", "Benghazi", "Misrata", "Derna"),
        "maghreb",
        recv=2,
        death_penalty=True,
        agencies=("the Internal Security Agency",),
    ),
    State(
        "PK",
        ("Pakistan", "the Islamic Republic of Pakistan"),
        ("Pakistani",),
        "Pakistani",
        ("Islamabad", "Lahore", "Karachi", "Peshawar", "Quetta"),
        "south_asia",
        recv=2,
        send=0.8,
        transit=2,
        death_penalty=True,
        agencies=("the Inter-Services Intelligence (ISI)", "the Federal Investigation Agency"),
    ),
    State(
        "TM",
        ("Turkmenistan",),
        ("Turkmen",),
        "Turkmen",
        ("Ashgabat", "Turkmenabat", "Dashoguz"),
        "central_asia",
        recv=1.5,
        agencies=("the Ministry of National Security",),
    ),
    State(
        "LK",
        ("Sri Lanka", "the Democratic Socialist Republic of Sri Lanka"),
        ("Sri Lankan",),
        "Sri Lankan",
        ("Colombo", "Jaffna", "Vavuniya", "Trincomalee"),
        "tamil",
        recv=1.5,
        agencies=("the Terrorism Investigation Division", "the Criminal Investigation Department"),
    ),
    State(
        "ER",
        ("Eritrea", "the State of Eritrea"),
        ("Eritrean",),
        "Eritrean",
        ("Asmara", "Keren", "Massawa"),
        "horn",
        recv=1.2,
        agencies=("the military police",),
    ),
    State(
        "ET",
        ("Ethiopia", "the Federal Democratic Republic of Ethiopia"),
        ("Ethiopian",),
        "Ethiopian",
        ("Addis Ababa", "Gondar", "Dire Dawa", "Jimma"),
        "horn",
        recv=1.2,
        death_penalty=True,
        agencies=("the federal police", "the National Intelligence and Security Service"),
    ),
    State(
        "IR",
        ("Iran", "the Islamic Republic of Iran"),
        ("Iranian",),
        "Iranian",
        ("Tehran", "Tabriz", "Mashhad", "Ahvaz"),
        "iran",
        recv=1,
        death_penalty=True,
        agencies=("the Ministry of Intelligence", "the Revolutionary Guards' intelligence unit"),
    ),
    State(
        "AZ",
        ("Azerbaijan", "the Republic of Azerbaijan"),
        ("Azerbaijani",),
        "Azerbaijani",
        ("Baku", "Ganja", "Sumgait"),
        "azeri",
        recv=1,
        send=0.3,
        coe=True,
        bodies=("CAT", "HRC"),
        agencies=("the Ministry of National Security",),
    ),
    State(
        "BY",
        ("Belarus", "the Republic of Belarus"),
        ("Belarusian",),
        "Belarusian",
        ("Minsk", "Gomel", "Brest", "Vitebsk"),
        "slavic",
        recv=0.8,
        death_penalty=True,
        agencies=("the State Security Committee (KGB)",),
    ),
    State(
        "YE",
        ("Yemen", "the Republic of Yemen"),
        ("Yemeni",),
        "Yemeni",
        ("Sanaa", "Aden", "Taiz"),
        "mashreq",
        recv=0.8,
        death_penalty=True,
        agencies=("the Political Security Organisation",),
    ),
    State(
        "SA",
        ("Saudi Arabia", "the Kingdom of Saudi Arabia"),
        ("Saudi",),
        "Saudi",
        ("Riyadh", "Jeddah", "Dammam"),
        "mashreq",
        recv=0.8,
        death_penalty=True,
        agencies=("the General Investigation Directorate (al-Mabahith)",),
    ),
    State(
        "KZ",
        ("Kazakhstan", "the Republic of Kazakhstan"),
        ("Kazakh",),
        "Kazakh",
        ("Almaty", "Astana", "Shymkent", "Taraz"),
        "central_asia",
        recv=0.6,
        send=4,
        transit=1,
        bodies=("CAT", "HRC"),
        agencies=("the National Security Committee (KNB)",),
    ),
    State(
        "TR",
        ("Turkey", "the Republic of Turkey"),
        ("Turkish",),
        "Turkish",
        ("Istanbul", "Ankara", "Izmir", "Gaziantep"),
        "turkish",
        recv=0.6,
        send=2.5,
        transit=1.5,
        coe=True,
        bodies=("CAT", "HRC"),
        agencies=("the anti-terror police",),
    ),
    State(
        "LB",
        ("Lebanon", "the Lebanese Republic"),
        ("Lebanese",),
        "Lebanese",
        ("Beirut", "Tripoli", "Sidon"),
        "mashreq",
        recv=0.4,
        send=0.4,
        death_penalty=True,
        agencies=("General Security",),
    ),
    State(
        "AF",
        ("Afghanistan",),
        ("Afghan",),
        "Afghan",
        ("Kabul", "Kandahar", "Bagram", "Herat"),
        "south_asia",
        recv=0.3,
        transit=2,
        agencies=("the National Directorate of Security",),
    ),
    State(
        "KG",
        ("Kyrgyzstan", "the Kyrgyz Republic"),
        ("Kyrgyz",),
        "Kyrgyz",
        ("Bishkek", "Osh", "Jalal-Abad"),
        "central_asia",
        send=3,
        bodies=("CAT", "HRC"),
    ),
    State(
        "SE",
        ("Sweden", "the Kingdom of Sweden"),
        ("Swedish",),
        "Swedish",
        ("Stockholm", "Gothenburg", "Malmo", "Uppsala"),
        "western",
        send=4,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "CA",
        ("Canada",),
        ("Canadian",),
        "Canadian",
        ("Ottawa", "Toronto", "Montreal", "Vancouver"),
        "western",
        send=3.5,
        bodies=("CAT", "HRC"),
    ),
    State(
        "IT",
        ("Italy", "the Italian Republic"),
        ("Italian",),
        "Italian",
        ("Rome", "Milan", "Turin", "Naples"),
        "western",
        send=3,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "UA",
        ("Ukraine",),
        ("Ukrainian",),
        "Ukrainian",
        ("Kyiv", "Kharkiv", "Odesa", "Dnipro"),
        "slavic",
        send=2.5,
        transit=0.8,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "NL",
        ("the Netherlands", "the Kingdom of the Netherlands"),
        ("Dutch",),
        "Dutch",
        ("Amsterdam", "The Hague", "Rotterdam", "Utrecht"),
        "western",
        send=2,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "AT",
        ("Austria", "the Republic of Austria"),
        ("Austrian",),
        "Austrian",
        ("Vienna", "Graz", "Linz"),
        "western",
        send=1.5,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "CH",
        ("Switzerland", "the Swiss Confederation"),
        ("Swiss",),
        "Swiss",
        ("Bern", "Geneva", "Zurich", "Basel"),
        "western",
        send=1.5,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "DE",
        ("Germany", "the Federal Republic of Germany"),
        ("German",),
        "German",
        ("Berlin", "Munich", "Hamburg", "Frankfurt"),
        "western",
        send=1.5,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "FR",
        ("France", "the French Republic"),
        ("French",),
        "French",
        ("Paris", "Lyon", "Marseille"),
        "western",
        send=1.2,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "ES",
        ("Spain", "the Kingdom of Spain"),
        ("Spanish",),
        "Spanish",
        ("Madrid", "Barcelona", "Valencia"),
        "western",
        send=1,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "BE",
        ("Belgium", "the Kingdom of Belgium"),
        ("Belgian",),
        "Belgian",
        ("Brussels", "Antwerp", "Liege"),
        "western",
        send=0.8,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "DK",
        ("Denmark", "the Kingdom of Denmark"),
        ("Danish",),
        "Danish",
        ("Copenhagen", "Aarhus"),
        "western",
        send=0.6,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "NO",
        ("Norway", "the Kingdom of Norway"),
        ("Norwegian",),
        "Norwegian",
        ("Oslo", "Bergen"),
        "western",
        send=0.6,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "GE",
        ("Georgia",),
        ("Georgian",),
        "Georgian",
        ("Tbilisi", "Batumi"),
        "western",
        send=0.6,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "BA",
        ("Bosnia and Herzegovina", "Bosnia"),
        ("Bosnian",),
        "Bosnian",
        ("Sarajevo", "Zenica", "Tuzla"),
        "western",
        send=0.6,
        coe=True,
        bodies=("CAT", "HRC"),
    ),
    State(
        "AE",
        ("the United Arab Emirates", "the UAE"),
        ("Emirati", "UAE"),
        "Emirati",
        ("Dubai", "Abu Dhabi", "Sharjah"),
        "mashreq",
        send=0.8,
        transit=1.5,
    ),
    State(
        "TH",
        ("Thailand", "the Kingdom of Thailand"),
        ("Thai",),
        "Thai",
        ("Bangkok", "Songkhla"),
        "western",
        send=0.5,
    ),
    State(
        "MY",
        ("Malaysia",),
        ("Malaysian",),
        "Malaysian",
        ("Kuala Lumpur", "Johor Bahru"),
        "western",
        send=0.5,
    ),
    State(
        "PL",
        ("Poland", "the Republic of Poland"),
        ("Polish",),
        "Polish",
        ("Warsaw", "Szymany"),
        "western",
        transit=1,
        coe=True,
    ),
    State(
        "RO",
        ("Romania",),
        ("Romanian",),
        "Romanian",
        ("Bucharest",),
        "western",
        transit=1,
        coe=True,
    ),
    State(
        "LT",
        ("Lithuania", "the Republic of Lithuania"),
        ("Lithuanian",),
        "Lithuanian",
        ("Vilnius",),
        "western",
        transit=0.8,
        coe=True,
    ),
)
STATE = {s.key: s for s in STATES}
CIS = ("RU", "KZ", "KG", "UA", "UZ", "TJ", "TM", "BY", "AZ", "GE")

# --------------------------------------------------------------------------------------------
# Invented names, combined at random from seeded lists (given x family per region)
# --------------------------------------------------------------------------------------------

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # region: (male given names, female given names, family names)
    "central_asia": (
        (
            "Bakhtiyor",
            "Dilshod",
            "Ulugbek",
            "Sardor",
            "Jamshid",
            "Otabek",
            "Farrukh",
            "Shavkat",
            "Rustam",
            "Alisher",
            "Nodir",
            "Komil",
            "Sherzod",
            "Akmal",
            "Davron",
            "Khurshid",
            "Ilhom",
            "Zafar",
            "Murodjon",
            "Abdulaziz",
            "Bobur",
            "Anvar",
            "Jasur",
            "Oybek",
            "Sanjar",
            "Firdavs",
            "Umid",
            "Lutfullo",
            "Azizbek",
            "Kamoliddin",
            "Mansur",
            "Iskandar",
            "Nurlan",
            "Yerlan",
        ),
        ("Nargiza", "Dilnoza", "Gulnora", "Malika", "Shahnoza", "Feruza", "Zulfiya", "Madina"),
        (
            "Tursunov",
            "Rakhimov",
            "Kholmatov",
            "Mirzaev",
            "Nematov",
            "Sultanov",
            "Ergashev",
            "Alimov",
            "Boboev",
            "Saidov",
            "Umarov",
            "Khamidov",
            "Abdullaev",
            "Kurbanov",
            "Jurayev",
            "Sobirov",
            "Valiev",
            "Tojiboev",
            "Usmonov",
            "Hakimov",
            "Zakirov",
            "Rasulov",
            "Qodirov",
            "Fayzullaev",
            "Olimov",
            "Shodmonov",
            "Yusufjonov",
            "Mahmudov",
            "Ortikov",
            "Salimov",
            "Karimberdiev",
            "Tokhtaev",
        ),
    ),
    "russia": (
        (
            "Ruslan",
            "Timur",
            "Ilnur",
            "Marat",
            "Rinat",
            "Artur",
            "Aslan",
            "Zaurbek",
            "Magomed",
            "Idris",
            "Salambek",
            "Azamat",
            "Renat",
            "Anzor",
            "Ilgiz",
            "Damir",
            "Rustem",
            "Shamil",
            "Murat",
            "Alikhan",
            "Islam",
            "Rifat",
            "Aidar",
            "Kazbek",
        ),
        ("Aminat", "Liliya", "Zalina", "Guzel", "Madina", "Elvira"),
        (
            "Galiev",
            "Khasanov",
            "Sabirov",
            "Bagautdinov",
            "Dzhabrailov",
            "Tsechoev",
            "Khamzin",
            "Fattakhov",
            "Minnullin",
            "Yakupov",
            "Batyrov",
            "Kodzoev",
            "Shogenov",
            "Akhmadov",
            "Garipov",
            "Nurmukhametov",
            "Tembotov",
            "Kuliev",
            "Mamaev",
            "Zakaev",
            "Ibragimov",
            "Shakirov",
            "Valeev",
            "Khabibullin",
            "Gubaidullin",
            "Azhiev",
            "Bekov",
            "Tokov",
        ),
    ),
    "slavic": (
        (
            "Sergei",
            "Andrei",
            "Dmitri",
            "Pavel",
            "Viktor",
            "Aleksandr",
            "Mikhail",
            "Oleg",
            "Yuri",
            "Igor",
            "Vadim",
            "Kirill",
            "Anton",
            "Denis",
        ),
        ("Olga", "Tatiana", "Natalia", "Irina"),
        (
            "Kovalenko",
            "Sidorenko",
            "Markevich",
            "Zhuk",
            "Lavrinovich",
            "Shevchuk",
            "Bondar",
            "Klimovich",
            "Tkachuk",
            "Goncharik",
            "Savchenko",
            "Yaroshevich",
            "Kozlovsky",
            "Melnik",
        ),
    ),
    "mashreq": (
        (
            "Ahmed",
            "Mohamed",
            "Mahmoud",
            "Khaled",
            "Omar",
            "Youssef",
            "Tarek",
            "Hisham",
            "Karim",
            "Nabil",
            "Sami",
            "Walid",
            "Bilal",
            "Hamza",
            "Adel",
            "Faisal",
            "Samir",
            "Riad",
            "Hassan",
            "Ibrahim",
            "Mounir",
            "Ayman",
            "Ziad",
            "Osama",
            "Mustafa",
            "Jamal",
            "Anas",
            "Yasser",
            "Ammar",
            "Fadi",
            "Muhannad",
            "Nizar",
            "Saleh",
            "Majed",
        ),
        ("Amal", "Samira", "Leila", "Noura", "Rania", "Huda", "Dalia"),
        (
            "el-Sayed",
            "Abdel Rahman",
            "Haddad",
            "Mansour",
            "Hamdi",
            "al-Khatib",
            "Darwish",
            "al-Amin",
            "Nasri",
            "Qasem",
            "Harb",
            "Azzam",
            "al-Shami",
            "Barakat",
            "Shehata",
            "Fawzi",
            "Ghoneim",
            "al-Masri",
            "Abu Zeid",
            "Hijazi",
            "Salama",
            "al-Rifai",
            "Othmani",
            "Zaki",
            "Kamel",
            "al-Halabi",
            "Sabbagh",
            "Najjar",
            "al-Tamimi",
            "Hamdan",
            "Obeid",
            "Rashed",
            "al-Jabouri",
            "Suleiman",
            "Badawi",
            "Sharaf",
        ),
    ),
    "maghreb": (
        (
            "Mourad",
            "Rachid",
            "Abdelkader",
            "Lotfi",
            "Anis",
            "Karim",
            "Nabil",
            "Sofiane",
            "Hichem",
            "Mehdi",
            "Yassine",
            "Brahim",
            "Noureddine",
            "Abdelhak",
            "Tahar",
            "Fethi",
            "Mokhtar",
            "Samir",
            "Redouane",
            "Hamid",
            "Khalid",
            "Mustapha",
            "Adil",
            "Said",
            "Jamel",
            "Kamel",
        ),
        ("Fatima", "Nadia", "Souad", "Karima", "Zineb", "Houda"),
        (
            "Ben Salem",
            "Belkacem",
            "Bouzid",
            "Chaouch",
            "Zeroual",
            "Mekki",
            "Kaddour",
            "Bennani",
            "Tahiri",
            "Ferjani",
            "Gharbi",
            "Mahjoub",
            "Bouazza",
            "Hammami",
            "Jebali",
            "Mejri",
            "Boudiaf",
            "Lamari",
            "Benyahia",
            "Ouali",
            "Slimani",
            "Amrani",
            "El Idrissi",
            "Tlili",
            "Dridi",
            "Haddad",
            "Benmoussa",
            "Zitouni",
            "Khelifi",
            "Boukhari",
            "Sahraoui",
            "Rezgui",
        ),
    ),
    "uighur": (
        (
            "Abdulla",
            "Memet",
            "Ekrem",
            "Tursun",
            "Adil",
            "Yusup",
            "Ablikim",
            "Nurmemet",
            "Erkin",
            "Kamil",
            "Abduweli",
            "Mutellip",
            "Obulkasim",
            "Perhat",
            "Rozi",
            "Shohret",
            "Dilmurat",
            "Alim",
            "Eziz",
            "Qurban",
        ),
        ("Gulnar", "Mihray", "Aynur", "Zohre"),
        (
            "Emet",
            "Kurban",
            "Niyaz",
            "Sidik",
            "Osman",
            "Abliz",
            "Tursun",
            "Hesen",
            "Mamut",
            "Yasin",
            "Rahman",
            "Qadir",
            "Ismayil",
            "Hoshur",
            "Ablet",
            "Nasir",
            "Imin",
            "Zunun",
        ),
    ),
    "south_asia": (
        (
            "Imran",
            "Asif",
            "Tariq",
            "Zahid",
            "Naveed",
            "Shahid",
            "Kashif",
            "Faisal",
            "Usman",
            "Abdul Wahid",
            "Gul Rahman",
            "Noorullah",
            "Habibullah",
            "Zabihullah",
            "Saifullah",
            "Rizwan",
            "Adnan",
            "Waqar",
        ),
        ("Saima", "Nasreen", "Farzana"),
        (
            "Qureshi",
            "Chaudhry",
            "Malik",
            "Butt",
            "Hussain",
            "Siddiqui",
            "Raza",
            "Mirza",
            "Anwar",
            "Rahmani",
            "Ahmadzai",
            "Safi",
            "Popalzai",
            "Durrani",
            "Khattak",
            "Awan",
            "Sheikh",
            "Niazi",
            "Afridi",
            "Yousafzai",
        ),
    ),
    "tamil": (
        (
            "Sivakumar",
            "Tharmalingam",
            "Rajeevan",
            "Kumaran",
            "Suthaharan",
            "Jeyakumar",
            "Prasanth",
            "Nirmalan",
            "Kannan",
            "Thayaparan",
            "Vigneswaran",
            "Ravindran",
        ),
        ("Vasuki", "Tharsini", "Kalaivani"),
        (
            "Selvarajah",
            "Ponnambalam",
            "Kanagaratnam",
            "Thevarajah",
            "Sivanesan",
            "Murugesu",
            "Balasingham",
            "Arumugam",
            "Navaratnam",
            "Sinnathamby",
            "Yogarajah",
            "Paramanathan",
        ),
    ),
    "horn": (
        (
            "Yonas",
            "Tesfaye",
            "Dawit",
            "Mehari",
            "Bereket",
            "Abraham",
            "Samuel",
            "Yohannes",
            "Mulugeta",
            "Habtom",
            "Kibrom",
            "Filmon",
            "Tekle",
            "Girma",
            "Abel",
        ),
        ("Selam", "Senait", "Helen", "Mekdes"),
        (
            "Gebremedhin",
            "Tesfamariam",
            "Haile",
            "Berhane",
            "Woldemichael",
            "Kidane",
            "Asfaw",
            "Negash",
            "Ghebreyesus",
            "Tsegay",
            "Alemu",
            "Bekele",
            "Desta",
            "Fisseha",
        ),
    ),
    "iran": (
        (
            "Reza",
            "Hossein",
            "Mehdi",
            "Saeed",
            "Farid",
            "Behrouz",
            "Kaveh",
            "Arash",
            "Omid",
            "Majid",
        ),
        ("Shirin", "Maryam", "Parisa"),
        (
            "Rahimi",
            "Karimi",
            "Jafari",
            "Hosseini",
            "Ahmadi",
            "Sadeghi",
            "Moradi",
            "Tehrani",
            "Rostami",
            "Bagheri",
            "Azizi",
            "Nouri",
        ),
    ),
    "azeri": (
        ("Elchin", "Rauf", "Vugar", "Tural", "Elnur", "Rashad", "Anar", "Ilgar", "Emin"),
        ("Gunel", "Aytan", "Leyla"),
        (
            "Mammadov",
            "Huseynov",
            "Guliyev",
            "Hasanov",
            "Ismayilov",
            "Abbasov",
            "Rzayev",
            "Jafarov",
            "Babayev",
            "Nasirov",
        ),
    ),
    "turkish": (
        ("Mehmet", "Mustafa", "Emre", "Hakan", "Serkan", "Murat", "Cem", "Kemal", "Yusuf", "Onur"),
        ("Ayse", "Elif", "Zeynep"),
        (
            "Yilmaz",
            "Demir",
            "Aydin",
            "Kaya",
            "Celik",
            "Ozturk",
            "Arslan",
            "Dogan",
            "Korkmaz",
            "Sahin",
            "Polat",
            "Erdem",
        ),
    ),
    "western": (
        (
            "Thomas",
            "Martin",
            "Jonas",
            "Peter",
            "David",
            "Lukas",
            "Daniel",
            "Simon",
            "Mark",
            "Henrik",
            "Paolo",
            "Julien",
            "Adrian",
            "Niall",
            "Stefan",
            "Owen",
            "Ruben",
            "Tobias",
        ),
        (
            "Anna",
            "Claire",
            "Sofia",
            "Eva",
            "Laura",
            "Helen",
            "Marta",
            "Ingrid",
            "Rachel",
            "Julia",
            "Hanna",
            "Camille",
            "Louise",
            "Miriam",
            "Nora",
            "Judith",
            "Esther",
            "Katrin",
        ),
        (
            "Lindqvist",
            "Hartmann",
            "Okafor",
            "Brennan",
            "Moreau",
            "Castellano",
            "Van Dijk",
            "Novak",
            "Whitfield",
            "Ferreira",
            "Keller",
            "Rasmussen",
            "Donnelly",
            "Mercer",
            "Albrecht",
            "Sandoval",
            "Halvorsen",
            "Marchetti",
            "Osei",
            "Drummond",
            "Verhoeven",
            "Lachance",
            "Petrakis",
            "Sorensen",
            "Kavanagh",
            "Brandt",
            "Rossetti",
            "Wexford",
            "Ashdown",
            "Fairley",
            "Lindgren",
            "Vasquez",
            "Tremblay",
            "Holm",
            "Pieters",
            "Quigley",
        ),
    ),
}
# Names of people in well-known real transfer cases: never produced, even by chance.
AVOID_FAMILY = {
    "Arar",
    "Agiza",
    "Alzery",
    "Saadi",
    "Chahal",
    "Soering",
    "Othman",
    "Ismoilov",
    "Muminov",
    "Mamatkulov",
    "Askarov",
    "Abdulkhakov",
    "Gaforov",
    "Kudaev",
    "Gumarov",
    "Ishmuratov",
    "Vakhitov",
    "Yusupov",
    "Nazarov",
    "Fakhruddinov",
    "Tohti",
    "Toumi",
    "Trabelsi",
    "Labsi",
    "Daoudi",
    "Khodzhayev",
    "Yuldashev",
    "Kaboulov",
}


@dataclass
class Person:
    pid: int
    given: str
    family: str
    female: bool
    nationality: str  # state key
    birth_year: int
    occupation: str = ""
    city: str = ""

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"

    @property
    def title(self) -> str:
        return "Ms." if self.female else "Mr."

    def pron(self, case: str = "he") -> str:
        table = {"he": ("he", "she"), "his": ("his", "her"), "him": ("him", "her")}
        return table[case][1 if self.female else 0]


class NameBank:
    """Hands out full names that are never used twice in one corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.next_id = 1

    def person(self, region: str, nationality: str, female: bool, birth_year: int) -> Person:
        male, fem, families = NAMES[region]
        givens = fem if female else male
        for attempt in range(400):
            given = self.rng.choice(givens)
            family = self.rng.choice(families)
            if (
                female
                and region in ("central_asia", "russia", "azeri")
                and family.endswith(("ov", "ev", "in"))
            ):
                family += "a"
            if attempt > 60 and region in ("mashreq", "maghreb", "horn", "uighur", "south_asia"):
                # a father's name between given and family name, as these names often run
                given = f"{given} {self.rng.choice(male)}"
            elif attempt > 60:
                given = f"{given} {self.rng.choice('ABDEGIKLMNRST')}."
            if family in AVOID_FAMILY or family.rstrip("a") in AVOID_FAMILY:
                continue
            full = f"{given} {family}"
            if full not in self.used and given.split()[0] != family:
                self.used.add(full)
                p = Person(self.next_id, given, family, female, nationality, birth_year)
                self.next_id += 1
                return p
        raise RuntimeError("name pool exhausted")


# --------------------------------------------------------------------------------------------
# Vocabulary of the genre
# --------------------------------------------------------------------------------------------

OCCUPATIONS = (
    "a trader at the central market",
    "an imam at a small neighbourhood mosque",
    "a schoolteacher",
    "a university student",
    "a taxi driver",
    "a journalist",
    "a human rights defender",
    "an engineer",
    "a shopkeeper",
    "a construction worker",
    "an opposition activist",
    "a businessman",
    "a doctor",
    "a farmer",
    "an accountant",
    "a car mechanic",
    "a baker",
    "a translator",
    "a poet and blogger",
    "a lawyer",
    "a pharmacist",
    "a former army officer",
    "a religious teacher",
    "a truck driver",
)
CHARGES = (
    "membership of a banned religious organisation",
    "involvement in an armed uprising",
    "attempting to overthrow the constitutional order",
    "terrorism",
    "financing terrorism",
    "religious extremism",
    "membership of a terrorist group",
    "anti-state activity",
    "undermining state security",
    "possession and distribution of extremist literature",
    "organising a criminal group",
    "membership of an illegal political party",
    "participation in mass disorder",
    "separatism",
    "recruiting fighters for an armed group",
    "illegal possession of weapons",
    "belonging to an extremist religious movement",
)
METHODS = (
    "beaten with truncheons",
    "beaten with rubber batons",
    "subjected to electric shocks",
    "suspended by {his} wrists",
    "hung from the ceiling by {his} arms",
    "deprived of sleep for days at a time",
    "forced to hold stress positions for hours",
    "threatened with the rape of {his} wife",
    "threatened with harm to {his} relatives",
    "partially asphyxiated with a plastic bag",
    "burned with cigarettes",
    "kicked repeatedly",
    "beaten on the soles of {his} feet",
    "held in a cell too small to lie down in",
    "exposed to extreme cold",
    "subjected to a mock execution",
    "denied medical care",
    "kept in solitary confinement for months",
    "forced to stand for long periods",
    "doused with cold water and left in an unheated cell",
    "shackled to a radiator",
    "beaten with plastic bottles filled with water",
    "held blindfolded for days",
)
RELATIVES_M = ("wife", "mother", "brother", "father", "sister", "eldest son", "uncle", "cousin")
RELATIVES_F = ("husband", "mother", "brother", "father", "sister", "eldest daughter")
TRANSFER_KINDS = {
    # kind: (noun, past participle, verb phrase used actively)
    "extradition": ("extradition", "extradited", "extradite"),
    "deportation": ("deportation", "deported", "deport"),
    "removal": ("removal", "removed", "remove"),
    "expulsion": ("expulsion", "expelled", "expel"),
    "rendition": ("rendition", "secretly transferred", "render"),
    "forcible return": ("forcible return", "forcibly returned", "forcibly return"),
}
BODIES = {
    "CAT": {
        "names": (
            "the UN Committee against Torture",
            "the Committee against Torture",
            "the United Nations Committee against Torture",
            "the Committee",
        ),
        "publisher": "UN Committee against Torture",
        "treaty": (
            "the Convention against Torture",
            "the Convention against Torture and Other Cruel, "
            "Inhuman or Degrading Treatment or Punishment",
            "the UN Convention against Torture",
        ),
        "core": "article 3",
        "interim": "article 22",
        "extra": ("article 22",),
        "kind": "decision",
    },
    "HRC": {
        "names": (
            "the UN Human Rights Committee",
            "the Human Rights Committee",
            "the United Nations Human Rights Committee",
            "the Committee",
        ),
        "publisher": "UN Human Rights Committee",
        "treaty": (
            "the International Covenant on Civil and Political Rights",
            "the ICCPR",
            "the International Covenant on Civil and Political Rights (ICCPR)",
        ),
        "core": "article 7",
        "interim": "article 1 of the Optional Protocol",
        "extra": ("article 9", "article 14", "article 2, paragraph 3"),
        "kind": "decision",
    },
    "ECHR": {
        "names": (
            "the European Court of Human Rights",
            "the Strasbourg court",
            "the European Court of Human Rights (ECtHR)",
            "the Court",
        ),
        "publisher": "European Court of Human Rights",
        "treaty": (
            "the European Convention on Human Rights",
            "the European Convention",
            "the Convention for the Protection of Human Rights and Fundamental Freedoms",
        ),
        "core": "Article 3",
        "interim": "Article 34",
        "extra": ("Article 13", "Article 5 § 1", "Article 5 § 4"),
        "kind": "judgment",
    },
}
NATIONAL_COURTS = {
    "US": (
        "the Board of Immigration Appeals",
        "a federal district court in {city}",
        "the US Court of Appeals for the {ordinal} Circuit",
        "an immigration judge in {city}",
    ),
    "GB": (
        "the Special Immigration Appeals Commission",
        "the High Court in London",
        "the Court of Appeal",
        "the Upper Tribunal (Immigration and Asylum Chamber)",
    ),
    "CA": (
        "the Federal Court of Canada",
        "the Federal Court of Appeal",
        "the Immigration and Refugee Board",
    ),
    "SE": (
        "the Migration Court of Appeal",
        "the Supreme Court of Sweden",
        "the Migration Court in {city}",
    ),
    "NL": ("the Council of State", "the District Court of {city}"),
    "CH": (
        "the Federal Administrative Court",
        "the Federal Criminal Court",
        "the Federal Supreme Court",
    ),
    "DE": (
        "the Federal Constitutional Court",
        "the Higher Regional Court of {city}",
        "the Federal Administrative Court",
    ),
    "AT": ("the Constitutional Court", "the Asylum Court", "the Higher Regional Court in {city}"),
    "IT": (
        "the Court of Cassation",
        "the Regional Administrative Court of Lazio",
        "the Court of Appeal of {city}",
    ),
    "FR": ("the Council of State", "the Administrative Court of {city}", "the Court of Cassation"),
    "RU": (
        "the Supreme Court of the Russian Federation",
        "the {city} City Court",
        "a district court in {city}",
    ),
    "KZ": (
        "a district court in {city}",
        "the Supreme Court of Kazakhstan",
        "the {city} City Court",
    ),
    "KG": ("a district court in {city}", "the Supreme Court of Kyrgyzstan"),
    "UA": (
        "the Prosecutor General's Office",
        "a district court in {city}",
        "the Kyiv Court of Appeal",
    ),
}
ASSURANCE_FORMS = (
    "a diplomatic note",
    "a note verbale",
    "a letter signed by the deputy prosecutor general",
    "an exchange of letters",
    "a memorandum of understanding",
    "oral assurances conveyed by the embassy",
    "a two-page letter from the Prosecutor General's Office",
    "a written guarantee",
)
TOPICS = (
    "Torture",
    "Counterterrorism",
    "Refugees and Migrants",
    "Non-refoulement",
    "Detention",
    "Fair Trials",
    "Extradition",
    "Death Penalty",
    "International Justice",
    "Rendition",
)


@dataclass
class Publisher:
    name: str
    abbr: str
    kind: str  # "ngo" | "body" | "news" | "court"
    city: str
    style: str  # "web_flat" | "web_md" | "clean" | "pdf"
    us_dates: bool
    domain: str = ""
    staff: list[tuple[Person, str]] = field(default_factory=list)


NGO_NAMES = (
    "Refoulement Watch Network",
    "Caspian Rights Monitor",
    "Committee for Returnees' Rights",
    "Observatory on Forced Returns",
    "Northern Asylum Law Centre",
    "Steppe Justice Initiative",
    "Mediterranean Detention Observatory",
    "Coalition against Torture Transfers",
    "Open Courts Monitor",
    "Nonrefoulement Advocacy Project",
    "Association for the Protection of Deportees",
    "Centre for Transfer Accountability",
    "International Returns Monitoring Group",
    "Asylum Defence Collective",
    "Ferghana Valley Rights Group",
    "Maghreb Detainees Support Committee",
    "Network for Safe Returns",
    "Dignity in Detention Project",
    "Transnational Justice Forum",
    "Eastern Rights Bureau",
    "Rendition Research Unit",
    "Campaign for Refugee Protection",
    "Friends of the Detained",
    "Solidarity with Returnees Association",
    "Kestrel Human Rights Trust",
    "Amberlight Legal Aid",
    "Bridgewater Institute for Human Rights",
    "Tamil Returnees Watch",
    "Horn of Africa Asylum Network",
    "Civic Assistance for Exiles",
    "Legal Initiative for Migrants at Risk",
    "Silk Road Rights Collective",
    "Lantern Human Rights Foundation",
)
NEWS_NAMES = (
    "The Meridian Post",
    "Continental Wire",
    "Eurasia Daily Bulletin",
    "The Northern Courier",
    "Regional News Service",
    "The Harbour Times",
    "Global Affairs Desk",
    "Steppe Herald",
    "The Evening Ledger",
    "Frontier Report",
)
STAFF_ROLES = (
    "executive director",
    "director of the Europe and Central Asia programme",
    "senior legal adviser",
    "head of advocacy",
    "counterterrorism researcher",
    "refugee rights director",
    "legal director",
    "senior researcher",
    "programme officer for Central Asia",
    "director of the Middle East programme",
    "litigation counsel",
    "advocacy director",
)
WEB_HQ = (
    "London",
    "Geneva",
    "Brussels",
    "New York",
    "Berlin",
    "Amsterdam",
    "Vienna",
    "Oslo",
    "Paris",
    "Stockholm",
    "Washington",
    "Bishkek",
    "Toronto",
)


def initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("'", "").split() if w[0].isupper()).lower()


def build_publishers(rng: random.Random, bank: NameBank) -> list[Publisher]:
    pubs = []
    styles = ("web_flat", "web_md", "clean", "pdf")
    for name in NGO_NAMES:
        style = rng.choices(styles, weights=(4, 3, 3, 2))[0]
        p = Publisher(
            name,
            initials(name),
            "ngo",
            rng.choice(WEB_HQ),
            style,
            rng.random() < 0.4,
            domain=slug(name, 40) + ".example",
        )
        for _ in range(rng.randint(2, 4)):
            person = bank.person("western", "", rng.random() < 0.5, rng.randint(1955, 1985))
            p.staff.append((person, rng.choice(STAFF_ROLES)))
        pubs.append(p)
    for name in NEWS_NAMES:
        style = rng.choice(("web_flat", "web_md", "clean"))
        p = Publisher(
            name,
            initials(name.replace("The ", "")),
            "news",
            rng.choice(WEB_HQ),
            style,
            rng.random() < 0.5,
            domain=slug(name, 40) + ".example",
        )
        for _ in range(3):
            person = bank.person("western", "", rng.random() < 0.5, rng.randint(1960, 1990))
            p.staff.append((person, "correspondent"))
        pubs.append(p)
    return pubs


# --------------------------------------------------------------------------------------------
# Cases: a timeline of events for one person or group
# --------------------------------------------------------------------------------------------


@dataclass
class Case:
    cid: int
    people: list[Person]  # named people; people[0] is the one the narrative follows
    group_size: int
    R: State
    S: State
    T: State | None
    transfer_kind: str
    charge: str
    fled_year: int
    arrest: date
    asylum: date | None
    request: date
    assurance_req: date
    assurance: date
    giver: str
    recipient: str
    against: list[str]
    form: str
    guarantees: list[str]
    court: str
    court_date: date
    court_blocks: bool
    appeal_court: str | None
    appeal_date: date | None
    body: str | None
    complaint: date | None
    interim: bool
    decision: date | None
    violation: bool
    articles: list[str]
    ref: str
    transferred: bool
    transfer: date | None
    agency: str
    incommunicado_weeks: int
    tortured: bool
    methods: list[str]
    facility: str
    consular: date | None
    trial: date | None
    sentence: int
    released: date | None
    disappeared: bool
    relative: str
    lawyer: Person
    ngos: list[Publisher]
    docs: list[DocPlan] = field(default_factory=list)

    @property
    def p(self) -> Person:
        return self.people[0]

    @property
    def noun(self) -> str:
        return TRANSFER_KINDS[self.transfer_kind][0]

    @property
    def pp(self) -> str:
        return TRANSFER_KINDS[self.transfer_kind][1]

    @property
    def verb(self) -> str:
        return TRANSFER_KINDS[self.transfer_kind][2]


def rand_date(rng: random.Random, start: date, lo: int, hi: int) -> date:
    return start + timedelta(days=rng.randint(lo, hi))


def weighted_state(
    rng: random.Random, attr: str, exclude: tuple[str, ...] = (), factor=None
) -> State:
    pool = [s for s in STATES if getattr(s, attr) > 0 and s.key not in exclude]
    weights = [getattr(s, attr) * (factor(s) if factor else 1.0) for s in pool]
    return rng.choices(pool, weights=weights)[0]


def make_case(
    rng: random.Random, cid: int, bank: NameBank, ngos: list[Publisher], ngo_weights: list[float]
) -> Case:
    R = weighted_state(rng, "recv")

    def send_factor(s: State) -> float:
        if s.key in CIS and R.key not in CIS and R.key != "CN":
            return 0.03
        if s.key in ("KZ", "KG") and R.key in ("UZ", "TJ", "TM", "CN"):
            return 3.0
        if s.key == "RU" and R.key in ("UZ", "TJ", "TM", "AZ", "BY"):
            return 3.0
        if s.key in ("TH", "MY") and R.key not in ("CN", "UZ"):
            return 0.05
        return 1.0

    S = weighted_state(rng, "send", exclude=(R.key,), factor=send_factor)
    T = None
    if rng.random() < 0.22:
        T = weighted_state(rng, "transit", exclude=(R.key, S.key))
    if S.key == "US":
        kinds = ("rendition", "removal", "deportation")
        kw = (3, 4, 3)
    elif S.key in CIS or S.key in ("TR", "AE", "TH", "MY", "PK", "JO", "LB"):
        kinds = ("extradition", "deportation", "forcible return")
        kw = (6, 2, 2)
    elif S.key == "GB":
        kinds = ("deportation", "extradition")
        kw = (7, 3)
    else:
        kinds = ("extradition", "deportation", "expulsion", "removal")
        kw = (4, 3, 2, 1)
    tkind = rng.choices(kinds, weights=kw)[0]

    year = rng.choices(
        range(2001, 2018), weights=[3, 5, 7, 8, 8, 8, 7, 7, 6, 5, 5, 4, 4, 3, 3, 2, 2]
    )[0]
    arrest = date(year, rng.randint(1, 12), rng.randint(1, 28))
    age = rng.randint(19, 58)
    birth = year - age
    group = 1
    if rng.random() < 0.14:
        group = rng.choice((3, 4, 5, 5, 6, 7, 8, 9, 11, 12, 14))
    named = 1 if group == 1 else min(group, rng.randint(2, 4))
    people = []
    for i in range(named):
        female = rng.random() < (0.12 if group == 1 else 0.05)
        by = birth if i == 0 else rng.randint(year - 55, year - 19)
        person = bank.person(R.region, R.key, female, by)
        person.occupation = rng.choice(OCCUPATIONS)
        person.city = rng.choice(R.cities)
        people.append(person)
    lawyer_region = S.region if S.region in NAMES else "western"
    lawyer = bank.person(lawyer_region, S.key, rng.random() < 0.45, rng.randint(1950, 1985))

    fled = year - rng.randint(0, 8)
    asylum = rand_date(rng, date(max(fled, 2000), 1, 1), 30, 360) if rng.random() < 0.55 else None
    if asylum and asylum >= arrest:
        asylum = arrest - timedelta(days=rng.randint(60, 500))
    request = rand_date(rng, arrest, -40, 30)
    assurance_req = rand_date(rng, arrest, 20, 140)
    assurance = rand_date(rng, assurance_req, 7, 90)
    giver = rng.choice(
        (
            f"the Prosecutor General's Office of {R.forms[0]}",
            f"the {R.adjs[0]} Ministry of Foreign Affairs",
            f"the {R.adjs[0]} embassy in {S.cities[0]}",
            f"the {R.adjs[0]} Ministry of Justice",
            f"the {R.adjs[0]} Interior Minister",
            f"the {R.adjs[0]} government",
        )
    )
    if S.key == "US":
        recipient = rng.choice(
            (
                "the State Department",
                "the Department of Homeland Security",
                "US officials",
                "the US embassy in " + R.cities[0],
            )
        )
    elif S.key == "GB":
        recipient = rng.choice(("the Foreign Office", "the Home Office", "British officials"))
    else:
        recipient = rng.choice(
            (
                f"the {S.adjs[0]} Ministry of Justice",
                f"the {S.adjs[0]} Foreign Ministry",
                f"the {S.adjs[0]} government",
                f"the {S.adjs[0]} authorities",
                f"the {S.adjs[0]} Prosecutor General's Office",
            )
        )
    against = ["torture"]
    if R.death_penalty and rng.random() < 0.55:
        against.append("the death penalty")
    if rng.random() < 0.45:
        against.append("an unfair trial")
    rng.shuffle(against)
    guarantees = rng.sample(
        (
            "access to a lawyer of his choice",
            "regular consular visits",
            "visits by embassy staff",
            "visits from his family",
            "medical examinations by an independent doctor",
            "a public trial",
            "humane conditions of detention",
            "the right to leave the country after serving any sentence",
        ),
        rng.randint(1, 3),
    )
    ordinal = ORDINALS[rng.randint(1, 11)]
    court_tmpl = rng.choice(
        NATIONAL_COURTS.get(
            S.key,
            (
                "the Supreme Court of {state}",
                "a district court in {city}",
                "the national appeals court",
            ),
        )
    )
    court = court_tmpl.format(city=rng.choice(S.cities), ordinal=ordinal, state=S.forms[0])
    court_date = rand_date(rng, assurance, 5, 150)
    court_blocks = rng.random() < 0.15
    appeal_court = appeal_date = None
    if rng.random() < 0.5:
        choices = [
            c
            for c in NATIONAL_COURTS.get(S.key, ("the Supreme Court of {state}",))
            if c != court_tmpl
        ]
        appeal_court = (rng.choice(choices) if choices else "the Supreme Court of {state}").format(
            city=rng.choice(S.cities), ordinal=ordinal, state=S.forms[0]
        )
        appeal_date = rand_date(rng, court_date, 30, 200)
    last_domestic = appeal_date or court_date

    bodies = []
    if S.coe and S.key not in ("PL", "RO", "LT"):
        bodies += ["ECHR"] * 5
    bodies += list(S.bodies)
    body = rng.choice(bodies) if bodies and rng.random() < 0.6 else None
    complaint = rand_date(rng, last_domestic, -20, 40) if body else None
    interim = bool(body) and rng.random() < 0.7
    transferred = rng.random() < 0.82 and not court_blocks
    transfer = None
    if transferred:
        transfer = rand_date(rng, last_domestic, 2, 70)
    decision = None
    if body:
        decision = rand_date(rng, complaint, 300, 1300)
    violation = rng.random() < 0.86
    articles: list[str] = []
    if body:
        b = BODIES[body]
        articles.append(b["core"])
        if (
            transferred
            and interim
            and transfer
            and decision
            and transfer < decision
            and rng.random() < 0.8
        ):
            articles.append(b["interim"])
        if rng.random() < 0.35:
            extra = rng.choice(b["extra"])
            if extra not in articles:
                articles.append(extra)
        if (
            body == "HRC"
            and R.death_penalty
            and "the death penalty" in against
            and rng.random() < 0.5
        ):
            articles.insert(1, "article 6")
    if body == "ECHR":
        ref = f"Application no. {rng.randint(1000, 79999)}/{(complaint.year % 100):02d}"
    elif body:
        ref = f"Communication No. {rng.randint(180, 2999)}/{complaint.year}"
    else:
        ref = ""

    tortured = transferred and rng.random() < 0.7
    methods = rng.sample(METHODS, rng.randint(2, 4)) if tortured else []
    facility = rng.choice(
        (
            "a pre-trial detention centre in {c}",
            "the {c} investigative isolation facility",
            "a police station on the outskirts of {c}",
            "the basement of the security service building in {c}",
            "an undisclosed location",
            "a prison colony near {c}",
            "a temporary holding facility in {c}",
        )
    ).format(c=rng.choice(R.cities))
    consular = rand_date(rng, transfer, 20, 240) if transferred and rng.random() < 0.45 else None
    trial = rand_date(rng, transfer, 60, 360) if transferred and rng.random() < 0.65 else None
    sentence = rng.choice((3, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 18, 20)) if trial else 0
    released = None
    if transferred and rng.random() < 0.35:
        released = rand_date(rng, trial or transfer, 80, 900)
    disappeared = transferred and not trial and not released and rng.random() < 0.5
    relative = rng.choice(RELATIVES_F if people[0].female else RELATIVES_M)
    k = rng.randint(1, 2)
    case_ngos = [
        ngos[i] for i in sorted(set(rng.choices(range(len(ngos)), weights=ngo_weights, k=k)))
    ]
    return Case(
        cid,
        people,
        group,
        R,
        S,
        T,
        tkind,
        rng.choice(CHARGES),
        fled,
        arrest,
        asylum,
        request,
        assurance_req,
        assurance,
        giver,
        recipient,
        against,
        rng.choice(ASSURANCE_FORMS),
        guarantees,
        court,
        court_date,
        court_blocks,
        appeal_court,
        appeal_date,
        body,
        complaint,
        interim,
        decision,
        violation,
        articles,
        ref,
        transferred,
        transfer,
        rng.choice(R.agencies),
        rng.randint(1, 16),
        tortured,
        methods,
        facility,
        consular,
        trial,
        sentence,
        released,
        disappeared,
        relative,
        lawyer,
        case_ngos,
    )


@dataclass
class DocPlan:
    case: Case | None
    stage: str  # pre | post | decision | court | late | thematic
    kind: str
    publisher: Publisher
    when: date
    cases: list[Case] = field(default_factory=list)  # for thematic reports
    prior: list[DocPlan] = field(default_factory=list)
    month_only: bool = False
    title: str = ""


# --------------------------------------------------------------------------------------------
# The writer: phrasing helpers that keep track of what a document has already said
# --------------------------------------------------------------------------------------------


class Writer:
    def __init__(self, rng: random.Random, plan: DocPlan) -> None:
        self.rng = rng
        self.plan = plan
        self.us = plan.publisher.us_dates
        self.now = plan.when
        self.mentioned: dict[int, int] = {}
        self.state_seen: dict[str, int] = {}
        self.last: date | None = None
        self.use_titles = rng.random() < 0.6

    def pick(self, options):
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def known(self, d: date | None) -> bool:
        return d is not None and d <= self.now

    # people --------------------------------------------------------------------------------
    def name(self, p: Person) -> str:
        n = self.mentioned.get(p.pid, 0)
        self.mentioned[p.pid] = n + 1
        if n == 0:
            return p.full
        r = self.rng.random()
        if r < 0.12:
            return p.full
        if self.use_titles:
            return f"{p.title} {p.family}"
        return p.family

    def subj(self, p: Person) -> str:
        """A name or a pronoun for sentence-initial subject position (never a pronoun first)."""
        if self.mentioned.get(p.pid, 0) and self.chance(0.35):
            return cap(p.pron("he"))
        return self.name(p)

    def nat(self, p: Person, with_age: bool = True) -> str:
        s = STATE[p.nationality]
        age = self.now.year - p.birth_year
        an = "an" if s.demonym[0] in "AEIOU" else "a"
        options = [
            f"{an} {s.demonym} national",
            f"a citizen of {self.state(s)}",
            f"{an} {s.demonym} citizen",
        ]
        if with_age and self.chance(0.45):
            options = [
                f"a {age}-year-old {s.demonym} national",
                f"{an} {s.demonym} national aged {age}",
                f"{an} {s.demonym} {'woman' if p.female else 'man'} aged {age}",
            ]
        return self.pick(options)

    # states --------------------------------------------------------------------------------
    def state(self, s: State, start: bool = False) -> str:
        seen = self.state_seen.get(s.key, 0)
        self.state_seen[s.key] = seen + 1
        forms = s.forms
        weights = [6] + [2] * (len(forms) - 1)
        if seen == 0 and len(forms) > 1 and self.chance(0.25):
            form = forms[1]
        else:
            form = self.rng.choices(forms, weights=weights)[0]
        return cap(form) if start else form

    def adj(self, s: State) -> str:
        return self.pick(s.adjs)

    # dates ---------------------------------------------------------------------------------
    def day(self, d: date) -> str:
        if self.us:
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def when(self, d: date, allow_relative: bool = True) -> str:
        """An adverbial of time at a mixed precision: 'on 3 May 2004', 'in May 2004', 'in 2004',
        'two weeks later'."""
        prev, self.last = self.last, d
        if allow_relative and prev and prev < d and self.chance(0.45):
            gap = (d - prev).days
            rel = None
            if gap == 1:
                rel = self.pick(("the next day", "a day later", "the following day"))
            elif gap < 7:
                rel = f"{words(gap)} days later"
            elif gap < 11:
                rel = self.pick(("a week later", "about a week later"))
            elif gap < 25:
                rel = f"{words(round(gap / 7))} weeks later"
            elif gap < 45:
                rel = self.pick(
                    ("a month later", "some weeks later", "the following month")
                    if d.month != prev.month
                    else ("some weeks later", "three weeks later")
                )
            elif gap < 80:
                rel = self.pick(("two months later", "some two months later"))
            if rel:
                return rel
        r = self.rng.random()
        if r < 0.55:
            return f"on {self.day(d)}"
        if r < 0.88:
            return f"in {MONTHS[d.month - 1]} {d.year}"
        if r < 0.95:
            return self.pick(
                (
                    f"in early {MONTHS[d.month - 1]} {d.year}"
                    if d.day < 11
                    else f"in late {MONTHS[d.month - 1]} {d.year}"
                    if d.day > 20
                    else f"in mid-{MONTHS[d.month - 1]} {d.year}",
                )
            )
        return f"in {d.year}"

    def date_np(self, d: date) -> str:
        """A date as a noun phrase ('its decision of 4 May 2006')."""
        self.last = d
        return self.day(d) if self.chance(0.75) else f"{MONTHS[d.month - 1]} {d.year}"

    def body_name(self, body: str, first: bool = False) -> str:
        names = BODIES[body]["names"]
        return names[0] if first else self.pick(names[:3])

    def treaty(self, body: str) -> str:
        return self.pick(BODIES[body]["treaty"])

    def articles(self, c: Case) -> str:
        arts = c.articles
        treaty = self.treaty(c.body)
        if len(arts) == 1:
            return f"{arts[0]} of {treaty}"
        return f"{join_list(arts)} of {treaty}"

    def org(self, pub: Publisher) -> str:
        if len(pub.abbr) >= 3 and self.chance(0.3) and pub.kind == "ngo":
            return pub.abbr.upper()
        return pub.name if not pub.name.startswith("The ") else pub.name


# --------------------------------------------------------------------------------------------
# Sentence templates. Each takes (writer, case) and returns one sentence with its own variation.
# --------------------------------------------------------------------------------------------

TEMPLATES: dict[str, object] = {}


def template(fn):
    TEMPLATES[fn.__name__] = fn
    return fn


@template
def t_intro_concern(w: Writer, c: Case) -> str:
    v = w.pick(
        (
            "is deeply concerned about",
            "is alarmed by",
            "has expressed grave concern over",
            "strongly opposes",
            "today condemned",
        )
    )
    adj = w.pick(("imminent", "planned", "proposed", "threatened", "pending"))
    return (
        f"{w.org(w.plan.publisher)} {v} the {adj} {c.noun} of {w.name(c.p)}, {w.nat(c.p)}, "
        f"from {w.state(c.S)} to {w.state(c.R)}."
    )


@template
def t_intro_letter(w: Writer, c: Case) -> str:
    lead = w.pick(("We are writing", "We write", "I am writing on behalf of our organisation"))
    aim = w.pick(
        (
            f"to urge you not to {c.verb}",
            f"to express our concern at the decision to {c.verb}",
            f"to ask that you halt the steps being taken to {c.verb}",
        )
    )
    return (
        f"{lead} {aim} {w.name(c.p)}, {w.nat(c.p)}, to {w.state(c.R)} on the strength of "
        f"{w.pick(('diplomatic assurances', 'so-called diplomatic assurances', 'assurances of humane treatment'))}."
    )


@template
def t_intro_news(w: Writer, c: Case) -> str:
    verb = w.pick(("have detained", "are holding", "have charged"))
    return (
        f"{w.adj(c.R)} authorities {verb} {w.name(c.p)}, {w.nat(c.p, False)} whom {w.state(c.S)} "
        f"{c.pp} {w.when(c.transfer, False)} despite warnings that he would face torture, "
        f"{w.pick(('according to relatives and lawyers', 'his family said', 'rights groups said on ' + w.pick(MONTHS[:7]) + 'day'.replace('day', '')))}.".replace(
            "he would", c.p.pron("he") + " would"
        ).replace("rights groups said on ", "rights groups said")
    )


@template
def t_profile(w: Writer, c: Case) -> str:
    p = c.p
    s = w.subj(p)
    job = p.occupation
    if w.chance(0.5):
        return f"{s}, who had worked as {job} in {p.city}, left {w.state(c.R)} in {c.fled_year}."
    return (
        f"Before leaving {w.state(c.R)} in {c.fled_year}, {w.name(p) if s[0].islower() or s in ('He', 'She') else s} "
        f"worked as {job} in {p.city}."
    )


@template
def t_born(w: Writer, c: Case) -> str:
    p = c.p
    return w.pick(
        (
            f"{w.subj(p)} was born in {p.city} in {p.birth_year}.",
            f"Born in {p.birth_year} in {p.city}, {w.name(p)} is {w.nat(p, False)}.",
            f"{w.name(p)} (born {p.birth_year}) comes from {p.city} in {w.state(c.R)}.",
        )
    )


@template
def t_asylum(w: Writer, c: Case) -> str:
    p = c.p
    if w.chance(0.5):
        return (
            f"{w.subj(p)} applied for asylum in {w.state(c.S)} {w.when(c.asylum)}, "
            f"{w.pick(('but the application was rejected', 'and the claim was still pending when he was arrested', 'but his claim was refused and he was ordered removed'))}.".replace(
                " he was", f" {p.pron('he')} was"
            ).replace(" his claim", f" {p.pron('his')} claim")
        )
    return (
        f"{cap(w.when(c.asylum))}, {w.name(p)} lodged an asylum claim with the {w.adj(c.S)} authorities, "
        f"citing {w.pick(('previous detention and beatings', 'the arrest of relatives', 'persecution for ' + p.pron('his') + ' religious beliefs', 'threats from the security services'))}."
    )


@template
def t_arrest(w: Writer, c: Case) -> str:
    p = c.p
    where = w.pick(S_PLACES).format(city=w.pick(c.S.cities))
    if w.chance(0.5):
        return f"{w.subj(p)} was arrested {where} {w.when(c.arrest)} {w.pick(('at the request of', 'on a warrant issued by', 'following a request from'))} {w.state(c.R)}."
    return (
        f"{cap(w.when(c.arrest))}, {w.pick(('police', 'plain-clothes officers', 'migration police', 'officers of the ' + w.adj(c.S) + ' security service'))} "
        f"detained {w.name(p)} {where}."
    )


S_PLACES = (
    "in {city}",
    "at his home in {city}",
    "at a checkpoint near {city}",
    "at the airport in {city}",
    "outside a mosque in {city}",
    "in a street in {city}",
    "at a migration office in {city}",
)


@template
def t_request(w: Writer, c: Case) -> str:
    p = c.p
    if w.chance(0.5):
        return (
            f"{w.state(c.R, True)} {w.pick(('requested', 'sought', 'formally requested'))} "
            f"{p.pron('his')} {c.noun} {w.when(c.request)} on charges of {c.charge}."
        )
    return (
        f"The {w.adj(c.R)} authorities accuse {w.name(p)} of {c.charge}, "
        f"{w.pick(('charges he denies', 'an allegation his lawyers describe as fabricated', 'charges which rights groups say are politically motivated'))}.".replace(
            " he denies", f" {p.pron('he')} denies"
        )
    )


@template
def t_charges_context(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"Charges of {c.charge} are routinely brought in {w.state(c.R)} against people whose only offence is peaceful religious practice or criticism of the government.",
            f"Those charged with {c.charge} in {w.state(c.R)} are, in our experience, at particular risk of torture in pre-trial detention.",
            f"Human rights groups have documented dozens of cases in which people accused of {c.charge} were tortured to extract confessions.",
        )
    )


@template
def t_assurance_sought(w: Writer, c: Case) -> str:
    against = join_list([a if a != "an unfair trial" else "an unfair trial" for a in c.against])
    if w.chance(0.5):
        return (
            f"{cap(w.when(c.assurance_req))}, {c.recipient} {w.pick(('sought', 'requested', 'asked for'))} "
            f"{w.pick(('diplomatic assurances', 'assurances', 'guarantees'))} from {w.state(c.R)} that "
            f"{w.name(c.p)} would not be subjected to {against.replace('an unfair trial', 'an unfair trial')}."
        )
    return (
        f"{w.pick(('Assurances', 'Diplomatic assurances', 'Guarantees'))} against {against} were "
        f"{w.pick(('sought', 'requested'))} from the {w.adj(c.R)} government by {c.recipient} {w.when(c.assurance_req)}."
    )


@template
def t_assurance_given(w: Writer, c: Case) -> str:
    p = c.p
    promise = w.pick(AGAINST_PROMISE[w.pick(c.against)]).format(
        his=p.pron("his"), he=p.pron("he"), him=p.pron("him")
    )
    if w.chance(0.5):
        return f"{cap(w.when(c.assurance))}, {c.giver} gave {c.recipient} {c.form} stating that {promise}."
    return (
        f"In {c.form} {w.pick(('dated', 'sent on', 'received on'))} {w.date_np(c.assurance)}, "
        f"{c.giver} {w.pick(('promised', 'undertook', 'assured ' + c.recipient))} that {promise}."
    )


AGAINST_PROMISE = {
    "torture": (
        "{he} would not be tortured or ill-treated",
        "{he} would be treated humanely",
        "{he} would not be subjected to torture or other cruel, inhuman or degrading treatment",
        "{his} rights would be respected in accordance with the Convention against Torture",
    ),
    "the death penalty": (
        "the death penalty would not be sought",
        "{he} would not be sentenced to death",
        "no death sentence would be imposed or carried out",
    ),
    "an unfair trial": (
        "{he} would receive a fair trial",
        "{his} trial would meet international standards",
        "{he} would be tried by an ordinary court with full procedural guarantees",
    ),
}


@template
def t_assurance_guarantees(w: Writer, c: Case) -> str:
    g = [x.replace(" his ", f" {c.p.pron('his')} ") for x in c.guarantees]
    return w.pick(
        (
            f"The {w.pick(('assurances', 'guarantees', 'note'))} also promised {join_list(g)}.",
            f"Among other things, the {w.adj(c.R)} side undertook to provide {join_list(g)}.",
            f"The document referred in general terms to {join_list(g)}, but set out no way of verifying compliance.",
        )
    )


@template
def t_assurance_critique(w: Writer, c: Case) -> str:
    r = w.state(c.R)
    return w.pick(
        (
            f"Assurances from a government that {w.pick(('systematically', 'routinely', 'habitually'))} tortures detainees are inherently unreliable and cannot be enforced.",
            f"A promise of humane treatment for one person carries little weight when the same government denies that torture happens at all in {r}.",
            f"Such guarantees are, in practice, unenforceable: no court can hear a complaint that they were broken, and neither {r} nor {w.state(c.S)} has any interest in admitting a breach.",
            f"The very need to ask {r} for assurances shows that the {w.adj(c.S)} authorities recognise the risk of torture.",
            f"Diplomatic assurances are not an effective safeguard against torture, and relying on them does not relieve {w.state(c.S)} of its obligations.",
        )
    )


@template
def t_monitoring(w: Writer, c: Case) -> str:
    return w.pick(
        (
            "No independent monitoring mechanism was put in place, and no one was given unhindered access to the detainee after the transfer.",
            f"The {w.adj(c.S)} embassy has neither the expertise nor the access needed to detect torture, which is typically inflicted in ways that leave few marks.",
            "Post-return monitoring by diplomats, where it happens at all, consists of short visits announced in advance and held in the presence of guards.",
            f"Detainees in {w.state(c.R)} rarely report abuse to visiting officials for fear of reprisals against themselves or their families.",
        )
    )


@template
def t_court(w: Writer, c: Case) -> str:
    p = c.p
    when = w.when(c.court_date)
    if c.court_blocks:
        return w.pick(
            (
                f"{cap(when)}, {c.court} blocked the {c.noun}, finding that the assurances did not remove the real risk of torture.",
                f"{cap(c.court)} ruled {when} that {w.name(p)} could not lawfully be sent to {w.state(c.R)}, whatever guarantees had been given.",
            )
        )
    return w.pick(
        (
            f"{cap(when)}, {c.court} {w.pick(('approved', 'upheld', 'cleared the way for'))} the {c.noun}, relying on the assurances.",
            f"{cap(c.court)} ruled {when} that the {c.noun} could proceed, accepting the {w.adj(c.R)} guarantees at face value.",
            f"In a decision {w.pick(('handed down', 'issued', 'delivered'))} {when}, {c.court} held that the assurances were sufficient to reduce the risk to {w.name(p)} below the legal threshold.",
        )
    )


@template
def t_appeal(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"An appeal to {c.appeal_court} was dismissed {w.when(c.appeal_date)}.",
            f"{cap(w.when(c.appeal_date))}, {c.appeal_court} rejected {w.name(c.p)}'s appeal.",
            f"{cap(c.appeal_court)} refused leave to appeal {w.when(c.appeal_date)}, exhausting domestic remedies.",
        )
    )


@template
def t_complaint(w: Writer, c: Case) -> str:
    body = w.body_name(c.body, True)
    lawyer = w.name(c.lawyer)
    return w.pick(
        (
            f"{cap(w.when(c.complaint))}, {p_lawyer(w, c)} {lawyer} lodged a complaint with {body}.",
            f"{w.name(c.p)}'s lawyer, {lawyer}, {w.pick(('brought the case before', 'submitted a complaint to', 'petitioned'))} {body} {w.when(c.complaint)}.",
            f"A complaint was filed on {w.name(c.p)}'s behalf with {body} {w.when(c.complaint)} by {lawyer}.",
        )
    )


def p_lawyer(w: Writer, c: Case) -> str:
    return (
        w.pick(
            ("his lawyer", "his counsel", "the lawyer representing him", "his legal representative")
        )
        .replace("his", c.p.pron("his"))
        .replace("him", c.p.pron("him"))
    )


@template
def t_interim(w: Writer, c: Case) -> str:
    body = w.body_name(c.body)
    s = w.state(c.S)
    ignored = (
        c.transferred
        and c.transfer
        and c.complaint
        and c.transfer > c.complaint
        and w.known(c.transfer)
    )
    if ignored:
        return w.pick(
            (
                f"Although {body} had asked {s} not to transfer {w.name(c.p)} while it examined the case, the {w.adj(c.S)} authorities went ahead.",
                f"{cap(s)} ignored a request for interim measures from {body} asking it to suspend the {c.noun}.",
            )
        )
    return w.pick(
        (
            f"{cap(body)} asked {s} not to {c.verb} {w.name(c.p)} while the complaint was under consideration.",
            f"Under a request for interim measures, {s} was asked to refrain from the {c.noun} pending a decision.",
        )
    )


@template
def t_transfer(w: Writer, c: Case) -> str:
    p = c.p
    r = w.state(c.R)
    when = w.when(c.transfer)
    if w.chance(0.5):
        return f"{w.subj(p)} was {c.pp} from {w.state(c.S)} to {r} {when}."
    if w.chance(0.5):
        return f"{cap(when)}, the {w.adj(c.S)} authorities {c.pp.replace('secretly transferred', 'secretly flew')} {w.name(p)} to {r}."
    return f"{w.state(c.S, True)} {c.pp.replace('secretly transferred', 'handed over')} {w.name(p)} to {r} {when}{', ' + w.pick(('in the early hours', 'on a chartered flight', 'without informing his lawyers')).replace('his', p.pron('his')) if w.chance(0.5) else ''}."


@template
def t_transit(w: Writer, c: Case) -> str:
    t = w.state(c.T)
    return w.pick(
        (
            f"{w.subj(c.p)} was flown to {w.state(c.R)} via {t}, where {c.p.pron('he')} was held for {w.pick(('several days', 'about two weeks', 'a night', 'more than a month'))}.",
            f"The route of the transfer passed through {t}, {w.pick(('a stop the authorities never acknowledged', 'according to flight records', 'where the aircraft refuelled'))}.",
            f"Before reaching {w.state(c.R)}, {w.name(c.p)} was {w.pick(('handed to', 'questioned by'))} officials in {t}.",
        )
    )


@template
def t_secret(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"The {c.noun} took place before {w.name(c.p)}'s lawyers could file an appeal.",
            f"{w.name(c.p)}'s family learned of the {c.noun} only {w.pick(('days', 'weeks'))} later.",
            f"Neither {c.p.pron('his')} lawyer nor the UN refugee agency was told of the {c.noun} in advance.",
        )
    )


@template
def t_detention(w: Writer, c: Case) -> str:
    wk = c.incommunicado_weeks
    span = f"{words(wk)} week{'s' if wk > 1 else ''}" if wk < 21 else f"{wk} weeks"
    return w.pick(
        (
            f"On arrival {w.name(c.p)} was taken into custody by {c.agency} and held incommunicado for {span}.",
            f"{cap(c.agency)} detained {w.name(c.p)} at the airport; {c.p.pron('his')} family did not know where {c.p.pron('he')} was for {span}.",
            f"{w.subj(c.p)} was held in {c.facility} without access to a lawyer for {span}.",
        )
    )


@template
def t_torture(w: Writer, c: Case) -> str:
    ms = [m.format(his=c.p.pron("his")) for m in c.methods]
    return w.pick(
        (
            f"During interrogation {w.name(c.p)} was {join_list(ms)}.",
            f"{w.subj(c.p)} says {c.p.pron('he')} was {join_list(ms)} in {c.facility}.",
            f"According to {c.p.pron('his')} {c.relative}, {w.name(c.p)} was {join_list(ms)} by officers of {c.agency}.",
            f"{cap(c.agency)} officers {w.pick(('repeatedly', 'over several weeks', 'during nightly interrogations'))} tortured {w.name(c.p)}: {c.p.pron('he')} was {join_list(ms)}.",
        )
    )


@template
def t_testimony(w: Writer, c: Case) -> str:
    quote = w.pick(
        (
            "They told me the promises to the foreigners meant nothing here",
            "Every night they came for me and asked the same questions",
            "I signed whatever they put in front of me so that the beatings would stop",
            "They said nobody would ever know what happened to me",
            "The visitors from the embassy came once, and the guards stood next to us the whole time",
            "I was afraid to say anything, because they knew where my family lived",
        )
    )
    who = w.pick(
        (
            f"{w.name(c.p)} later told {w.org(w.plan.publisher)}",
            f"{c.p.pron('he')} said in a statement smuggled out of prison",
            f"{c.p.pron('he')} told {c.p.pron('his')} lawyer",
            f"{w.name(c.p)} recalled",
        )
    )
    return f"\u201c{quote},\u201d {who}."


@template
def t_family(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"{cap(c.p.pron('his'))} {c.relative}, who visited {c.p.pron('him')} {w.pick(('once', 'twice', 'briefly'))}, said {c.p.pron('he')} had lost a great deal of weight and had bruises on {c.p.pron('his')} face.",
            f"{cap(c.p.pron('his'))} {c.relative} has been summoned repeatedly for questioning and warned not to speak to foreign organisations.",
            f"Relatives say they were allowed to see {w.name(c.p)} only after {c.p.pron('he')} had signed a confession.",
        )
    )


@template
def t_medical(w: Writer, c: Case) -> str:
    return w.pick(
        (
            "A medical examination carried out months later found scarring consistent with the treatment described.",
            f"No independent doctor has been permitted to examine {w.name(c.p)}.",
            f"A prison doctor recorded injuries to {c.p.pron('his')} back and legs but attributed them to a fall.",
        )
    )


@template
def t_consular(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"{w.adj(c.S)} diplomats were allowed to visit {w.name(c.p)} only {w.when(c.consular)}, in the presence of guards.",
            f"{cap(w.when(c.consular))}, an official from the {w.adj(c.S)} embassy saw {w.name(c.p)} for {w.pick(('twenty minutes', 'less than half an hour', 'about an hour'))}.",
            f"The first monitoring visit took place {w.when(c.consular)}; {w.name(c.p)} reportedly said nothing about {c.p.pron('his')} treatment.",
        )
    )


@template
def t_trial(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"{w.subj(c.p)} was tried {w.when(c.trial)} on charges of {c.charge}.",
            f"{cap(w.when(c.trial))}, a court in {c.p.city} opened the trial of {w.name(c.p)}, {w.pick(('which was closed to the public', 'which lasted three days', 'which diplomats were not allowed to attend'))}.",
            f"The trial of {w.name(c.p)} began {w.when(c.trial)} behind closed doors.",
        )
    )


@template
def t_conviction(w: Writer, c: Case) -> str:
    yrs = f"{words(c.sentence)} years" if c.sentence <= 20 else f"{c.sentence} years"
    return w.pick(
        (
            f"{w.subj(c.p)} was convicted and sentenced to {yrs}' imprisonment.",
            f"The court sentenced {w.name(c.p)} to {yrs} in prison.",
            f"{w.name(c.p)} received a {c.sentence}-year prison sentence.",
        )
    )


@template
def t_confession(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"The conviction rested largely on a confession which {w.name(c.p)} says was extracted under torture.",
            f"The court refused to investigate {c.p.pron('his')} complaint that {c.p.pron('his')} confession had been obtained by force.",
            f"{w.subj(c.p)} retracted {c.p.pron('his')} confession at trial, but the judge admitted it as evidence.",
        )
    )


@template
def t_release(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"{w.subj(c.p)} was released {w.when(c.released)}.",
            f"{cap(w.when(c.released))}, {w.name(c.p)} was freed {w.pick(('under an amnesty', 'without explanation', 'after serving part of the sentence', 'on condition that ' + c.p.pron('he') + ' report weekly to the police'))}.",
            f"{w.name(c.p)} walked out of prison {w.when(c.released)} but remains under police surveillance.",
        )
    )


@template
def t_disappeared(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"{w.name(c.p)}'s whereabouts remain unknown.",
            f"The {w.adj(c.R)} authorities have refused to confirm where {w.name(c.p)} is being held.",
            f"Nothing has been heard from {w.name(c.p)} since the {c.noun}.",
        )
    )


@template
def t_conditions(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"{w.subj(c.p)} is now held in {c.facility}, where {w.pick(('cells are overcrowded', 'prisoners are denied medical care', 'beatings are reported to be routine'))}.",
            f"{w.name(c.p)} went on hunger strike in protest at {c.p.pron('his')} treatment.",
            f"Prison officials have restricted {w.name(c.p)}'s contact with {c.p.pron('his')} family to one short visit a year.",
        )
    )


@template
def t_decision_violation(w: Writer, c: Case) -> str:
    body = w.body_name(c.body)
    s = w.state(c.S)
    arts = w.articles(c)
    if not c.violation:
        return f"In its {w.pick(('decision', 'ruling'))} of {w.date_np(c.decision)}, {body} found no violation of {arts}, holding that the risk had not been substantiated."
    if c.transferred and w.known(c.transfer):
        return w.pick(
            (
                f"In its {w.pick(('decision', 'views', 'ruling'))} of {w.date_np(c.decision)}, {body} found that {s} had violated {arts}.",
                f"{cap(w.when(c.decision))}, {body} ruled that by {c.pp.replace('secretly transferred', 'transferring')} {w.name(c.p)}, {s} had breached {arts}.",
                f"{cap(body)} {w.pick(('held', 'concluded', 'found'))} {w.when(c.decision)} that the {c.noun} of {w.name(c.p)} violated {arts}.",
            )
        )
    return w.pick(
        (
            f"{cap(w.when(c.decision))}, {body} found that {c.p.pron('his')} {c.noun} to {w.state(c.R)} would violate {arts}.",
            f"In its {w.pick(('decision', 'judgment'))} of {w.date_np(c.decision)}, {body} held that sending {w.name(c.p)} to {w.state(c.R)} would breach {arts}.",
        )
    )


@template
def t_decision_reasoning(w: Writer, c: Case) -> str:
    body = w.body_name(c.body)
    return w.pick(
        (
            f"{cap(body)} observed that the assurances were couched in general terms and provided for no effective monitoring.",
            f"{cap(body)} recalled that diplomatic assurances cannot be used to avoid the absolute prohibition of refoulement where there are substantial grounds for believing that a person would be in danger of torture.",
            f"In the view of {body}, the existence of a consistent pattern of gross violations in {w.state(c.R)} was itself a serious indication of risk.",
            f"{cap(body)} noted that the state party had not shown how compliance with the guarantees would be verified in practice.",
        )
    )


@template
def t_decision_remedy(w: Writer, c: Case) -> str:
    s = w.state(c.S)
    return w.pick(
        (
            f"It requested {s} to provide {w.name(c.p)} with an effective remedy, including compensation, and to report within ninety days on the steps taken.",
            f"{cap(s)} was ordered to pay {w.pick(('EUR 15,000', 'EUR 30,000', 'EUR 12,500', 'EUR 20,000'))} in non-pecuniary damages.",
            f"{cap(s)} was asked to take steps to prevent similar violations in the future and to seek {w.name(c.p)}'s return.",
        )
    )


@template
def t_urge_sender(w: Writer, c: Case) -> str:
    org = w.org(w.plan.publisher)
    ask = w.pick(
        (
            f"not to {c.verb} {w.name(c.p)} and to stop relying on diplomatic assurances",
            f"to halt the {c.noun} of {w.name(c.p)} immediately",
            f"to give {w.name(c.p)} a fair opportunity to challenge the reliability of the assurances before an independent body",
            f"to publish the assurances obtained from {w.state(c.R)}",
            f"to seek {w.name(c.p)}'s release and return",
        )
    )
    return (
        f"{org} {w.pick(('urged', 'called on', 'appealed to'))} the {w.adj(c.S)} government {ask}."
    )


@template
def t_urge_receiver(w: Writer, c: Case) -> str:
    ask = w.pick(
        (
            f"release {w.name(c.p)} unless {c.p.pron('he')} is charged with a recognisable offence and tried fairly",
            f"open an impartial investigation into {w.name(c.p)}'s allegations of torture",
            f"allow independent monitors unrestricted access to {w.name(c.p)}",
            f"grant {w.name(c.p)} immediate access to a lawyer of {c.p.pron('his')} choice and to {c.p.pron('his')} family",
        )
    )
    return f"The {w.adj(c.R)} authorities {w.pick(('should', 'must', 'are urged to'))} {ask}."


@template
def t_quote(w: Writer, c: Case) -> str:
    pub = w.plan.publisher
    if not pub.staff:
        return t_assurance_critique(w, c)
    person, role = w.pick(pub.staff)
    q = w.pick(
        (
            f"{w.state(c.S, True)} knows exactly what happens to people like {c.p.family} in {w.state(c.R)}",
            "A piece of paper from a government that tortures is not a safeguard, it is a fig leaf",
            "Promises of this kind have been broken again and again, and everyone involved knows it",
            f"The {w.adj(c.R)} government denies that torture exists, so it can hardly promise to stop it",
            "Sending someone to face torture on the strength of a diplomatic note is a gamble with a human life",
        )
    )
    return f"\u201c{q},\u201d said {w.name(person)}, {role} at {pub.name}."


@template
def t_country_conditions(w: Writer, c: Case) -> str:
    r = w.state(c.R)
    return w.pick(
        (
            f"Torture in {r} is {w.pick(('systematic', 'widespread', 'routine', 'endemic'))}, as the UN Special Rapporteur on torture has repeatedly found.",
            f"Methods of torture documented in {r} include beatings, electric shocks, suspension and threats against relatives.",
            f"Those returned to {r} as suspected extremists are routinely held incommunicado, which is when the risk of torture is greatest.",
            f"Independent monitors have no access to places of detention in {r}.",
            f"The {w.adj(c.R)} security services operate with near-total impunity, and complaints of torture are almost never investigated.",
        )
    )


@template
def t_un_report(w: Writer, c: Case) -> str:
    year = w.rng.randint(max(2000, w.now.year - 6), w.now.year)
    body = w.pick(
        (
            "the Committee against Torture",
            "the Human Rights Committee",
            "the Special Rapporteur on torture",
        )
    )
    doc = "concluding observations" if "Committee" in body else "report"
    return (
        f"In its {year} {doc} on {w.state(c.R)}, {body} expressed concern at "
        f"{w.pick(('numerous and consistent allegations of torture', 'the use of confessions obtained under duress', 'deaths in custody', 'the lack of independent oversight of places of detention'))}."
    )


@template
def t_other_states(w: Writer, c: Case) -> str:
    pool = [s for s in STATES if s.send > 1 and s.key not in (c.S.key, c.R.key)]
    picks = w.rng.sample(pool, 3)
    names = [w.state(s) for s in picks]
    return w.pick(
        (
            f"Other governments, including {join_list(names)}, have also tried to deport terrorism suspects on the basis of assurances.",
            f"The practice is not confined to {w.state(c.S)}: {join_list(names)} have sought similar guarantees.",
            f"Similar transfers from {join_list(names)} have ended in torture or enforced disappearance.",
        )
    )


@template
def t_law(w: Writer, c: Case) -> str:
    return w.pick(
        (
            "Article 3 of the Convention against Torture prohibits the return of any person to a state where there are substantial grounds for believing that he would be in danger of being subjected to torture.",
            "The prohibition of torture is absolute: it admits no exception for national security, and it includes the obligation not to send anyone to a place where they face a real risk of torture.",
            "Under article 7 of the International Covenant on Civil and Political Rights, states may not expose individuals to the danger of torture upon return to another country.",
            "Article 3 of the European Convention on Human Rights, as the European Court has consistently held, bars the expulsion of a person who faces a real risk of ill-treatment, whatever that person is accused of.",
            "The principle of non-refoulement is part of customary international law and binds every state, whether or not it is a party to the relevant treaties.",
        )
    )


@template
def t_follow_up(w: Writer, c: Case) -> str:
    prior = w.plan.prior[-1]
    what = {
        "letter": "letter",
        "press release": "statement",
        "report": "report",
        "urgent action": "appeal",
        "news item": "report",
        "decision": "decision",
        "judgment": "judgment",
    }.get(prior.kind, "statement")
    by = "our" if prior.publisher is w.plan.publisher else f"the {prior.publisher.name}'s"
    if prior.publisher.kind == "body":
        by = f"{prior.publisher.name}'s"
    return w.pick(
        (
            f"As {by} {what} of {w.date_np(prior.when)} made clear, the risk to {w.name(c.p)} was known well in advance.",
            f"This follows {by} {what} of {w.date_np(prior.when)} on the case of {w.name(c.p)}.",
            f"Since {by} {what} of {w.date_np(prior.when)}, the situation of {w.name(c.p)} has {w.pick(('worsened', 'not improved', 'become more precarious'))}.",
        )
    )


@template
def t_group_intro(w: Writer, c: Case) -> str:
    n = c.group_size
    nat = STATE[c.p.nationality].demonym
    names = [w.name(p) for p in c.people]
    noun = (
        w.pick(("men", f"{nat} nationals", "asylum seekers", "refugees"))
        if all(not p.female for p in c.people)
        else w.pick((f"{nat} nationals", "asylum seekers"))
    )
    count = words(n) if w.chance(0.5) else str(n)
    lead = f"The {count} {noun}" if w.chance(0.5) else cap(f"{count} {noun}")
    rest = w.pick(
        (f", including {join_list(names)},", f" \u2013 among them {join_list(names)} \u2013")
    )
    return (
        f"{lead}{rest} were {c.pp} from {w.state(c.S)} to {w.state(c.R)} {w.when(c.transfer) if c.transfer and w.known(c.transfer) else 'after months in detention'}."
        if c.transferred and w.known(c.transfer)
        else (
            f"{lead}{rest} {w.pick(('face', 'are at imminent risk of'))} {c.noun} from {w.state(c.S)} to {w.state(c.R)}."
        )
    )


@template
def t_group_fate(w: Writer, c: Case) -> str:
    k = max(1, c.group_size // 2)
    return w.pick(
        (
            f"At least {words(k)} of them were later sentenced to long prison terms.",
            f"Relatives of {words(k)} of the group say they have had no news since the transfer.",
            f"Several of the {words(c.group_size)} were reportedly tortured in the weeks after their return.",
            f"Only {words(min(2, c.group_size))} of the {words(c.group_size)} have been seen by their families since.",
        )
    )


@template
def t_request_reply(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"We would be grateful for a reply by {w.date_np(w.now + timedelta(days=w.rng.randint(14, 40)))}.",
            "We would welcome the opportunity to discuss these concerns with you or your staff.",
            f"We ask you to confirm that {w.state(c.S)} will not seek or rely on assurances in this or any other case.",
            "Thank you for your attention to this urgent matter.",
        )
    )


@template
def t_urgent_action(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"Please write immediately to the {w.adj(c.S)} authorities, calling on them not to {c.verb} {w.name(c.p)} to {w.state(c.R)}.",
            f"Send appeals, in English or your own language, urging the authorities to suspend the {c.noun} and to assess {w.name(c.p)}'s asylum claim fairly.",
            f"Appeals should arrive no later than {w.date_np(w.now + timedelta(days=w.rng.randint(20, 45)))}.",
        )
    )


@template
def t_news_response(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"A spokesperson for the {w.adj(c.S)} {w.pick(('foreign ministry', 'interior ministry', 'justice ministry'))} said the government had received {w.pick(('credible', 'satisfactory', 'adequate'))} assurances and was monitoring the case.",
            f"The {w.adj(c.R)} embassy in {w.pick(c.S.cities)} did not respond to a request for comment.",
            f"Officials in {w.pick(c.R.cities[:1])} denied that {w.name(c.p)} had been mistreated.",
        )
    )


@template
def t_ngo_statement(w: Writer, c: Case) -> str:
    other = w.pick(w.plan.case.ngos) if w.plan.case else w.plan.publisher
    return w.pick(
        (
            f"{other.name} said the case showed that diplomatic assurances \u201cdo not work\u201d.",
            f"{other.name}, which has followed the case since {c.arrest.year}, described the outcome as predictable.",
            f"According to {other.name}, at least {words(w.rng.randint(3, 12))} other people returned to {w.state(c.R)} on similar assurances have reported torture.",
        )
    )


# --------------------------------------------------------------------------------------------
# Documents: which templates go into which kind, in what order
# --------------------------------------------------------------------------------------------


def say(w: Writer, c: Case, names: list[str]) -> list[str]:
    return [TEMPLATES[n](w, c) for n in names]


def narrative(w: Writer, c: Case, depth: str) -> list[list[str]]:
    """Blocks of sentences telling the case up to the document's date."""
    blocks: list[list[str]] = []
    bg = []
    if w.chance(0.5):
        bg.append("t_born")
    bg.append("t_profile")
    if c.asylum and w.chance(0.7):
        bg.append("t_asylum")
    if depth != "short" or w.chance(0.5):
        blocks.append(say(w, c, bg))
    arrest = ["t_arrest", "t_request"]
    if w.chance(0.5):
        arrest.append("t_charges_context")
    blocks.append(say(w, c, arrest))
    if w.known(c.assurance):
        ass = ["t_assurance_sought"] if w.known(c.assurance_req) and w.chance(0.7) else []
        ass.append("t_assurance_given")
        if w.chance(0.6):
            ass.append("t_assurance_guarantees")
        if w.chance(0.6):
            ass.append("t_assurance_critique")
        if w.chance(0.4):
            ass.append("t_monitoring")
        blocks.append(say(w, c, ass))
    elif w.known(c.assurance_req):
        blocks.append(say(w, c, ["t_assurance_sought", "t_assurance_critique"]))
    legal = []
    if w.known(c.court_date):
        legal.append("t_court")
    if c.appeal_date and w.known(c.appeal_date):
        legal.append("t_appeal")
    if c.body and w.known(c.complaint):
        legal.append("t_complaint")
        if c.interim:
            legal.append("t_interim")
    if legal:
        blocks.append(say(w, c, legal))
    if c.transferred and w.known(c.transfer):
        tr = ["t_transfer"]
        if c.T and w.chance(0.8):
            tr.append("t_transit")
        if w.chance(0.4):
            tr.append("t_secret")
        blocks.append(say(w, c, tr))
        after = []
        if w.known(c.transfer + timedelta(days=c.incommunicado_weeks * 7)):
            after.append("t_detention")
        if c.tortured and w.known(c.transfer + timedelta(days=30)):
            after.append("t_torture")
            if w.chance(0.5):
                after.append("t_testimony")
            if w.chance(0.5):
                after.append("t_medical")
        if after:
            blocks.append(say(w, c, after))
        later = []
        if c.consular and w.known(c.consular):
            later.append("t_consular")
        if w.chance(0.5) and w.known(c.transfer + timedelta(days=45)):
            later.append("t_family")
        if c.trial and w.known(c.trial):
            later += ["t_trial", "t_conviction"]
            if c.tortured and w.chance(0.6):
                later.append("t_confession")
            if w.chance(0.5):
                later.append("t_conditions")
        if c.released and w.known(c.released):
            later.append("t_release")
        if c.disappeared and w.known(c.transfer + timedelta(days=60)):
            later.append("t_disappeared")
        if later:
            blocks.append(say(w, c, later))
    if c.body and c.decision and w.known(c.decision):
        dec = ["t_decision_violation"]
        if c.violation:
            dec.append("t_decision_reasoning")
            if w.chance(0.6):
                dec.append("t_decision_remedy")
        blocks.append(say(w, c, dec))
    return [b for b in blocks if b]


def context_block(w: Writer, c: Case) -> list[str]:
    options = [
        "t_country_conditions",
        "t_un_report",
        "t_other_states",
        "t_law",
        "t_assurance_critique",
        "t_monitoring",
        "t_charges_context",
    ]
    k = w.rng.randint(2, 4)
    return say(w, c, w.rng.sample(options, k))


def split_block(rng: random.Random, sentences: list[str]) -> list[list[str]]:
    """Paragraphs of 2-6 sentences from one block."""
    out = []
    i = 0
    while i < len(sentences):
        n = rng.randint(2, 6)
        out.append(sentences[i : i + n])
        i += n
    if len(out) > 1 and len(out[-1]) == 1:
        out[-2].extend(out.pop())
    return out


def paragraphs_from_blocks(rng: random.Random, blocks: list[list[str]]) -> list[str]:
    paras: list[list[str]] = []
    carry: list[str] = []
    for b in blocks:
        b = carry + b
        carry = []
        if len(b) == 1:
            carry = b
            continue
        paras.extend(split_block(rng, b))
    if carry:
        if paras:
            paras[-1].extend(carry)
        else:
            paras.append(carry)
    return [" ".join(p) for p in paras]


@dataclass
class Doc:
    title: str
    kind: str
    publisher: Publisher
    when: date
    month_only: bool
    url: str
    dateline: str = ""
    subtitle: str = ""
    paragraphs: list[str] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # paragraph index -> heading before it
    numbered: bool = False
    footnotes: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # signature / cc lines
    tags: list[str] = field(default_factory=list)


def make_title(w: Writer, plan: DocPlan) -> str:
    c = plan.case
    if plan.stage == "thematic":
        R = plan.cases[0].R
        return w.pick(
            (
                f"Empty Promises: Transfers to {R.forms[0]} on the Strength of Diplomatic Assurances",
                f"\u201cThey Said Nobody Would Know\u201d: Returns to {R.forms[0]} and the Failure of Assurances",
                f"Returned to Risk: People Sent to {R.forms[0]} Despite Warnings of Torture",
                f"No Safeguard: Diplomatic Assurances and Transfers to {R.forms[0]}, {plan.when.year - 3}\u2013{plan.when.year}",
                f"Broken Guarantees: What Happened to Those Returned to {R.forms[0]}",
            )
        )
    p = c.p
    S, R = c.S.forms[0], c.R.forms[0]
    Sc, Rc = cap(S), cap(R)
    kind = plan.kind
    if kind == "decision":
        return f"{p.full} v. {Sc} ({c.ref})"
    if kind == "judgment":
        if plan.stage == "decision":
            return f"Case of {p.family} v. {Sc} ({c.ref})"
        return w.pick(
            (
                f"{cap(c.court)}: judgment in the {c.noun} case of {p.full}",
                f"In the matter of {p.full}: {c.noun} proceedings before {c.court}",
            )
        )
    if kind == "letter":
        return w.pick(
            (
                f"Letter to the {c.S.adjs[0]} Government Regarding the Case of {p.full}",
                f"Joint Letter on the Proposed {cap(c.noun)} of {p.full} to {Rc}",
                f"Letter Concerning Diplomatic Assurances in the Case of {p.full}",
                f"Follow-up Letter on the Treatment of {p.full} in {Rc}"
                if plan.stage in ("post", "late")
                else f"Open Letter: Do Not Send {p.full} to {Rc}",
            )
        )
    if kind == "urgent action":
        return w.pick(
            (
                f"Urgent Action: {c.R.demonym} {'Woman' if p.female else 'Man'} at Risk of {cap(c.noun)}",
                f"Urgent Action: {p.full} Faces Torture if Returned to {Rc}",
            )
        )
    if kind == "news item":
        if plan.stage in ("post", "late"):
            return w.pick(
                (
                    f"{c.R.demonym} {'woman' if p.female else 'man'} {c.pp} from {S} says {p.pron('he')} was tortured",
                    f"{p.full}: {c.pp} on assurances, now {'jailed' if c.trial and c.trial <= plan.when else 'missing' if c.disappeared else 'in custody'}",
                    f"Rights groups question {S}'s assurances after {p.family} {c.noun}",
                )
            )
        return w.pick(
            (
                f"{Sc} court weighs {c.noun} of {c.R.demonym} {'woman' if p.female else 'man'}",
                f"{p.full} faces {c.noun} to {R} despite torture fears",
            )
        )
    if kind == "report":
        return w.pick(
            (
                f"The Case of {p.full}: {cap(c.noun)} from {Sc} to {Rc}",
                f"Sent Back: {p.full} and the Limits of Diplomatic Assurances",
                f"Case Study: {p.full} ({Rc})",
            )
        )
    # press release
    if plan.stage == "pre":
        return w.pick(
            (
                f"{Sc}: Do Not Send {p.full} to Torture in {Rc}",
                f"{Sc} Must Halt {cap(c.noun)} of {c.R.demonym} {'Dissident' if w.chance(0.5) else 'Asylum Seeker'}",
                f"{Rc}'s Promises Are No Protection for {p.full}",
            )
        )
    return w.pick(
        (
            f"{Rc}: Man Returned from {Sc} Tortured Despite Assurances".replace(
                "Man", "Woman" if p.female else "Man"
            ),
            f"{Sc}: Assurances Failed {p.full}",
            f"{p.full} Tortured After {cap(c.noun)}, Evidence Shows",
            f"{Sc} Should Seek Return of {p.full} from {Rc}",
        )
    )


def dateline(w: Writer, plan: DocPlan) -> str:
    city = plan.publisher.city
    return (
        f"({city}, {w.day(plan.when)}) \u2013 "
        if w.chance(0.5)
        else f"{city.upper()}, {w.day(plan.when)} \u2013 "
    )


def compose(rng: random.Random, plan: DocPlan) -> Doc:
    w = Writer(rng, plan)
    pub = plan.publisher
    c = plan.case
    title = plan.title or make_title(w, plan)
    w.mentioned.clear()
    w.state_seen.clear()
    url = ""
    if pub.domain and rng.random() < 0.6:
        section = {
            "letter": "letters",
            "news item": "news",
            "report": "reports",
            "press release": "press",
            "urgent action": "act",
        }.get(plan.kind, "docs")
        url = f"https://www.{pub.domain}/{section}/{plan.when.year}/{plan.when.month:02d}/{slug(title, 60)}"
    doc = Doc(title, plan.kind, pub, plan.when, plan.month_only, url)
    doc.tags = [
        s.forms[0].replace("the ", "") for s in ([c.R, c.S] if c else [plan.cases[0].R])
    ] + rng.sample(TOPICS, 2)
    blocks: list[list[str]] = []
    kind = plan.kind
    if plan.stage == "thematic":
        R = plan.cases[0].R
        fake = plan.cases[0]
        intro = [
            f"This {w.pick(('report', 'briefing', 'paper'))} documents the cases of {words(len(plan.cases))} people "
            f"returned to {w.state(R)} {w.pick(('on the basis of', 'after receiving', 'in reliance on'))} diplomatic assurances against torture.",
            w.pick(
                (
                    "It is based on interviews with relatives, lawyers and former detainees, and on court documents.",
                    "The research draws on court records, interviews and correspondence with the governments concerned.",
                )
            ),
        ]
        blocks.append(intro + [t_country_conditions(w, fake)])
        doc.headings[0] = "Summary"
        for cc in plan.cases:
            w.mentioned.clear()
            sub = narrative(w, cc, "short")
            flat = [s for b in sub for s in b]
            # a thematic report tells each case in brief: keep its opening and its outcome
            keep = flat[:2] + flat[-3:] if len(flat) > 6 else flat
            doc.headings[len(blocks)] = cc.p.full
            blocks.append(keep)
        blocks.append(context_block(w, fake))
        blocks.append(say(w, fake, ["t_law", "t_other_states"]))
        doc.headings[len(blocks) - 2] = "Diplomatic assurances and the law"
        doc.subtitle = w.pick(("Summary and recommendations", "Briefing paper", ""))
    elif kind in ("decision", "judgment") and plan.stage == "decision":
        doc.numbered = True
        bname = BODIES[c.body]["names"][0]
        intro = [
            f"The {'applicant' if c.body == 'ECHR' else 'complainant'} is {w.name(c.p)}, {w.nat(c.p, False)} born in {c.p.birth_year}.",
            f"{cap(c.p.pron('he'))} was represented by {w.name(c.lawyer)}, a lawyer practising in {w.pick(c.S.cities)}.",
        ]
        if c.body != "ECHR":
            intro.append(
                f"{w.state(c.S, True)} made the declaration under the relevant provision recognising the competence of {bname}."
            )
        blocks.append(intro)
        doc.headings[0] = w.pick(("THE FACTS", "The facts as submitted", "Facts"))
        nb = narrative(w, c, "full")
        for b in nb[:-1]:
            blocks.append(b)
        doc.headings[1] = w.pick(("I. THE CIRCUMSTANCES OF THE CASE", "The facts", "Background"))
        blocks.append(
            [
                f"The {'applicant' if c.body == 'ECHR' else 'complainant'} claims that {c.p.pron('his')} {c.noun} to {w.state(c.R)} {'violated' if c.transferred else 'would violate'} {w.articles(c)}.",
                t_assurance_critique(w, c),
            ]
        )
        doc.headings[len(blocks) - 1] = w.pick(("The complaint", "THE LAW", "Complaint"))
        blocks.append(
            [
                f"The State party {w.pick(('submits', 'argues', 'contends'))} that the assurances obtained from {w.state(c.R)} were specific, given at a high level and subject to monitoring.",
                f"It adds that {w.name(c.p)} never complained of ill-treatment to the embassy officials who visited {c.p.pron('him')}."
                if c.transferred
                else "It maintains that the risk alleged is general and not personal to the complainant.",
            ]
        )
        doc.headings[len(blocks) - 1] = "State party's observations"
        blocks.append(nb[-1] if nb else [t_law(w, c)])
        doc.headings[len(blocks) - 1] = w.pick(
            (
                "Consideration of the merits",
                "Issues and proceedings before the Committee",
                "FOR THESE REASONS",
            )
        )
        if rng.random() < 0.7:
            for _i in range(rng.randint(2, 5)):
                doc.footnotes.append(footnote(w, c))
    elif kind == "judgment":  # a national court
        doc.numbered = rng.random() < 0.6
        blocks.append(
            [
                f"This is an appeal concerning the proposed {c.noun} of {w.name(c.p)}, {w.nat(c.p)}, to {w.state(c.R)}.",
                t_charges_context(w, c),
            ]
        )
        blocks.extend(narrative(w, c, "full"))
        blocks.append(
            say(w, c, ["t_law", "t_decision_reasoning" if c.body else "t_monitoring"]).copy()
        )
        blocks.append(
            [
                w.pick(
                    (
                        f"For these reasons the {c.noun} order is {'quashed' if c.court_blocks else 'upheld'}.",
                        f"The appeal is {'allowed' if c.court_blocks else 'dismissed'}.",
                    )
                )
            ]
        )
    else:
        opener: list[str] = []
        if kind == "letter":
            opener = (
                ["t_intro_letter"] if plan.stage == "pre" else ["t_follow_up"] if plan.prior else []
            )
            if not opener:
                opener = ["t_intro_concern"]
        elif kind == "news item":
            opener = ["t_intro_news"] if c.transferred and w.known(c.transfer) else []
        elif kind in ("press release", "urgent action"):
            opener = ["t_intro_concern"] if plan.stage == "pre" else []
        if plan.prior and "t_follow_up" not in opener and rng.random() < 0.7:
            opener.append("t_follow_up")
        if c.group_size > 1:
            opener.append("t_group_intro")
        if opener:
            first = say(w, c, opener)
            blocks.append(first)
        nb = narrative(w, c, "short" if kind in ("news item", "urgent action") else "full")
        if c.group_size > 1 and c.transferred and w.known(c.transfer):
            nb.append(say(w, c, ["t_group_fate"]))
        blocks.extend(nb)
        if kind != "news item" and rng.random() < 0.8:
            blocks.append(context_block(w, c))
        adv: list[str] = []
        if kind == "news item":
            adv = ["t_news_response", "t_ngo_statement"]
        elif kind == "urgent action":
            adv = ["t_urgent_action", "t_urgent_action", "t_urge_sender"]
        else:
            if rng.random() < 0.6:
                adv.append("t_quote")
            if c.transferred and w.known(c.transfer):
                adv += rng.sample(["t_urge_receiver", "t_urge_sender"], rng.randint(1, 2))
            else:
                adv.append("t_urge_sender")
            if kind == "letter":
                adv.append("t_request_reply")
        blocks.append(say(w, c, adv))
        if kind == "report":
            heads = (
                "Background",
                "Arrest and proceedings",
                "Diplomatic assurances",
                "Transfer and after",
                "Treatment after return",
                "Context",
                "Recommendations",
            )
            for i in range(len(blocks)):
                if rng.random() < 0.5:
                    doc.headings[i] = heads[min(i, len(heads) - 1)]
            doc.numbered = rng.random() < 0.35
        if kind in ("report", "letter") and rng.random() < 0.5:
            for _i in range(rng.randint(1, 6)):
                doc.footnotes.append(footnote(w, c))
        if kind in ("press release", "news item") and rng.random() < 0.7:
            doc.dateline = dateline(w, plan)
        if kind == "letter":
            doc.closing = signature(w, plan)
        if kind == "news item" and pub.staff:
            doc.subtitle = f"By {w.name(rng.choice(pub.staff)[0])}"
    doc.paragraphs = paragraphs_from_blocks(rng, blocks)
    # block-indexed headings -> paragraph-indexed headings
    if doc.headings:
        mapping = {}
        count = 0
        for bi, b in enumerate(blocks):
            mapping[bi] = count
            count += len(split_block(random.Random(0), b)) if len(b) > 1 else 0
        doc.headings = {
            min(mapping.get(k, 0), max(0, len(doc.paragraphs) - 1)): v
            for k, v in doc.headings.items()
        }
    # keep the paragraph count in 4..15
    while len(doc.paragraphs) < 4:
        extra = paragraphs_from_blocks(rng, [context_block(w, c or plan.cases[0])])
        doc.paragraphs.extend(extra)
    if len(doc.paragraphs) > 15:
        doc.paragraphs = doc.paragraphs[:14] + [doc.paragraphs[-1]]
        doc.headings = {k: v for k, v in doc.headings.items() if k < 14}
    return doc


def footnote(w: Writer, c: Case) -> str:
    return w.pick(
        (
            f"Interview with a relative of {c.p.full}, {c.p.city}, {MONTHS[w.rng.randrange(12)]} {min(w.now.year, max(c.arrest.year, w.now.year - 1))}.",
            f"See Committee against Torture, concluding observations on {c.R.forms[0]}, para. {w.rng.randint(6, 30)}.",
            f"Copy of the diplomatic note on file with the author{'s' if w.chance(0.5) else ''}.",
            f"Decision of {c.court}, {w.day(c.court_date)}.",
            f"Report of the Special Rapporteur on torture, mission to {c.R.forms[0]}, para. {w.rng.randint(10, 90)}.",
            f"Correspondence with {c.lawyer.full}, counsel for {c.p.full}, on file.",
            f"Ibid., para. {w.rng.randint(2, 60)}.",
            f"{c.R.adjs[0]} Criminal Code, art. {w.rng.randint(97, 270)}.",
        )
    )


def signature(w: Writer, plan: DocPlan) -> list[str]:
    lines = [w.pick(("Sincerely,", "Yours sincerely,", "Respectfully,", "Yours faithfully,"))]
    pubs = [plan.publisher] + [
        p for p in (plan.case.ngos if plan.case else []) if p is not plan.publisher
    ]
    for pub in pubs[:2]:
        if pub.staff:
            person, role = pub.staff[0]
            lines += [person.full, cap(role), pub.name]
    c = plan.case
    lines.append("cc:")
    officials = [
        f"Minister of Justice, {c.S.forms[0].replace('the ', '')}",
        f"Minister of Foreign Affairs, {c.S.forms[0].replace('the ', '')}",
        f"Ambassador of {c.S.forms[0].replace('the ', '')} to {c.R.forms[0].replace('the ', '')}",
        f"Ambassador of {c.R.forms[0].replace('the ', '')} to {c.S.forms[0].replace('the ', '')}",
        "UN Special Rapporteur on torture",
    ]
    lines += w.rng.sample(officials, w.rng.randint(1, 3))
    return lines


# --------------------------------------------------------------------------------------------
# Rendering with the noise real documents arrive with
# --------------------------------------------------------------------------------------------

FORMATS = {
    "web_flat": "web page text (site navigation and footer included)",
    "web_md": "web page text (markdown-ish; footer repeated)",
    "clean": "plain text",
    "pdf": "text extracted from a PDF (hyphenation; footnote numbers inline)",
}


def nav_items(rng: random.Random, pub: Publisher) -> list[str]:
    base = [
        "Home",
        "About",
        "Our Work",
        "Countries",
        "Topics",
        "Reports",
        "News",
        "Take Action",
        "Get Involved",
        "Publications",
        "Campaigns",
        "Media Centre",
        "Contact",
        "Search",
    ]
    r = random.Random(pub.name)  # the same site always has the same menu
    return r.sample(base, 7)


def footer_lines(pub: Publisher, year: int) -> list[str]:
    r = random.Random(pub.name + "footer")
    return [
        f"\u00a9 {year} {pub.name}",
        f"{pub.name} | PO Box {r.randint(100, 9999)} | {pub.city}",
        f"Registered charity no. {r.randint(1000000, 9999999)}"
        if pub.kind == "ngo"
        else "All rights reserved",
        "Privacy Policy",
        "Contact us",
    ]


def donate_block(rng: random.Random, pub: Publisher) -> list[str]:
    return [
        rng.choice(
            (
                "Your gift helps protect people at risk of torture.",
                "Help us keep defending people at risk. Give today.",
                "We rely on donations from people like you.",
            )
        ),
        "$25$50$100$250Other",
        "Donate Now",
    ]


def number_paragraphs(doc: Doc, rng: random.Random) -> list[str]:
    if not doc.numbered:
        return list(doc.paragraphs)
    out = []
    n = 1 if rng.random() < 0.6 else rng.randint(2, 9)
    sub = rng.random() < 0.4  # treaty-body style 2.1, 2.2 ...
    major = 1
    minor = 0
    for i, p in enumerate(doc.paragraphs):
        if sub:
            if i in doc.headings and i:
                major += 1
                minor = 0
            minor += 1
            out.append(f"{major}.{minor} {p}" if i else f"{major}. {p}")
        else:
            out.append(f"{n}. {p}")
            n += 1
    return out


def add_footnote_markers(paras: list[str], count: int, rng: random.Random, style: str) -> list[str]:
    if not count:
        return paras
    paras = list(paras)
    slots = sorted(rng.sample(range(len(paras)), min(count, len(paras))))
    for n, i in enumerate(slots, 1):
        p = paras[i]
        cut = p.find(". ", len(p) // 3)
        if cut < 0:
            cut = len(p) - 1
        mark = str(n) if style == "pdf" else (f"[{n}]" if rng.random() < 0.7 else f"({n})")
        paras[i] = p[: cut + 1] + mark + p[cut + 1 :]
    return paras


def render(doc: Doc, rng: random.Random) -> str:
    pub = doc.publisher
    style = pub.style if pub.kind in ("ngo", "news") else ("pdf" if rng.random() < 0.4 else "clean")
    w_us = pub.us_dates
    d = doc.when
    datestr = (
        f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        if w_us
        else f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    )
    if doc.month_only:
        datestr = f"{MONTHS[d.month - 1]} {d.year}"
    paras = number_paragraphs(doc, rng)
    paras = add_footnote_markers(paras, len(doc.footnotes), rng, style)
    if doc.dateline and paras:
        paras[0] = doc.dateline + paras[0]
    fnotes = [
        f"{i} {t}" if style == "pdf" else f"[{i}] {t}" for i, t in enumerate(doc.footnotes, 1)
    ]
    body: list[str] = []
    for i, p in enumerate(paras):
        if i in doc.headings and doc.headings[i]:
            body.append("\u0000H" + doc.headings[i])
        body.append(p)
    site_year = rng.randint(max(d.year, 2015), 2023)

    if style == "web_flat":
        nav = nav_items(rng, pub)
        share = (
            "".join(f"Share this via {s}" for s in ("Facebook", "Twitter", "Email", "WhatsApp"))
            + "Print"
        )
        parts = [
            f"{doc.title} | {pub.name}",
            "Skip to main content",
            pub.name,
            "".join(nav),
            "Donate",
            f"{datestr}{' 9:00AM EDT' if w_us and rng.random() < 0.5 else ''}",
            doc.title,
        ]
        if doc.subtitle:
            parts.append(doc.subtitle)
        parts.append(share)
        parts += [b[2:] if b.startswith("\u0000H") else b for b in body]
        parts += doc.closing + fnotes
        parts += donate_block(rng, pub)
        parts += ["Region / Country"] + doc.tags[:2] + ["Topic"] + doc.tags[2:]
        parts += [
            "More Reading",
            f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {site_year}",
            rng.choice(("Report", "News Release", "Commentary")),
            rng.choice(RELATED_TITLES),
        ]
        parts.append(share)
        parts += footer_lines(pub, site_year)
        return "".join(parts)

    if style == "web_md":
        out = ["", "", pub.name, "", ", ".join(doc.tags), ""]
        if doc.url:
            out += [f"<{doc.url}>", ""]
        out += [
            rng.choice(("News", "Press Releases", "Publications", "Advocacy")),
            "",
            f"# {doc.title}",
            "",
        ]
        if doc.subtitle:
            out += [doc.subtitle, ""]
        out += [datestr, ""]
        for b in body:
            if b.startswith("\u0000H"):
                out += [f"## {b[2:]}", ""]
            else:
                if rng.random() < 0.25:
                    words_ = b.split(" ")
                    k = rng.randrange(len(words_) - 2) if len(words_) > 3 else 0
                    words_[k] = f"[{words_[k]} {words_[k + 1]}](#)"
                    del words_[k + 1]
                    b = " ".join(words_)
                out += [b, ""]
        if doc.closing:
            out += doc.closing + [""]
        if fnotes:
            out += fnotes + [""]
        out += ["Share this:", "", "[Facebook](#) [Twitter](#) [Email](#)", ""]
        foot = ["Get the latest", ""] + [f"{x}" for x in footer_lines(pub, site_year)] + [""]
        for _ in range(rng.randint(2, 3)):
            out += foot
        return "\n".join(out)

    if style == "pdf":
        return render_pdf(doc, body, fnotes, datestr, rng)

    out = [doc.title, ""]
    if doc.subtitle:
        out += [doc.subtitle, ""]
    out += [pub.name, datestr]
    if doc.kind in ("decision", "judgment") and doc.title.endswith(")"):
        out.append(doc.title[doc.title.rfind("(") + 1 : -1])
    out.append("")
    for b in body:
        if b.startswith("\u0000H"):
            out += [b[2:], ""]
        else:
            out += [b, ""]
    if doc.closing:
        out += doc.closing + [""]
    if fnotes:
        out += ["Notes", ""] + fnotes + [""]
    return "\n".join(out)


RELATED_TITLES = (
    "Detained Abroad, Forgotten at Home",
    "The Long Shadow of Counterterrorism Laws",
    "Deported Without a Hearing",
    "Nowhere to Turn: Refugees in Transit Countries",
    "Courts Push Back on Secret Evidence",
    "Families of the Disappeared Demand Answers",
)


def glyph_mangle(text: str, rng: random.Random) -> str:
    """A heading as some PDF extractors return it: letters in a substituted encoding."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    targets = [chr(c) for c in range(0x0180, 0x0250)]
    r = random.Random(rng.random())
    table = dict(zip(letters, r.sample(targets, len(letters)), strict=True))
    return "".join(table.get(ch, ch) for ch in text)


def wrap_hyphen(text: str, width: int, rng: random.Random) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
            continue
        if len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        room = width - len(line) - 2
        if len(word) >= 7 and room >= 3 and word.isalpha() and rng.random() < 0.7:
            cut = min(room, len(word) - 3)
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line + " ")
            line = word
    if line:
        lines.append(line + " ")
    return lines


def render_pdf(
    doc: Doc, body: list[str], fnotes: list[str], datestr: str, rng: random.Random
) -> str:
    width = rng.randint(52, 68)
    out = [f" {doc.publisher.name.upper()}  ", "", " "]
    out += [" " + line for line in wrap_hyphen(doc.title, width, rng)]
    out += ["", datestr + " ", ""]
    mangle = rng.random() < 0.25
    line_count = 0
    page = 1
    for b in body:
        if b.startswith("\u0000H"):
            head = b[2:]
            out += ["", "  " + (glyph_mangle(head, rng) if mangle else head) + "  ", ""]
            continue
        for line in wrap_hyphen(b, width, rng):
            out.append(line)
            line_count += 1
            if line_count >= 46:
                page += 1
                line_count = 0
                out += ["", f"{page - 1} ", "", f" {doc.publisher.name}  ", ""]
        out.append("")
    if fnotes:
        out += ["_" * 20, ""]
        for f in fnotes:
            out += wrap_hyphen(f, width + 10, rng)
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Planning the corpus
# --------------------------------------------------------------------------------------------


def plan_corpus(rng: random.Random, documents: int) -> tuple[list[DocPlan], list[Case], NameBank]:
    bank = NameBank(rng)
    pubs = build_publishers(rng, bank)
    ngos = [p for p in pubs if p.kind == "ngo"]
    news = [p for p in pubs if p.kind == "news"]
    ngo_weights = [1.0 / (i + 1) ** 0.9 for i in range(len(ngos))]  # a few NGOs publish most
    bodies = {
        k: Publisher(
            v["publisher"],
            {"CAT": "cat", "HRC": "hrc", "ECHR": "echr"}[k],
            "body",
            "Geneva",
            "clean",
            False,
        )
        for k, v in BODIES.items()
    }
    bodies["ECHR"].city = "Strasbourg"
    courts: dict[str, Publisher] = {}

    n_thematic = documents // 12 if documents >= 12 else 0
    n_case_docs = documents - n_thematic
    plans: list[DocPlan] = []
    cases: list[Case] = []
    cid = 0
    while len(plans) < n_case_docs:
        cid += 1
        c = make_case(rng, cid, bank, ngos, ngo_weights)
        cases.append(c)
        stages = []
        if c.transferred:
            stages.append(
                (
                    "pre",
                    rand_date(
                        rng, c.assurance_req, 3, max(4, (c.transfer - c.assurance_req).days - 1)
                    ),
                )
            )
            stages.append(("post", rand_date(rng, c.transfer, 50, 420)))
            stages.append(
                (
                    "late",
                    rand_date(rng, max(d for d in (c.released, c.trial, c.transfer) if d), 40, 500),
                )
            )
        else:
            stages.append(("pre", rand_date(rng, c.assurance_req, 3, 120)))
            stages.append(("court", c.court_date))
        if c.body and c.decision:
            stages.append(("decision", c.decision))
        k = rng.choices((1, 2, 3), weights=(55, 30, 15))[0]
        k = min(k, len(stages), n_case_docs - len(plans))
        chosen = sorted(rng.sample(stages, k), key=lambda s: s[1])
        prior: list[DocPlan] = []
        for stage, when in chosen:
            if stage == "decision":
                kind = BODIES[c.body]["kind"]
                pub = bodies[c.body]
            elif stage == "court":
                kind = "judgment"
                if c.court not in courts:
                    courts[c.court] = Publisher(
                        cap(c.court),
                        initials(c.court) or "court",
                        "court",
                        c.S.cities[0],
                        "clean",
                        c.S.key == "US",
                    )
                pub = courts[c.court]
            elif stage == "pre":
                kind = rng.choices(
                    ("press release", "letter", "urgent action", "news item"), weights=(4, 4, 2, 2)
                )[0]
                pub = rng.choice(news) if kind == "news item" else rng.choice(c.ngos)
            else:
                kind = rng.choices(
                    ("press release", "news item", "report", "letter"), weights=(4, 3, 3, 2)
                )[0]
                pub = rng.choice(news) if kind == "news item" else rng.choice(c.ngos)
            plan = DocPlan(
                c,
                stage,
                kind,
                pub,
                when,
                prior=list(prior),
                month_only=kind == "report" and rng.random() < 0.5,
            )
            plans.append(plan)
            prior.append(plan)
    # thematic reports connect several earlier cases with the same receiving state
    by_state: dict[str, list[Case]] = {}
    for c in cases:
        if c.transferred:
            by_state.setdefault(c.R.key, []).append(c)
    eligible = [k for k, v in by_state.items() if len(v) >= 2]
    for _ in range(n_thematic):
        if not eligible:
            break
        key = rng.choices(eligible, weights=[len(by_state[k]) for k in eligible])[0]
        members = rng.sample(by_state[key], min(len(by_state[key]), rng.randint(2, 4)))
        when = rand_date(rng, max(m.transfer for m in members), 90, 700)
        pub = rng.choice(ngos[:12])
        plans.append(
            DocPlan(
                None, "thematic", "report", pub, when, cases=members, month_only=rng.random() < 0.6
            )
        )
    while len(plans) < documents:  # a tiny corpus without thematic candidates: more case documents
        cid += 1
        c = make_case(rng, cid, bank, ngos, ngo_weights)
        cases.append(c)
        plans.append(
            DocPlan(
                c,
                "pre",
                "press release",
                rng.choice(c.ngos),
                rand_date(rng, c.assurance_req, 3, 60),
            )
        )
    plans.sort(key=lambda p: (p.when, p.publisher.name, p.case.cid if p.case else 0))
    return plans, cases, bank


def write_corpus(out: Path, documents: int, seed: int = 1) -> list[Path]:
    """Write ``documents`` synthetic documents, MANIFEST.csv and README.md into ``out``; return the
    paths of the documents."""
    if documents < 1:
        raise ValueError("documents must be at least 1")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    plans, cases, bank = plan_corpus(rng, documents)
    rows = []
    paths = []
    titles: set[str] = set()
    for i, plan in enumerate(plans, 1):
        doc_rng = random.Random(f"{seed}:{i}:{plan.when.isoformat()}")
        for attempt in range(30):
            doc = compose(doc_rng, plan)
            text = render(doc, doc_rng)
            size = len(text.encode("utf-8"))
            if doc.title not in titles and 1000 <= size <= 12000:
                break
            if size > 12000 and len(doc.paragraphs) > 4:
                plan.title = doc.title if doc.title not in titles else ""
                # shorten: drop paragraphs from the middle until it fits (keeping 4 at least)
                while size > 12000 and len(doc.paragraphs) > 4:
                    j = len(doc.paragraphs) // 2
                    del doc.paragraphs[j]
                    doc.headings = {
                        (k if k < j else k - 1): v for k, v in doc.headings.items() if k != j
                    }
                    text = render(doc, random.Random(f"{seed}:{i}:r{attempt}"))
                    size = len(text.encode("utf-8"))
                if doc.title not in titles and 1000 <= size <= 12000:
                    break
                plan.title = ""
        else:
            if doc.title in titles:
                doc.title = f"{doc.title} ({plan.when.isoformat()}, {i})"
                text = render(doc, doc_rng)
        titles.add(doc.title)
        pub = plan.publisher
        date_str = plan.when.strftime("%Y-%m") if plan.month_only else plan.when.isoformat()
        tail = plan.case.p.family if plan.case else plan.cases[0].R.forms[0]
        name = f"{i:04d}-{pub.abbr or 'doc'}-{date_str}-{slug(tail, 24)}-{slug(plan.kind, 16)}.txt"
        path = out / name
        path.write_text(
            text if text.endswith("\n") else text + "\n", encoding="utf-8", newline="\n"
        )
        paths.append(path)
        fmt = FORMATS[
            pub.style
            if pub.kind in ("ngo", "news")
            else ("pdf" if "\n " + pub.name.upper() in "\n" + text[:200] else "clean")
        ]
        if doc.numbered and fmt == "plain text":
            fmt = "plain text (numbered paragraphs)"
        if doc.footnotes and "footnote" not in fmt:
            fmt += "; footnotes" if fmt.endswith(")") is False else ""
            if fmt.endswith(")"):
                fmt = fmt[:-1] + "; footnotes)"
        rows.append(
            {
                "file": name,
                "title": doc.title,
                "publisher": pub.name,
                "date": date_str,
                "kind": plan.kind,
                "url": doc.url,
                "format": fmt,
            }
        )
    with (out / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            fieldnames=["file", "title", "publisher", "date", "kind", "url", "format"],
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(rows)
    victims = sum(len(c.people) for c in cases)
    states = sorted({s for c in cases for s in (c.R.key, c.S.key) + ((c.T.key,) if c.T else ())})
    (out / "README.md").write_text(
        README.format(n=documents, seed=seed, cases=len(cases), people=victims, states=len(states)),
        encoding="utf-8",
        newline="\n",
    )
    return paths


README = """# A synthetic corpus ({n} documents, seed {seed})

**These texts are synthetic.** They were generated by `benchmarks/scaled_corpus.py` with
`--documents {n} --seed {seed}` to measure how dakg's builds and views scale. They imitate the
genre of the bundled corpus (NGO press releases, letters and reports, treaty-body decisions, court
judgments, news items, with web and PDF noise), but every person, case, organisation, address,
quotation and event in them is invented, combined at random from seeded lists. Only the names of
states (and of the treaties and treaty bodies) are real, and nothing here says anything true about
what any state did. Any resemblance of a name to a real person is coincidental. Do not cite them.

The same command with the same number and seed writes byte-identical files.

- cases: {cases} (some followed by two or three documents, some grouped in thematic reports)
- named people in those cases: {people}
- states involved: {states}
- `MANIFEST.csv`: file, title, publisher, date, kind, url, format (addresses use the reserved
  `.example` domain and lead nowhere)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write the corpus into")
    parser.add_argument("--documents", "-n", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    paths = write_corpus(args.out, args.documents, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents ({total / 1024:.0f} KB) to {args.out}")


if __name__ == "__main__":
    main()
