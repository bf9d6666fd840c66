-- Pertanyaan: tahun-tahun sebuah periode RPJMD, dan berapa indikator yang sudah punya realisasi tiap tahun?
-- Parameter: $periode_id (INTEGER)
-- Kolom: tahun, jumlah_berealisasi
WITH p AS (SELECT * FROM periode WHERE id = $periode_id),
tahun AS (SELECT unnest(range(p.tahun_awal, p.tahun_akhir + 1)) AS tahun FROM p)
SELECT t.tahun,
       (SELECT count(DISTINCT r.indikator_id)
        FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
        WHERE i.periode_id = $periode_id AND r.tahun = t.tahun) AS jumlah_berealisasi
FROM tahun t
ORDER BY t.tahun
