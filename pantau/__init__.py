"""Pantau: pemantauan capaian indikator RPJMD daerah."""

__version__ = "0.1.0"
