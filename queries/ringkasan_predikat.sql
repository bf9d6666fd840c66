-- Pertanyaan: berapa indikator sebuah daerah pada tiap predikat di suatu tahun
--             (termasuk yang belum ada data dan yang kualitatif)?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: predikat, urutan, warna, simbol, jumlah
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
    SELECT predikat, urutan, warna, simbol FROM skala_predikat
    UNION ALL SELECT 'Belum ada data', 0, '#BBBBBB', '○'
    UNION ALL SELECT 'Kualitatif', -1, '#999999', '◇'
)
SELECT s.predikat, s.urutan, s.warna, s.simbol, count(k.predikat) AS jumlah
FROM skala s
LEFT JOIN kelas k ON k.predikat = s.predikat
GROUP BY s.predikat, s.urutan, s.warna, s.simbol
ORDER BY s.urutan DESC
