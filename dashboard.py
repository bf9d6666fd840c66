"""Ringkasan: posisi daerah terhadap RPJMD dalam satu layar, untuk Kepala Bappeda. Penataan di
pantau/ui/ringkasan.py (skrip utama dikompilasi ulang oleh AppTest setiap jalan, jadi isinya dijaga pendek)."""
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.ringkasan import halaman

halaman(mulai_halaman("Ringkasan"))
