"""``python -m pantau``: perintah baris Pantau (pantau/cli)."""
from pantau.cli import utama

utama()
