-- Pertanyaan: skala predikat yang berlaku (batas bawah, warna, simbol), dari yang tertinggi?
-- Parameter: (tidak ada)
-- Kolom: predikat, batas_bawah, urutan, warna, simbol
SELECT predikat, batas_bawah, urutan, warna, simbol
FROM skala_predikat
ORDER BY urutan DESC
