"""Editions of the guide on paper: the whole guide, and each top-level section, as an accessible
PDF built from the real MkDocs build.

The parts, each with one job:

- ``navigation``: the navigation as plain data (sections and pages, in order), and what each
  edition holds and is called;
- ``article``: a built page's article, without the site's screen-only parts;
- ``links``: ids made unique across pages, and links that lead within the PDF;
- ``document``: one HTML document per edition: cover, contents, pages, references;
- ``render``: the document as a tagged PDF (WeasyPrint), fetching nothing from outside the build;
- ``site_build``: the only part that needs MkDocs: builds the site and reads its navigation.

``edition.css`` beside them is the print stylesheet. The command is ``hooks/commands.py pdf``
(``make pdf``).
"""
