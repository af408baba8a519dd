"""Finish the structure tree that WeasyPrint 70 writes for the report, so that a screen
reader reads the report as the document it is.

WeasyPrint tags the PDF page by page, from its layout boxes. Five things it leaves to us:

- The margin boxes (running headers, page numbers) are marked content with an MCID whose
  structure elements hang in the ParentTree but nowhere in the tree: WeasyPrint marks
  artifacts only in PDF 2.0 (``weasyprint/pdf/tags.py``). Here they become
  ``/Artifact <</Type /Pagination>>`` and leave the ParentTree.
- A footnote is a loose Span in the page's footnote area; here it becomes a Note with an
  ID, as ISO 14289-1 7.9 asks.
- A table caption hidden in print (``font-size: 0``) has no text, so its Caption is
  empty; here the Caption gets the caption's text as /Alt and the Table as /Summary.
- A table split over pages becomes one Table per page, each with the header (and footer)
  rows that WeasyPrint repeats; here the body rows of each continuation join the first
  Table, and what it repeats becomes artifact.
- Table header cells have no /Scope (``_header_scopes``).

What belongs together is read from WeasyPrint's own layout (the rendered document's page
boxes), never guessed from the PDF's text.
"""
import io
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pikepdf

logger = logging.getLogger(__name__)

PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)


@dataclass
class _PageLayout:
    """What the page boxes of one page tell about its structure elements."""
    # Each table on the page in the order WeasyPrint tags them: its HTML element and the
    # text of its caption ("" without one).
    tables: list[tuple[Any, str]] = field(default_factory=list)
    footnotes: int = 0


def _page_layouts(document) -> list[_PageLayout]:
    """Read each page's tables and footnotes from a rendered WeasyPrint document."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder

    def tables(box, found: list[tuple[Any, str]]) -> None:
        if isinstance(box, AbsolutePlaceholder):
            box = box._box
        if isinstance(box, boxes.MarginBox):
            return
        if box.element_tag == "table" and box.is_table_wrapper:
            caption = next(
                (child.element for child in box.children if child.element_tag == "caption"), None)
            text = " ".join("".join(caption.itertext()).split()) if caption is not None else ""
            found.append((box.element, text))
        for child in getattr(box, "children", ()):
            tables(child, found)

    layouts = []
    for page in document.pages:
        layout = _PageLayout()
        for child in page._page_box.children:
            if isinstance(child, boxes.FootnoteAreaBox):
                layout.footnotes = len(child.children)
            tables(child, layout.tables)
        layouts.append(layout)
    return layouts


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    if isinstance(kids, pikepdf.Array):
        return list(kids)
    return [] if kids is None else [kids]


def _descendants(element: pikepdf.Dictionary, name: str):
    """Structure elements of type ``name`` under ``element``, in reading order."""
    for kid in _kids(element):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            if kid.get("/S") == name:
                yield kid
            yield from _descendants(kid, name)


def _mcids(element: pikepdf.Dictionary):
    """The marked-content IDs of ``element`` and its descendants (all on their own /Pg)."""
    for kid in _kids(element):
        if isinstance(kid, int):
            yield element, int(kid)
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from _mcids(kid)


def _groups(table: pikepdf.Dictionary, *names: str) -> list[pikepdf.Dictionary]:
    """The children of ``table`` of the types ``names`` (THead, TBody, TR)."""
    return [kid for kid in _kids(table) if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") in names]


def _remove(element: pikepdf.Dictionary) -> None:
    """Take ``element`` out of its parent, and the parents it leaves empty."""
    parent = element.P
    parent.K = pikepdf.Array([kid for kid in _kids(parent) if kid.objgen != element.objgen])
    if not _kids(parent) and parent.get("/S") not in (None, "/Document"):
        _remove(parent)


class _Tree:
    def __init__(self, document: pikepdf.Pdf):
        self.pdf = document
        self.root = document.Root.StructTreeRoot
        self.document = self.root.K[0]
        self.page_numbers = {page.objgen: number for number, page in enumerate(document.pages)}
        self.nums = self.root.ParentTree.Nums
        # Page number -> where in Nums the array is that maps each MCID on that page to
        # its element (the other entries are annotations).
        self.parents = {int(self.nums[i]): i + 1 for i in range(0, len(self.nums), 2)
                        if isinstance(self.nums[i + 1], pikepdf.Array)}
        self.artifacts: dict[int, set[int]] = defaultdict(set)
        self.elements = self._elements()
        # Element IDs (table header cells, notes) for the IDTree.
        self.ids = {bytes(element.ID): element for element in self.elements if "/ID" in element}

    def page_of(self, element: pikepdf.Dictionary) -> int:
        return self.page_numbers[element.Pg.objgen]

    def _elements(self) -> list[pikepdf.Dictionary]:
        """Every structure element in the tree, in reading order."""
        found = []
        pending = [self.document]
        while pending:
            element = pending.pop()
            found.append(element)
            pending.extend(reversed([
                kid for kid in _kids(element) if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]))
        return found

    def make_artifact(self, element: pikepdf.Dictionary) -> None:
        """Mark the content of ``element`` as artifact and take it out of the tree."""
        for owner, mcid in _mcids(element):
            self.artifacts[self.page_of(owner)].add(mcid)
        _remove(element)

    def margin_boxes_to_artifacts(self) -> None:
        """WeasyPrint gives margin box content elements that the tree does not reach."""
        reachable = {element.objgen for element in self.elements}
        for page, index in self.parents.items():
            for mcid, parent in enumerate(self.nums[index]):
                if parent.objgen not in reachable:
                    self.artifacts[page].add(mcid)

    def footnotes_to_notes(self, layouts: list[_PageLayout]) -> None:
        last_on_page = {self.page_of(element): element for element in _kids(self.document)}
        number = 0
        for page, layout in enumerate(layouts):
            if not layout.footnotes:
                continue
            # The footnote area comes after the page's content (WeasyPrint's page box
            # children: root, footnote area, margin boxes), so it is the page's last element.
            area = last_on_page[page]
            footnotes = [kid for kid in _kids(area) if isinstance(kid, pikepdf.Dictionary)]
            if area.S != "/NonStruct" or len(footnotes) != layout.footnotes:
                logger.warning("Footnote area of page %s not found in the structure tree", page + 1)
                continue
            for footnote in footnotes:
                number += 1
                footnote.S = pikepdf.Name.Note
                footnote.ID = pikepdf.String(f"voetnoot-{number}")
                self.ids[bytes(footnote.ID)] = footnote

    def tables_joined(self, layouts: list[_PageLayout]) -> None:
        """Name each table by its caption and join the parts of a table split over pages."""
        parts_by_page = defaultdict(list)
        for element in self.elements:
            if element.S == "/Table":
                parts_by_page[self.page_of(element)].append(element)
        first_part: dict[int, pikepdf.Dictionary] = {}
        for page, layout in enumerate(layouts):
            parts = parts_by_page[page]
            if len(parts) != len(layout.tables):
                logger.warning("Tables of page %s do not match the structure tree", page + 1)
                continue
            for part, (html_table, caption) in zip(parts, layout.tables, strict=True):
                first = first_part.setdefault(id(html_table), part)
                if first is part:
                    if caption:
                        self._name(part, caption)
                else:
                    self._join(first, part)

    @staticmethod
    def _name(table: pikepdf.Dictionary, caption: str) -> None:
        text = pikepdf.String(caption)
        attributes = table.get("/A")
        if not isinstance(attributes, pikepdf.Dictionary):
            attributes = table.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
        attributes.Summary = text
        for kid in _groups(table, "/Caption"):
            kid.Alt = text

    def _join(self, first: pikepdf.Dictionary, part: pikepdf.Dictionary) -> None:
        """Move the body rows of ``part`` into ``first``. What WeasyPrint repeats on each
        page (the header row, a footer row) becomes artifact, and the cells that named the
        repeated header cells name those of ``first``."""
        first_headers = [cell for head in _groups(first, "/THead") for cell in _descendants(head, "/TH")]
        renamed = {}
        for head in _groups(part, "/THead"):
            repeated = list(_descendants(head, "/TH"))
            renamed.update({bytes(cell.ID): original.ID
                            for cell, original in zip(repeated, first_headers, strict=False) if "/ID" in cell})
            for cell in repeated:
                self.ids.pop(bytes(cell.get("/ID", b"")), None)
        for cell in _descendants(part, "/TD"):
            headers = cell.get("/A", {}).get("/Headers")
            if headers is not None:
                cell.A.Headers = pikepdf.Array([renamed.get(bytes(key), key) for key in headers])
        groups = _groups(first, "/TBody")
        target = groups[-1] if groups else first
        for group in _groups(part, "/TBody", "/TR"):
            for row in _kids(group) if group.S == "/TBody" else [group]:
                row.P = target
                target.K.append(row)
        repeated_groups = [kid for kid in _kids(part) if isinstance(kid, pikepdf.Dictionary)
                           and kid.get("/S") not in (None, "/TBody", "/TR")]
        part.K = pikepdf.Array(repeated_groups)
        if not repeated_groups:
            _remove(part)
        # Taking out the last of them takes the emptied part out with it.
        for group in repeated_groups:
            self.make_artifact(group)

    def write_artifacts(self) -> None:
        """Turn the collected marked content into artifacts and number the rest again, so
        each page's ParentTree array stays indexed by MCID without gaps."""
        for page_number, dropped in self.artifacts.items():
            parents = self.nums[self.parents[page_number]]
            kept = [mcid for mcid in range(len(parents)) if mcid not in dropped]
            renumber = {old: new for new, old in enumerate(kept)}
            page = self.pdf.pages[page_number]
            page.contents_coalesce()
            page.Contents.write(_marked_content_rewritten(
                page.Contents.read_bytes(), dropped, renumber, len(parents)))
            renumbered = set()
            for old in kept:
                owner = parents[old]
                if owner.objgen not in renumbered and renumber[old] != old:
                    renumbered.add(owner.objgen)
                    owner.K = pikepdf.Array([
                        renumber[int(kid)] if isinstance(kid, int) else kid for kid in _kids(owner)])
            self.nums[self.parents[page_number]] = pikepdf.Array([parents[old] for old in kept])

    def write_id_tree(self) -> None:
        """ISO 32000-1 14.7.2: with element IDs (table headers, notes) the root needs an IDTree."""
        names = pikepdf.Array()
        for key in sorted(self.ids):
            names.append(pikepdf.String(key))
            names.append(self.ids[key])
        self.root.IDTree = self.pdf.make_indirect(pikepdf.Dictionary(Names=names))


# WeasyPrint (pydyf) writes each tagged sequence as "/Span <</MCID 7>> BDC" and text as
# hex strings, so this cannot match inside text; the count check below guards that.
_MARKED = re.compile(rb"/(\w+)\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
_ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


def _marked_content_rewritten(content: bytes, dropped: set[int], renumber: dict[int, int], count: int) -> bytes:
    """The page ``content`` with the sequences ``dropped`` as artifacts and the others
    numbered by ``renumber``. Rewriting the bytes keeps every drawing operator as it was
    and costs a fraction of parsing the stream."""
    seen = []

    def rewritten(match: re.Match) -> bytes:
        mcid = int(match[2])
        seen.append(mcid)
        return _ARTIFACT if mcid in dropped else b"/%s <</MCID %d>> BDC" % (match[1], renumber[mcid])

    content = _MARKED.sub(rewritten, content)
    if sorted(seen) != list(range(count)):
        raise ValueError(f"Marked content does not match the ParentTree: {count} expected, found {len(seen)}")
    return content


def _header_scopes(opened: pikepdf.Pdf) -> None:
    """Give every table header cell of the structure tree its /Scope: /Column in a
    table's head, /Row in its body.

    WeasyPrint 70 links each data cell to its headers (/Headers and /IDs), which ISO
    14289-1 7.5 accepts, but writes no /Scope on the header cells themselves, and checkers
    (pdfua UA-15-003) and some screen readers look there. The HTML has the same scope
    attributes, so nothing is invented here.
    """
    for header in _descendants(opened.Root.StructTreeRoot, "/TH"):
        row = header.get("/P")
        group = row.get("/P") if row is not None else None
        in_head = group is not None and group.get("/S") == "/THead"
        attributes = header.get("/A")
        if not isinstance(attributes, pikepdf.Dictionary):
            attributes = pikepdf.Dictionary(O=pikepdf.Name.Table)
            header.A = attributes
        attributes.Scope = pikepdf.Name.Column if in_head else pikepdf.Name.Row


def finish_tags(pdf: bytes, document) -> bytes:
    """The report ``pdf`` with its structure tree finished (see the module docstring);
    ``document`` is the WeasyPrint document it was written from."""
    layouts = _page_layouts(document)
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        tree = _Tree(opened)
        tree.margin_boxes_to_artifacts()
        tree.footnotes_to_notes(layouts)
        tree.tables_joined(layouts)
        tree.write_artifacts()
        tree.write_id_tree()
        _header_scopes(opened)
        out = io.BytesIO()
        # Same input, same bytes: the document ID is derived from the content.
        opened.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()
