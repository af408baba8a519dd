"""The structure tree of the 2025 report, read as a screen reader reads it: running
headers and page numbers are artifacts, footnotes are Notes, every table is named by its
caption and is one Table however many pages it spans (reports/pdf_tags.py)."""
import io
import re
from collections import defaultdict

import pikepdf
import pypdf
import pytest

from reports import pdf_tags
from reports.rendering import report_html, report_pdf

ARTIFACT = "artifact"


@pytest.fixture(scope="module")
def structure(rendered_2025):
    with pikepdf.open(io.BytesIO(rendered_2025.pdf)) as document:
        yield document


@pytest.fixture(scope="module")
def html_2025(snapshot_2025):
    return report_html(snapshot_2025, medium="print")


@pytest.fixture(scope="module")
def untagged_2025(snapshot_2025):
    """The same report as WeasyPrint tags it, without reports.pdf_tags."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_tags, "finish_tags", lambda pdf, document: pdf)
        return report_pdf(snapshot_2025)


def _texts(pdf: bytes) -> list[dict]:
    """Per page: the text of each marked-content sequence by MCID, and the text of the
    artifacts under ARTIFACT."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        texts, stack = defaultdict(str), []

        def operator(op, args, matrix, text_matrix, stack=stack):
            if op in (b"BDC", b"BMC"):
                properties = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
                stack.append(ARTIFACT if args[0] == "/Artifact" else properties.get("/MCID"))
            elif op == b"EMC":
                stack.pop()

        def text(value, matrix, text_matrix, font, size, stack=stack, texts=texts):
            owner = ARTIFACT if ARTIFACT in stack else next((m for m in reversed(stack) if m is not None), None)
            texts[owner] += value

        page.extract_text(visitor_operand_before=operator, visitor_text=text)
        pages.append(texts)
    return pages


def _elements(document: pikepdf.Pdf):
    pending = [document.Root.StructTreeRoot.K[0]]
    while pending:
        element = pending.pop()
        yield element
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        pending.extend(reversed([kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]))


def _mcids(element: pikepdf.Dictionary) -> list[int]:
    kids = element.get("/K")
    return [int(kid) for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) if isinstance(kid, int)]


def _text(element: pikepdf.Dictionary, texts: list[dict], page_numbers: dict) -> str:
    """The text of ``element`` and its descendants, in reading order."""
    pending, found = [element], []
    while pending:
        current = pending.pop()
        if isinstance(current, int):
            continue
        found.extend(texts[page_numbers[current.Pg.objgen]].get(mcid, "") for mcid in _mcids(current))
        kids = current.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        pending.extend(reversed([kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]))
    return " ".join(found)


@pytest.fixture(scope="module")
def texts(rendered_2025):
    return _texts(rendered_2025.pdf)


@pytest.fixture(scope="module")
def page_numbers(structure):
    return {page.objgen: number for number, page in enumerate(structure.pages)}


def test_running_headers_and_page_numbers_are_artifacts(texts, snapshot_2025):
    running_title = snapshot_2025["edition"]["title"].upper()
    for number, page in enumerate(texts[1:], start=2):
        assert running_title in page[ARTIFACT], number
        assert re.search(rf"(^|\D){number}$", page[ARTIFACT].strip()), (number, page[ARTIFACT])
        tagged = [text for mcid, text in page.items() if mcid != ARTIFACT]
        assert not any(running_title in text for text in tagged), number


def test_every_marked_content_sequence_belongs_to_the_tree(structure):
    _assert_parent_tree_consistent(structure)


def _assert_parent_tree_consistent(structure: pikepdf.Pdf) -> None:
    # The ParentTree maps each MCID of a page to its element: no gaps, none outside the tree.
    in_tree = {element.objgen for element in _elements(structure)}
    nums = structure.Root.StructTreeRoot.ParentTree.Nums
    for index in range(0, len(nums), 2):
        if isinstance(nums[index + 1], pikepdf.Array):
            for mcid, element in enumerate(nums[index + 1]):
                assert element.objgen in in_tree, (int(nums[index]), mcid)
                assert mcid in _mcids(element)


def test_footnotes_are_notes_with_an_id(structure, texts, page_numbers, html_2025):
    notes = [element for element in _elements(structure) if element.S == "/Note"]
    assert len(notes) == html_2025.count('class="footnote"') > 0
    names = structure.Root.StructTreeRoot.IDTree.Names
    id_tree = {bytes(names[i]): names[i + 1].objgen for i in range(0, len(names), 2)}
    for number, note in enumerate(notes, start=1):
        assert _text(note, texts, page_numbers).strip().startswith(f"{number}. ")
        assert id_tree[bytes(note.ID)] == note.objgen


def test_each_table_is_named_by_its_caption(structure, html_2025):
    captions = re.findall(r"<caption>(.*?)</caption>", html_2025)
    named = []
    for table in _elements(structure):
        if table.S != "/Table":
            continue
        for kid in table.K:
            if kid.get("/S") == "/Caption":
                assert str(kid.Alt) == str(table.A.Summary)
                named.append(str(kid.Alt))
    assert named == captions
    assert len(captions) == 18


def test_a_table_split_over_pages_is_one_table(structure, texts, page_numbers, html_2025, snapshot_2025):
    tables = [element for element in _elements(structure) if element.S == "/Table"]
    assert len(tables) == html_2025.count("<table")
    # The motions table fills three pages; WeasyPrint repeats its header row on each.
    motions = [table for table in tables
               if _text(table.K[0], texts, page_numbers).split() == ["Moties", "Toelichting", "Status"]]
    assert len(motions) == 1
    heads = [group for group in motions[0].K if group.S == "/THead"]
    rows = [row for group in motions[0].K if group.S == "/TBody" for row in group.K]
    assert len(heads) == 1
    assert len(rows) == len(snapshot_2025["motions"])
    assert len({page_numbers[row.Pg.objgen] for row in rows}) == 3


def test_every_data_cell_names_header_cells_of_its_own_table(structure):
    _assert_headers_in_own_table(structure)


def _assert_headers_in_own_table(structure: pikepdf.Pdf) -> None:
    ids = {}
    for element in _elements(structure):
        if "/ID" in element:
            ids[bytes(element.ID)] = element
    for cell in _elements(structure):
        if cell.S == "/TD" and "/Headers" in cell.A:
            table = cell.P.P.P
            for key in cell.A.Headers:
                assert ids[bytes(key)].P.P.P.objgen == table.objgen


def test_the_visible_report_is_unchanged(rendered_2025, untagged_2025):
    # Only the marking of the content changes (BDC operands); every drawing, text
    # included, stays as WeasyPrint made it.
    with pikepdf.open(io.BytesIO(rendered_2025.pdf)) as tagged, pikepdf.open(io.BytesIO(untagged_2025.pdf)) as plain:
        assert len(tagged.pages) == len(plain.pages) == rendered_2025.page_count
        for before, after in zip(plain.pages, tagged.pages, strict=True):
            assert _drawing(before) == _drawing(after)


def _drawing(page: pikepdf.Page) -> list[str]:
    return [repr(instruction) for instruction in pikepdf.parse_content_stream(page)
            if instruction.operator != pikepdf.Operator("BDC")]


def test_a_long_table_with_head_and_foot_is_one_table_with_one_of_each():
    from weasyprint import HTML

    rows = "".join(f"<tr><th scope='row'>Rij {n}</th><td>Waarde {n}</td></tr>" for n in range(120))
    html = (f"<html lang='nl'><head><title>Proef</title></head><body><table><caption>Proeftabel</caption>"
            f"<thead><tr><th scope='col'>Rij</th><th scope='col'>Waarde</th></tr></thead>"
            f"<tfoot><tr><td>Totaal</td><td>120</td></tr></tfoot><tbody>{rows}</tbody></table></body></html>")
    document = HTML(string=html).render(pdf_variant="pdf/ua-1", pdf_tags=True)
    assert len(document.pages) > 2
    pdf = pdf_tags.finish_tags(document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True), document)
    with pikepdf.open(io.BytesIO(pdf)) as structure:
        _assert_parent_tree_consistent(structure)
        _assert_headers_in_own_table(structure)
        tables = [element for element in _elements(structure) if element.S == "/Table"]
        assert len(tables) == 1
        assert [str(group.S) for group in tables[0].K] == ["/Caption", "/THead", "/TBody", "/TFoot"]
        assert str(tables[0].A.Summary) == "Proeftabel"
        assert len(tables[0].K[2].K) == 120
