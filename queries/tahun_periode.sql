-- Pertanyaan: tahun-tahun sebuah periode RPJMD, berapa indikator yang sudah punya realisasi tiap tahun, dan
--             sampai triwulan mana data tahun itu (tahun belum lengkap, docs/ATURAN.md)?
-- Parameter: $periode_id (INTEGER)
-- Kolom: tahun, jumlah_berealisasi, triwulan_data
-- Catatan: triwulan_data 4 = setahun penuh (ada angka TAHUN atau TW4 di indikator mana pun); 1-3 = triwulan
--          terakhir yang dilaporkan; NULL = belum ada realisasi
WITH p AS (SELECT * FROM periode WHERE id = $periode_id),
tahun AS (SELECT unnest(range(p.tahun_awal, p.tahun_akhir + 1)) AS tahun FROM p),
lapor AS (
    SELECT r.tahun, count(DISTINCT r.indikator_id) AS jumlah_berealisasi,
           max(triwulan_ke(r.periode)) AS triwulan_data
    FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
    WHERE i.periode_id = $periode_id
    GROUP BY r.tahun
)
SELECT t.tahun, coalesce(l.jumlah_berealisasi, 0) AS jumlah_berealisasi, l.triwulan_data
FROM tahun t
LEFT JOIN lapor l ON l.tahun = t.tahun
ORDER BY t.tahun
