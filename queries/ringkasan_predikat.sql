-- Pertanyaan: berapa indikator sebuah daerah pada tiap predikat di suatu tahun
--             (termasuk yang belum ada data dan yang kualitatif)?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: predikat, urutan, warna, simbol, batas_bawah, jumlah
-- Catatan: batas_bawah NULL untuk belum ada data dan kualitatif
WITH ind AS (
    SELECT id, polaritas FROM indikator WHERE daerah_kode = $daerah AND periode_id = $periode_id
),
tahunan AS (
    SELECT indikator_id, predikat_sd AS predikat
    FROM capaian_tahunan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
kelas AS (
    SELECT CASE
               WHEN ind.polaritas = 'teks' THEN 'Kualitatif'
               WHEN t.predikat IS NULL THEN 'Belum ada data'
               ELSE t.predikat
           END AS predikat
    FROM ind
    LEFT JOIN tahunan t ON t.indikator_id = ind.id
),
skala AS (
    SELECT predikat, urutan, warna, simbol, CAST(batas_bawah AS DOUBLE) AS batas_bawah FROM skala_predikat
    UNION ALL SELECT 'Belum ada data', 0, '#BBBBBB', '○', NULL
    UNION ALL SELECT 'Kualitatif', -1, '#999999', '◇', NULL
)
SELECT s.predikat, s.urutan, s.warna, s.simbol, s.batas_bawah, count(k.predikat) AS jumlah
FROM skala s
LEFT JOIN kelas k ON k.predikat = s.predikat
GROUP BY s.predikat, s.urutan, s.warna, s.simbol, s.batas_bawah
ORDER BY s.urutan DESC
