"""Briefs (справки): a state's, a partner's or the whole region's international ties over a period, in Russian,
every statement citing the report rows it comes from (`ties brief`, the workspace's «Справка»)."""

from __future__ import annotations

from graph.briefs.compose import Brief, Material, compose, read_material
from graph.briefs.render import FORMATS, docx, html_context, markdown
from graph.web.paths import entity_iri
from nlp import SMOLENSK_COUNTRY, official_name


class BriefError(ValueError):
    """A brief that cannot be made as asked: an unknown subject or period (said in Russian, one line)."""


def make_brief(material: Material, first: str, last: str, country: str = "", partner: str = "") -> Brief:
    """The brief on a state (by its code), a partner (IRI, page path or short id), or, with neither, the region."""
    if country and partner:
        raise BriefError("справка составляется либо по государству, либо по партнёру")
    periods = material.periods()
    if not periods:
        raise BriefError("в графе нет отчётов")
    try:
        if country:
            code = country.strip().upper()
            if code == SMOLENSK_COUNTRY:
                raise BriefError(f"{official_name(code)} — государство самой Смоленской области: справка по "
                                 "государству составляется о зарубежном; о регионе в целом — без государства")
            if not any(code in states for states in material.states.values()):
                raise BriefError(f"в графе нет мероприятий с государством {code}")
            return compose(material, "country", code, first, last, official_name(code))
        if partner:
            iri = entity_iri(partner)
            if iri not in material.names:
                raise BriefError(f"в графе нет участника {partner}")
            return compose(material, "partner", iri, first, last, material.names[iri])
        return compose(material, "all", "", first, last)
    except ValueError as error:
        if isinstance(error, BriefError):
            raise
        raise BriefError(str(error)) from error


def render(brief: Brief, fmt: str) -> bytes:
    """The brief as a file: docx, html (a page of its own) or md."""
    if fmt == "docx":
        return docx(brief)
    if fmt == "md":
        return markdown(brief).encode("utf-8")
    if fmt == "html":
        from graph.web.templating import templates

        page = templates().get_template("brief_file.html")
        return page.render(**html_context(brief, href=lambda iri: iri)).encode("utf-8")
    raise BriefError(f"формат справки: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Brief", "BriefError", "make_brief", "read_material", "render"]
