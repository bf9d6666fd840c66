"""Uji peramban: fixture dan alat bantunya ada di ``tests/bantuan_peramban.py``, dipasang sebagai plugin oleh
``tests/conftest.py`` sehingga folder lain (``tests/serangan/``) memakai fixture yang sama (satu Chromium per
sesi uji). Nama-nama di sini tetap dapat diimpor dari ``tests.browser.conftest`` (uji lama dan ``bench/``)."""
from tests.bantuan_peramban import *  # noqa: F401,F403
