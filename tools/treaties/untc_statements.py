"""Convert reservations, understandings and declarations from the 2015 UNTC scrape.

Source: the public GitHub dataset zmjones/untreaties, a scrape of the UN Treaty Collection
taken on 2015-03-14 (commit 003ce13), files declarations/<chapter>.txt (the texts of the
statements, one "#Participant" section per state) and treaties/<chapter>.csv (the participant
table: signature and ratification / accession dates).

Which statements are kept is decided by hand, in SELECTIONS below: the provisions the norms of
graph/data/norms.yaml name (CAT arts. 1, 2, 3, 16, 20 (and reservations under art. 28(1)), 21,
22, 30; ICCPR art. 7 and statements on the Covenant as a whole; the 1951 Convention's art. 33
and the reservations under art. 42 that reach every article; every statement the 1967 Protocol
scrape holds, all being made under its art. VII). Each selection names the first and last words
of the passage; the script cuts the passage out of the scraped text, so the `text` column is
always a verbatim substring of the scrape (only the backtick the scrape uses as an opening
quotation mark is turned into a straight quote, as in the rows already in
treaty_statements.csv).

The statement's date is filled only where the treaty or the text fixes it: a state whose only
act is an accession (or whose signature and ratification fell on the same day) and which made a
reservation that the treaty allows only at signature, ratification or accession (CAT arts. 28(1)
and 30(2), 1951 Convention art. 42(1), 1967 Protocol art. VII(1)); or a text that itself says
when it was made ("While ratifying", "In acceding"). Elsewhere `date` is empty and the note
gives the candidate dates from the participant table.

Rows whose state + instrument + provision are already in graph/data/treaty_statements.csv are
skipped. The output is a new CSV (nothing in graph/data is changed):

    .venv/bin/python tools/treaties/untc_statements.py /path/to/untreaties/.git OUT.csv
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from untc_scrape import INSTRUMENTS, alpha3, git_show  # noqa: E402

EXISTING = Path(__file__).parents[2] / "graph" / "data" / "treaty_statements.csv"
FIELDS = [
    "state",
    "instrument",
    "kind",
    "provision",
    "date",
    "text",
    "source_title",
    "source_url",
    "verified",
    "note",
]
NAME_EXTRA = {"Cabo Verde": "CPV", "Swaziland": "SWZ"}
ACT_LABEL = {
    "same": "signature and ratification (same day)",
    "signature": "signature",
    "ratification": "ratification",
    "accession": "accession",
}


@dataclass(frozen=True)
class Sel:
    """One statement to keep: where it is and how to label it."""

    name: str  # participant name as in the scrape
    slug: str  # instrument slug
    kind: str  # reservation | understanding | declaration
    provision: str
    start: str | None  # first words of the passage (None: start of the section)
    end: str | None  # last words of the passage (None: end of the section)
    date_act: str | None = None  # signature | ratification | accession | same | None
    why_date: str = ""  # why the statement is taken to bear that act's date
    extra: str = ""  # further note


R28 = (
    "art. 28(1) ('Each State may, at the time of signature or ratification of this Convention "
    "or accession thereto, declare that it does not recognize the competence of the Committee "
    "provided for in article 20'; read in a copy of the Convention on lawin.org) allows this "
    "reservation only then, and the state's only act in the participant table is that accession"
)
R30 = (
    "art. 30(2) allows this reservation only at signature, ratification or accession (the same "
    "wording as art. 28(1); art. 30(2) itself was not re-read this session), and the state's "
    "only act in the participant table is that accession"
)
R42 = (
    "1951 Convention art. 42(1) allows reservations 'at the time of signature, ratification or "
    "accession' (read in the Polish and Russian texts on vilp.de and studopedya.ru, secondary "
    "copies; it excludes arts. 1, 3, 4, 16(1), 33 and 36-46), and the state's only act in the "
    "participant table is that accession"
)
R7 = (
    "1967 Protocol art. VII(1) ('At the time of accession, any State may make reservations', "
    "wording read in the draft annexed to UNHCR doc. A/AC.96/346 Corr.2 on refworld.org; the "
    "final text was not read this session)"
)
K28 = (
    "Kind: a statement under art. 28(1) is a reservation in the Convention's own terms "
    "(art. 28(2): 'Any State Party having made a reservation in accordance with paragraph 1')."
)
K30 = (
    "Kind: art. 30(2)-(3) calls a statement that the state is not bound by art. 30(1) a "
    "reservation."
)

SELECTIONS: list[Sel] = [
    # ---------------- CAT (declarations/4-9.txt) ----------------
    Sel(
        "Afghanistan",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        "While ratifying",
        "article 20 of the Convention.",
        "ratification",
        "the text opens 'While ratifying the above-mentioned Convention', so it bears the "
        "ratification date",
        K28,
    ),
    Sel(
        "Afghanistan",
        "cat",
        "reservation",
        "art. 30(1)",
        "Also according to paragraph 2 of the article 30",
        "not by one of the Parties.",
        "ratification",
        "the statement follows the art. 20 reservation made 'While ratifying'",
        K30,
    ),
    Sel(
        "Bahrain",
        "cat",
        "reservation",
        "art. 30(1)",
        None,
        None,
        "accession",
        R30,
        K30 + " The scrape opens with '...2.': an earlier point 1 is elided in the scraped "
        "text and was not read.",
    ),
    Sel(
        "Botswana",
        "cat",
        "reservation",
        "art. 1",
        None,
        None,
        "same",
        "signature and ratification share the date in the participant table (8 Sep 2000); the "
        "scrape does not say which act the statement accompanied, both being that day",
        "Kind: 'considers itself bound by Article 1 ... to the extent that' limits the "
        "obligation, a reservation in substance (UNTC's heading is not in the scrape).",
    ),
    Sel(
        "Chile",
        "cat",
        "reservation",
        "art. 30(1)",
        "2.The Government of Chile does not consider",
        "article 30, paragraph 1, of the Convention.",
        None,
        "",
        K30 + " The passage is point 2 of a list whose point 3 reserves the right to formulate "
        "statements 'upon ratifying the Convention', so the list was made at signature "
        "(23 Sep 1987 in the participant table); point 1 is elided ('...') in the scrape. "
        "Date left empty: whether Chile kept this reservation at ratification (30 Sep 1988) "
        "or later withdrew it is not in the scrape, which keeps no UNTC footnotes.",
    ),
    Sel(
        "Chile",
        "cat",
        "declaration",
        "general (relation to the Inter-American Convention)",
        "The Government of Chile declares that in its relations",
        "of the present Convention.",
        None,
        "",
        "Made at signature (23 Sep 1987) or ratification (30 Sep 1988): the scrape does not "
        "say which; the passage ends with '....' in the scrape (elided text follows).",
    ),
    Sel(
        "Cuba",
        "cat",
        "declaration",
        "art. 2(1)",
        None,
        "Inhuman or Degrading Treatment or Punishment.",
        None,
        "",
        "Cuba signed 27 Jan 1986 and ratified 17 May 1995 (participant table); the scrape "
        "does not say with which act the statement was made.",
    ),
    Sel(
        "Cuba",
        "cat",
        "declaration",
        "art. 20 (under art. 28)",
        "The Government of the Republic declares, in accordance with article 28",
        "prior consent of the States Parties.",
        None,
        "",
        "Kind: Cuba does not refuse the art. 20 competence but states how it must be invoked "
        "(prior consent); recorded as a declaration. Signature 27 Jan 1986, ratification "
        "17 May 1995: the scrape does not say which.",
    ),
    Sel(
        "Cuba",
        "cat",
        "declaration",
        "art. 30",
        "In connection with the provisions of article 30",
        "through the diplomatic channel.",
        None,
        "",
        "Signature 27 Jan 1986, ratification 17 May 1995: the scrape does not say which.",
    ),
    Sel(
        "Equatorial Guinea",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        "article 20 of the Convention.",
        "accession",
        R28,
        K28,
    ),
    Sel(
        "Equatorial Guinea",
        "cat",
        "reservation",
        "art. 30(1)",
        "Second - ",
        None,
        "accession",
        R30,
        K30,
    ),
    Sel(
        "Eritrea",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        "provided for it in article 20.",
        "accession",
        R28,
        K28,
    ),
    Sel(
        "Eritrea",
        "cat",
        "reservation",
        "art. 30(1)",
        "The State of Eritrea does not consider",
        None,
        "accession",
        R30,
        K30,
    ),
    Sel(
        "France",
        "cat",
        "reservation",
        "art. 30(1)",
        None,
        None,
        None,
        "",
        K30 + " France signed 4 Feb 1985 and ratified 18 Feb 1986; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Germany",
        "cat",
        "declaration",
        "art. 3",
        "Article 3This provision",
        None,
        "ratification",
        "the scrape first gives Germany's statement at signature reserving the right to "
        "communicate declarations 'upon ratification ... especially with respect to the "
        "applicability of article 3', then this declaration; it is taken as made on "
        "ratification (inference from the text, not a date printed in the scrape)",
        "At signature (13 Oct 1986) Germany stated: 'The Government of the Federal Republic "
        "of Germany reserves the right to communicate, upon ratification, such reservations "
        "or declarations of interpretation as are deemed necessary especially with respect "
        "to the applicability of article 3.' The scrape runs the heading 'Article 3' into the "
        "first sentence.",
    ),
    Sel(
        "Ghana",
        "cat",
        "reservation",
        "art. 30(1)",
        None,
        None,
        "same",
        "signature and ratification share the date in the participant table (7 Sep 2000); "
        "art. 30(2) allows the statement only at signature, ratification or accession",
        K30 + " Ghana's wording is 'declares in accordance with Article 30 (2)' that "
        "submission requires the consent of all parties.",
    ),
    Sel(
        "Guinea-Bissau",
        "cat",
        "declaration",
        "arts. 21 and 22",
        None,
        None,
        None,
        "",
        "Guinea-Bissau signed 12 Sep 2000 and ratified 24 Sep 2013 (participant table); "
        "declarations under arts. 21 and 22 may be made at any time, and the scrape prints "
        "no date. Point 2 speaks of communications 'from individuals or groups of "
        "individuals' (art. 22 says 'individuals').",
    ),
    Sel(
        "Holy See",
        "cat",
        "declaration",
        "general",
        "The Holy See, in becoming a party",
        None,
        "accession",
        "the text says 'in becoming a party to the Convention', i.e. with the accession",
        "Only the operative last sentence is kept; the scrape's preceding paragraphs "
        "(the Holy See's statement of support for the Convention) are omitted. Kind: UNTC's "
        "heading is not in the scrape; the sentence limits application to what is "
        "'compatible, in practice, with the peculiar nature of that State'.",
    ),
    Sel(
        "Indonesia",
        "cat",
        "declaration",
        "art. 20",
        None,
        "territorial integrity of States.",
        None,
        "",
        "Indonesia signed 23 Oct 1985 and ratified 28 Oct 1998; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Indonesia",
        "cat",
        "reservation",
        "art. 30(1)",
        "The Government of the Republic of Indonesia does not consider",
        None,
        None,
        "",
        K30 + " Signature 23 Oct 1985, ratification 28 Oct 1998: the scrape does not say which.",
    ),
    Sel(
        "Israel",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        'competence of the Committee provided for in article 20."',
        None,
        "",
        K28 + " Israel signed 22 Oct 1986 and ratified 3 Oct 1991; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Israel",
        "cat",
        "reservation",
        "art. 30(1)",
        "2.In accordance with paragraph 2",
        None,
        None,
        "",
        K30 + " Signature 22 Oct 1986, ratification 3 Oct 1991: the scrape does not say which.",
    ),
    Sel(
        "Kuwait",
        "cat",
        "reservation",
        "arts. 20 and 30(1)",
        None,
        None,
        "accession",
        "arts. 28(1) and 30(2) allow these reservations only at signature, ratification or "
        "accession, and Kuwait's only act in the participant table is that accession",
        "One sentence covers both articles, so one row.",
    ),
    Sel(
        "Lao People's Democratic Republic",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        "Committee against Torture under Article 20.",
        None,
        "",
        K28 + " Laos signed 21 Sep 2010 and ratified 26 Sep 2012; the scrape does "
        "not say with which act.",
    ),
    Sel(
        "Lao People's Democratic Republic",
        "cat",
        "reservation",
        "art. 30(1)",
        "The Government of the Lao People’s Democratic Republic does not consider",
        "to the International Court of Justice.”",
        None,
        "",
        K30 + " Signature 21 Sep 2010, ratification 26 Sep 2012: the scrape does not say which.",
    ),
    Sel(
        "Lao People's Democratic Republic",
        "cat",
        "understanding",
        "art. 1",
        "“It is the understanding",
        "national law and international law.",
        None,
        "",
        "Signature 21 Sep 2010, ratification 26 Sep 2012: the scrape does not say which. "
        "The same block's declaration under art. 8(2) (extradition) is not kept.",
    ),
    Sel(
        "Luxembourg",
        "cat",
        "declaration",
        "art. 1",
        None,
        None,
        None,
        "",
        "Luxembourg signed 22 Feb 1985 and ratified 29 Sep 1987; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Mauritania",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        "in its annual report made in accordance with article 24.",
        "accession",
        R28,
        K28 + " The text quotes art. 20 in full; the scrape runs the heading 'Article 20' "
        "into the first sentence.",
    ),
    Sel(
        "Mauritania",
        "cat",
        "reservation",
        "art. 30(1)",
        "Article 30, paragraph 1",
        None,
        "accession",
        R30,
        K30 + " The text quotes art. 30(1) before the reservation.",
    ),
    Sel("Monaco", "cat", "reservation", "art. 30(1)", None, None, "accession", R30, K30),
    Sel(
        "Morocco",
        "cat",
        "reservation",
        "art. 30(1)",
        None,
        None,
        None,
        "",
        K30 + " The scrape opens with '.....2.': the preceding text is elided and was not "
        "read. Morocco signed 8 Jan 1986 and ratified 21 Jun 1993; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Netherlands",
        "cat",
        "understanding",
        "art. 1",
        None,
        None,
        None,
        "",
        "The Netherlands signed 4 Feb 1985 and ratified 21 Dec 1988; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Pakistan",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        "‘In accordance with Article 28",
        "provided for in Article 20’.",
        None,
        "",
        K28 + " Pakistan signed 17 Apr 2008 and ratified 23 Jun 2010; the scrape does not "
        "say with which act (the same section also holds a statement reserving the right to "
        "make reservations 'at the time of ratification', i.e. one made at signature).",
    ),
    Sel(
        "Pakistan",
        "cat",
        "reservation",
        "art. 30(1)",
        "‘The Government of the Islamic Republic of Pakistan does not consider",
        "Paragraph 1 of the Convention’.",
        None,
        "",
        K30 + " Signature 17 Apr 2008, ratification 23 Jun 2010: the scrape does not say which.",
    ),
    Sel(
        "Panama",
        "cat",
        "reservation",
        "art. 30(1)",
        None,
        None,
        None,
        "",
        K30 + " Panama signed 22 Feb 1985 and ratified 24 Aug 1987; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "Poland",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        "bound by article 20 of the Convention.",
        None,
        "",
        K28 + " Poland signed 13 Jan 1986 and ratified 26 Jul 1989; the scrape does not say "
        "with which act, and keeps no UNTC footnote on any later withdrawal.",
    ),
    Sel(
        "Poland",
        "cat",
        "reservation",
        "art. 30(1)",
        "Furthermore,",
        None,
        None,
        "",
        K30 + " Signature 13 Jan 1986, ratification 26 Jul 1989: the scrape does not say which.",
    ),
    Sel(
        "Qatar",
        "cat",
        "reservation",
        "general (limited to arts. 1 and 16)",
        None,
        None,
        None,
        "",
        "WITHDRAWALS: the scraped text is Qatar's later notification that it '1) partially "
        "withdraws its general reservation, while keeping in effect a limited general "
        "reservation within the framework of Articles 1 and 16 of the Convention, and 2) "
        "withdraws its reservation to the mandate of the Committee against Torture as "
        "stipulated in Articles 21 and 22 of the Convention' (quoted as scraped). The "
        "original general reservation (Qatar acceded 11 Jan 2000, participant table) and "
        "the date of this partial withdrawal are NOT in the scrape; the date is left empty. "
        "The scraped wording 'Articles 21 and 22' should be checked against the live UNTC "
        "page (a reservation to the Committee's mandate is usually one to art. 20); recorded "
        "as read.",
    ),
    Sel(
        "Saudi Arabia",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        "The Kingdom of Saudi Arabia does not recognize",
        "article 20 of this Convention.",
        "accession",
        R28,
        "The scrape heads the passage 'Reservations:'.",
    ),
    Sel(
        "Saudi Arabia",
        "cat",
        "reservation",
        "art. 30(1)",
        "The Kingdom of Saudi Arabia shall not be bound",
        None,
        "accession",
        R30,
        "The scrape heads the passage 'Reservations:'.",
    ),
    Sel(
        "South Africa",
        "cat",
        "declaration",
        "art. 30",
        None,
        None,
        None,
        "",
        "South Africa accepts the ICJ's competence under art. 30 (not a reservation). "
        "Signed 29 Jan 1993, ratified 10 Dec 1998; the scrape does not say with which act.",
    ),
    Sel(
        "Thailand",
        "cat",
        "declaration",
        "art. 1",
        '"1. With respect to the term',
        "Article 1 of the Convention at the earliest opportunity.",
        "accession",
        "Thailand's only act in the participant table is its accession; the scrape prints "
        "no date and an interpretative declaration could in principle be made later, so "
        "this date is that of the instrument the text is believed to accompany",
        "Points 2 and 3 (arts. 4 and 5) of the same text are not kept. Kind: the text says "
        "art. 1 'shall accordingly be interpreted in conformity with the current Thai Penal "
        "Code'.",
    ),
    Sel(
        "Thailand",
        "cat",
        "reservation",
        "art. 30(1)",
        "The Kingdom of Thailand does not consider",
        None,
        "accession",
        R30,
        K30,
    ),
    Sel(
        "Turkey",
        "cat",
        "reservation",
        "art. 30(1)",
        None,
        None,
        None,
        "",
        K30 + " Turkey signed 25 Jan 1988 and ratified 2 Aug 1988; the scrape does not say "
        "with which act.",
    ),
    Sel(
        "United Arab Emirates",
        "cat",
        "reservation",
        "art. 20 (under art. 28(1))",
        None,
        "referred to in article 20 of the Convention.",
        "accession",
        R28,
        K28,
    ),
    Sel(
        "United Arab Emirates",
        "cat",
        "reservation",
        "art. 30(1)",
        "In accordance with paragraph 2 of article 30",
        "relating to arbitration in this Convention.",
        "accession",
        R30,
        K30,
    ),
    Sel(
        "United Arab Emirates",
        "cat",
        "understanding",
        "arts. 1 and 16",
        "The United Arab Emirates also confirms",
        None,
        "accession",
        "the UAE's only act in the participant table is its accession; the scrape prints no "
        "date and the statement follows the reservations made at accession",
        "Kind: 'confirms' how it reads 'torture' (art. 1) and 'cruel, inhuman or degrading "
        "treatment or punishment' (the art. 16 term); UNTC's heading is not in the scrape.",
    ),
    Sel(
        "United States of America",
        "cat",
        "reservation",
        "art. 30(1)",
        "(2)That pursuant to article 30 (2)",
        "in a particular case.",
        "ratification",
        "Senate reservation I(2); the Senate's reservations, understandings and declarations "
        "accompanied the instrument of ratification (as for the existing US rows)",
        K30,
    ),
    Sel(
        "United States of America",
        "cat",
        "understanding",
        "general (death penalty)",
        "(4)That the United States understands that international law",
        "prior to the imposition of the death penalty.",
        "ratification",
        "Senate understanding II(4), made with the instrument of ratification",
        "Not tied to one article; relevant to transfers where the death penalty is at stake.",
    ),
    Sel(
        "United States of America",
        "cat",
        "understanding",
        "arts. 10-14 and 16",
        "(5)That the United States understands that this Convention shall be implemented",
        "for the fulfilment of the Convention.",
        "ratification",
        "Senate understanding II(5), made with the instrument of ratification",
        "Federal-state clause; art. 16 is among the articles named.",
    ),
    Sel(
        "Viet Nam",
        "cat",
        "reservation",
        "arts. 20 and 30(1)",
        None,
        "bound by article 30, paragraph 1.",
        None,
        "",
        "One sentence covers both articles, so one row. Viet Nam signed 7 Nov 2013 and "
        "ratified 5 Feb 2015 (participant table); the scrape does not say with which act. "
        "The declaration on extradition (art. 4 offences) in the same text is not kept.",
    ),
    # ---------------- ICCPR (declarations/4-4.txt) ----------------
    Sel(
        "Botswana",
        "iccpr",
        "reservation",
        "art. 7",
        None,
        "Section 7 of the Constitution of the Republic of Botswana.",
        "same",
        "signature and ratification share the date in the participant table (8 Sep 2000)",
        "Point (b) on art. 12(3) is not kept.",
    ),
    Sel(
        "United Kingdom of Great Britain and Northern Ireland",
        "iccpr",
        "reservation",
        "general (service and custodial discipline; immigration)",
        "The Government of the United Kingdom reserve the right to apply to members",
        "remain in the United Kingdom.",
        "ratification",
        "the passage follows 'Firstly the Government of the United Kingdom maintain their "
        "declaration in respect of article 1 made at the time of signature', i.e. it is in "
        "the statement made on ratification",
        "Two reservations reaching every provision of the Covenant (art. 7 included) for "
        "persons in the armed forces or lawfully detained, and for immigration legislation "
        "('their acceptance of article 12 (4) and of the other provisions of the Covenant is "
        "subject to'); the paragraph on art. 10 between them is kept as it stands in the "
        "scraped text. The following sentence on dependent territories is not kept.",
    ),
    Sel(
        "United States of America",
        "iccpr",
        "declaration",
        "arts. 1-27",
        "(1)That the United States declares that the provisions of articles 1 through 27",
        "are not self-executing.",
        "ratification",
        "the US ICCPR reservations, understandings and declarations were made with the "
        "instrument of ratification (as for the existing US art. 7 row)",
        "Covers art. 7.",
    ),
    Sel(
        "United States of America",
        "iccpr",
        "understanding",
        "general (federal clause)",
        "(5)That the United States understands that this Covenant shall be implemented",
        "for the fulfillment of the Covenant.",
        "ratification",
        "made with the instrument of ratification (as for the existing US art. 7 row)",
        "",
    ),
    Sel(
        "Turkey",
        "iccpr",
        "declaration",
        "general",
        None,
        "the legal and administrative order of the Republic of Turkey are applied.",
        None,
        "",
        "Three declarations on the Covenant as a whole (UN Charter, application only to "
        "States with which Turkey has diplomatic relations, territorial scope); the "
        "reservation on art. 27 that follows is not kept. Turkey signed 15 Aug 2000 and "
        "ratified 23 Sep 2003; the scrape does not say with which act.",
    ),
    # ---------------- 1951 Convention (declarations/5-2.txt) ----------------
    Sel(
        "Angola",
        "refugee-convention",
        "reservation",
        "general",
        None,
        "more extensive rights than are enjoyed by Angolan citizens.",
        "accession",
        R42,
        "A reservation subjecting the Convention as a whole (art. 33 included) to Angolan "
        "law. The reservations on arts. 8, 9, 17 and freedom of movement that follow are "
        "not kept. Art. 42(1) excludes reservations to art. 33.",
    ),
    Sel(
        "Holy See",
        "refugee-convention",
        "reservation",
        "general",
        None,
        None,
        None,
        "",
        "Made 'in conformity with the terms of article 42, paragraph 1' (which excludes "
        "reservations to art. 33). The Holy See signed 21 May 1952 and ratified "
        "15 Mar 1956; the scrape does not say with which act.",
    ),
    Sel(
        "Turkey",
        "refugee-convention",
        "reservation",
        "general",
        "No provision of this Convention may be interpreted",
        "accorded to Turkish citizens in Turkey;",
        "ratification",
        "Turkey's accession to the 1967 Protocol (declarations/5-5.txt) refers to 'the "
        "reservation clause made upon ratification of the Convention to the effect that no "
        "provision of this Convention may be interpreted as granting to refugees greater "
        "rights than those accorded to Turkish citizens in Turkey'",
        "Turkey's declaration under art. 1B (events occurring in Europe) is not in the "
        "scraped 5-2 text (only referred to in 5-5); see the refugee-protocol row. The "
        "other Turkish statements in the section (art. 1A and 1C, the Bulgarian refugees) "
        "are not kept.",
    ),
    Sel(
        "Uganda",
        "refugee-convention",
        "reservation",
        "art. 32 (art. 33 preserved)",
        "(8) In respect of article 32",
        "article 33 of this Convention.",
        "accession",
        R42,
        "Kept because it names art. 33: expulsion 'without recourse to legal process', "
        "'so however that' it 'shall not operate to the prejudice of the provisions of "
        "article 33'. Points (1)-(7) (arts. 7, 8, 9, 13, 15, 16, 17, 25) are not kept.",
    ),
    Sel(
        "Somalia",
        "refugee-convention",
        "declaration",
        "general",
        None,
        None,
        "accession",
        "the text says Somalia 'acceded to the Convention and Protocol on the "
        "understanding', i.e. with the accession",
        "Also made for the 1967 Protocol (5-5 refers to chapter V.2 for Somalia; Somalia "
        "acceded to the Protocol on 10 Oct 1978 as well per treaties/5-5.csv).",
    ),
]

# 1967 Protocol: every statement in the scrape (all made under art. VII).
P = "refugee-protocol"
SELECTIONS += [
    Sel("Angola", P, "reservation", "art. IV (under art. VII(1))", None, None, "accession", R7, ""),
    Sel(
        "Botswana",
        P,
        "reservation",
        "art. I (Convention arts. 7, 12(1), 17, 26, 31, 32, 34) and art. IV",
        None,
        None,
        "accession",
        R7,
        "Includes arts. 31 and 32 (illegal entry, expulsion).",
    ),
    Sel(
        "Burundi",
        P,
        "reservation",
        "art. I (Convention arts. 17, 22, 26)",
        None,
        None,
        "accession",
        "the text opens 'In acceding to this Protocol'",
        "",
    ),
    Sel(
        "Cabo Verde",
        P,
        "reservation",
        "art. I (most-favoured-nation clauses)",
        None,
        None,
        "accession",
        R7,
        "Kind: UNTC's heading is not in the scrape.",
    ),
    Sel(
        "China",
        P,
        "reservation",
        "art. IV (under art. VII(1))",
        None,
        None,
        "accession",
        R7,
        "The scrape says 'article 4'.",
    ),
    Sel("Congo", P, "reservation", "art. IV (under art. VII(1))", None, None, "accession", R7, ""),
    Sel(
        "El Salvador",
        P,
        "reservation",
        "art. IV (under art. VII(1))",
        None,
        None,
        "accession",
        R7,
        "The scrape says 'article 4'.",
    ),
    Sel("Ghana", P, "reservation", "art. IV (under art. VII(1))", None, None, "accession", R7, ""),
    Sel(
        "Honduras",
        P,
        "reservation",
        "art. I(1)",
        None,
        None,
        "accession",
        R7,
        "Carries Honduras's reservations to the 1951 Convention over to the Protocol.",
    ),
    Sel(
        "Israel",
        P,
        "reservation",
        "art. VII(2) (Convention reservations maintained)",
        None,
        None,
        "accession",
        "the text says 'The Government of Israel accedes to the Protocol subject to'",
        "",
    ),
    Sel(
        "Jamaica",
        P,
        "reservation",
        "art. I (Convention arts. 8, 9, 17, 24, 25) and art. IV",
        None,
        None,
        "accession",
        R7,
        "",
    ),
    Sel(
        "Latvia",
        P,
        "declaration",
        "art. VII(2) (Convention reservations maintained)",
        None,
        'in relation to the obligations under the Protocol."',
        None,
        "",
        "The scrape says 'article 41 of the Convention' (reservations are made under art. 42); "
        "recorded as read. Latvia acceded to the Protocol 31 Jul 1997 (treaties/5-5.csv); a "
        "declaration under art. VII(2) is not tied to accession by the text, so the date is "
        "left empty.",
    ),
    Sel(
        "Malawi",
        P,
        "declaration",
        "art. IV",
        None,
        None,
        None,
        "",
        "Malawi acceded 10 Dec 1987 (treaties/5-5.csv); the scrape prints no date for the "
        "declaration.",
    ),
    Sel(
        "Malta",
        P,
        "reservation",
        "art. VII(2) (Convention reservations maintained)",
        None,
        None,
        None,
        "",
        "Malta acceded to the Protocol 15 Sep 1971 (treaties/5-5.csv); the scrape prints no "
        "date for this statement. The text itself dates Malta's Convention reservations to "
        "its accession to the Convention on 17 Jun 1971.",
    ),
    Sel(
        "Netherlands",
        P,
        "reservation",
        "art. VII(2) (Convention reservations maintained)",
        None,
        None,
        "accession",
        R7,
        "",
    ),
    Sel(
        "Peru",
        P,
        "declaration",
        "arts. I(1) and II",
        None,
        None,
        None,
        "",
        "Peru acceded 15 Sep 1983 (treaties/5-5.csv); the text refers to 'the act of "
        "accession' but the scrape prints no date for the declaration.",
    ),
    Sel(
        "Portugal",
        P,
        "declaration",
        "art. I(3) (no geographical limitation)",
        None,
        "any geographical limitation.",
        None,
        "",
        "Point 2 (most-favoured-nation treatment) is not kept. Portugal acceded 13 Jul 1976 "
        "(treaties/5-5.csv); the scrape prints no date for the declaration.",
    ),
    Sel("Rwanda", P, "reservation", "art. IV (under art. VII(1))", None, None, "accession", R7, ""),
    Sel(
        "St. Vincent and the Grenadines",
        P,
        "reservation",
        "art. IV (under art. VII(1))",
        None,
        None,
        "accession",
        R7,
        "",
    ),
    Sel(
        "Swaziland",
        P,
        "reservation",
        "art. I (Convention arts. 22 and 34)",
        None,
        'the right not to apply the provisions therein."',
        "accession",
        R7,
        "The following statement on Swaziland's accession as a UN member (not by "
        "succession) is not kept. Swaziland is now Eswatini (SWZ).",
    ),
    Sel(
        "Timor-Leste",
        P,
        "reservation",
        "art. I (Convention arts. 16(2), 20, 21, 22, 23, 24)",
        None,
        None,
        "accession",
        "the text says Timor-Leste 'accedes to the Protocol, with the understanding'",
        "",
    ),
    Sel(
        "Turkey",
        P,
        "declaration",
        "art. I (1951 Convention art. 1B: events occurring in Europe; general reservation "
        "maintained)",
        None,
        None,
        "accession",
        "the text says 'The instrument of accession stipulates'",
        "Turkey maintains its declaration under art. 1B of the Convention (geographical "
        "limitation to events occurring in Europe) and its general reservation made upon "
        "ratification of the Convention (see the refugee-convention row). Kind: the sentence "
        "maintains both a declaration and a reservation; recorded as declaration after the "
        "art. 1B part.",
    ),
    Sel(
        "United Kingdom of Great Britain and Northern Ireland",
        P,
        "declaration",
        "art. VII(4) (territorial application)",
        None,
        None,
        None,
        "",
        "The UK acceded 4 Sep 1968 (treaties/5-5.csv); territorial notifications under "
        "art. VII(4) may be made later and the scrape prints no date.",
    ),
    Sel(
        "United Republic of Tanzania",
        P,
        "reservation",
        "art. IV (under art. VII(1))",
        None,
        None,
        "accession",
        R7,
        "",
    ),
    Sel(
        "United States of America",
        P,
        "reservation",
        "art. I (Convention arts. 24 and 29)",
        None,
        None,
        "accession",
        R7,
        "",
    ),
    Sel(
        "Venezuela (Bolivarian Republic of)",
        P,
        "reservation",
        "art. I (most-favoured-nation clauses) and art. IV",
        None,
        None,
        "accession",
        R7,
        "The art. IV reservation is only mentioned ('The instrument of accession also "
        "contains a reservation in respect of article IV'); its text is not in the scrape.",
    ),
]


VERDRAGEN = "verdragenbank.overheid.nl (Dutch government treaty database, official; stored copy)"
# Notes from other sources read in this session, keyed by (scrape name, slug).
POST_NOTES = {
    ("Afghanistan", "cat"): (
        "WITHDRAWAL after the scrape: the Dutch treaty database page for the CAT "
        "(https://verdragenbank.overheid.nl/nl/Verdrag/Details/000176_b.html, " + VERDRAGEN + ") "
        "gives this text under 'Afghanistan 01-04-1987' and then '17-04-2018 Withdrawal of the "
        "reservations to Articles 20 and 30 (1) of the Convention made upon ratification.' "
        "Not read on UNTC."
    ),
    ("Angola", "refugee-protocol"): (
        "Date confirmed in https://verdragenbank.overheid.nl/nl/Treaty/Details/003429_b.html "
        "(" + VERDRAGEN + "): 'Angola 23-06-1981' before the same text."
    ),
    ("Botswana", "refugee-protocol"): (
        "Date confirmed in https://verdragenbank.overheid.nl/nl/Treaty/Details/003429_b.html "
        "(" + VERDRAGEN + "): 'Botswana 06-01-1969' before the same text."
    ),
    ("Burundi", "refugee-protocol"): (
        "Date confirmed in https://verdragenbank.overheid.nl/nl/Treaty/Details/003429_b.html "
        "(" + VERDRAGEN + "): 'Burundi 15-03-1971' before the same text."
    ),
}


def sections(text: str) -> dict[str, str]:
    """'#Participant' sections of a declarations file, name -> body (stripped)."""
    parts = re.split(r"^#(.*)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts), 2)}


def participants(csv_text: str) -> dict[str, tuple[str, str]]:
    """Participant -> (signature cell, ratification/accession cell) as scraped."""
    rows = list(csv.reader(csv_text.splitlines()))[1:]
    out = {}
    for row in rows:
        if len(row) == 2:  # the 1967 Protocol table has no signature column
            out[row[0]] = ("", row[1])
        else:
            out[row[0]] = (row[1], row[2])
    return out


def iso(cell: str) -> str:
    """'1 Apr 1987 a' -> '1987-04-01'."""
    day, month, year = cell.split()[:3]
    return datetime.strptime(f"{day} {month} {year}", "%d %b %Y").date().isoformat()


def cut(body: str, sel: Sel) -> str:
    """The verbatim passage of `body` from sel.start to sel.end (inclusive)."""
    try:
        i = 0 if sel.start is None else body.index(sel.start)
        j = len(body) if sel.end is None else body.index(sel.end, i) + len(sel.end)
    except ValueError:
        raise SystemExit(f"passage not found: {sel.name} {sel.slug} {sel.provision}") from None
    return body[i:j].strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("git_dir")
    ap.add_argument("out")
    args = ap.parse_args()

    existing = {
        (r["state"], r["instrument"], r["provision"])
        for r in csv.DictReader(EXISTING.open(encoding="utf-8"))
    }
    rows, skipped = [], []
    cache: dict[str, tuple[dict[str, str], dict[str, tuple[str, str]]]] = {}
    for sel in SELECTIONS:
        stem, title, url = INSTRUMENTS[sel.slug][:3]
        if stem not in cache:
            cache[stem] = (
                sections(git_show(args.git_dir, f"declarations/{stem}.txt")),
                participants(git_show(args.git_dir, f"treaties/{stem}.csv")),
            )
        texts, table = cache[stem]
        state = NAME_EXTRA.get(sel.name) or alpha3(sel.name)
        if state is None:
            raise SystemExit(f"no ISO code for {sel.name!r}")
        if (state, sel.slug, sel.provision) in existing:
            skipped.append(f"{state} {sel.slug} {sel.provision}: already in treaty_statements")
            continue
        passage = cut(texts[sel.name], sel)
        text = re.sub(r"`", "'", passage)
        sig, rat = table[sel.name]
        row_csv = f"'{sel.name},{rat}'" if stem == "5-5" else f"'{sel.name},{sig},{rat}'"
        date = ""
        if sel.date_act == "same":
            assert sig and iso(sig) == iso(rat), sel
            date = iso(rat)
        elif sel.date_act == "signature":
            date = iso(sig)
        elif sel.date_act in ("ratification", "accession"):
            suffix = rat.split()[3:] if rat else []
            is_acc = suffix == ["a"]
            if sel.date_act == "accession" and not is_acc:
                raise SystemExit(f"{sel.name} {sel.slug}: not an accession: {rat!r}")
            if sel.date_act == "accession" and sig:
                raise SystemExit(f"{sel.name} {sel.slug}: also signed: {sig!r}")
            date = iso(rat)
        note = [
            "Text read in the public GitHub dataset zmjones/untreaties (scrape of the UNTC page, "
            f"commit 003ce13 of 2015-03-14, file declarations/{stem}.txt), not on the live "
            "UNTC page. The passage is cut verbatim from the scraped text, which runs "
            "paragraphs together without line breaks and drops UNTC's headings and footnotes "
            "(so a later withdrawal or modification not quoted in the text is not shown); "
            "the kind (reservation / understanding / declaration) is assigned from the "
            "wording."
        ]
        if "`" in passage:
            note.append("The scrape's backtick opening quotes are normalised to straight quotes.")
        if date:
            act = ACT_LABEL[sel.date_act or ""]
            note.append(
                f"Date: {act} {date} (participant table treaties/{stem}.csv: {row_csv}); "
                f"{sel.why_date}. The scrape prints no date next to the text."
            )
        else:
            note.append(
                f"Date not given in the scrape (participant table treaties/{stem}.csv: {row_csv})."
            )
        if sel.extra:
            note.append(sel.extra)
        if (sel.name, sel.slug) in POST_NOTES:
            note.append(POST_NOTES[(sel.name, sel.slug)])
        rows.append(
            {
                "state": state,
                "instrument": sel.slug,
                "kind": sel.kind,
                "provision": sel.provision,
                "date": date,
                "text": text,
                "source_title": f"{title} (declarations and reservations)",
                "source_url": url,
                "verified": "yes",
                "note": " ".join(note),
            }
        )
    keys = [(r["state"], r["instrument"], r["provision"]) for r in rows]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise SystemExit(f"duplicate keys: {sorted(dupes)}")
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} rows written to {args.out}")
    for s in skipped:
        print("skipped:", s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
