-- Pertanyaan: semua angka realisasi satu indikator sebagaimana dilaporkan (per triwulan dan tahunan),
--             dengan sumber, status, catatan, dan siapa yang terakhir mengubahnya.
-- Parameter: $indikator_id (INTEGER)
-- Kolom: tahun, periode, triwulan, nilai, nilai_teks, sumber, status, catatan, diubah_oleh, diubah_pada
SELECT tahun, periode, triwulan_ke(periode) AS triwulan, nilai, nilai_teks, sumber, status, catatan,
       diubah_oleh, diubah_pada
FROM realisasi
WHERE indikator_id = $indikator_id
ORDER BY tahun, periode = 'TAHUN', periode
