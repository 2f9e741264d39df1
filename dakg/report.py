"""The readable report of ``dakg extract``: what was found, fact by fact, with its passage.

Document text is printed as data (``rich.text.Text``), never interpreted as markup.
"""

from __future__ import annotations

from typing import Any

_ENTITY_LISTS = ("persons", "states", "instruments", "bodies", "organisations", "articles")
_EVENTS = {
    "transfers": ("transfer", ("person", "from", "to", "date", "kind")),
    "proposed_transfers": ("proposed transfer", ("person", "from", "to", "date", "status")),
    "assurances": ("assurance", ("given_by", "sought_by", "about", "date", "kind")),
    "outcomes": ("outcome", ("person", "what", "where", "date")),
    "decisions": ("decision", ("body", "about", "date", "finding")),
    "advocacy": ("advocacy", ("kind", "author", "addressee", "date")),
    "roles": ("role", ("person", "title", "organisation")),
}


def print_report(results: dict[str, dict[str, Any]]) -> None:
    """Print each document's entities and events for an analyst to review."""
    from rich.console import Console
    from rich.text import Text

    console = Console()
    for name, found in results.items():
        console.rule(Text(f"{name}: {found.get('title') or ''}"))
        if found.get("skipped"):
            console.print(Text(f"skipped: {found['skipped']}", style="yellow"))
        for key in _ENTITY_LISTS:
            if found.get(key):
                line = Text(f"{key}: ", style="bold")
                line.append(", ".join(found[key]))
                console.print(line)
        for group in found.get("groups", []):
            members = ", ".join(group["members"] + group["inferred_members"]) or "none named"
            console.print(Text(f"group: {group['name']} (members: {members})"))
        for key, (singular, fields) in _EVENTS.items():
            for item in found.get(key, []):
                summary = "; ".join(
                    f"{field} {item[field]}" for field in fields if item.get(field) is not None
                )
                line = Text(f"{singular}: ", style="bold")
                line.append(summary)
                line.append(f"  [{item['key']}]", style="dim")
                if item.get("alleged"):
                    line.append("  (alleged)", style="yellow")
                if item.get("attributed_to"):
                    line.append(f"  (according to {item['attributed_to']})", style="yellow")
                console.print(line)
                for evidence in item["evidence"][:2]:
                    quote = Text(f"    “{evidence['quote']}” ", style="italic")
                    quote.append(f"@{evidence['start']}-{evidence['end']}", style="dim")
                    console.print(quote)
                for note in item.get("notes", []):
                    console.print(Text(f"    note: {note}", style="dim"))
