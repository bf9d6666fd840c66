-- Langkah 5: target RPJMD per tahun (k = 1..jumlah tahun): garis lurus dari kondisi awal ke target akhir; arus
--           tumbuh dengan laju; pita rentang; indeks skala teks.
-- Parameter: $awal, $akhir (INTEGER, tahun awal dan tahun akhir periode)
-- Membaca: ind
-- Hasil: TEMP TABLE tgt (satu baris per indikator-tahun)
CREATE OR REPLACE TEMP TABLE tgt AS
WITH th AS (
    SELECT i.*, y.tahun, y.tahun - $awal + 1 AS k, $akhir - $awal + 1 AS m
    FROM ind i CROSS JOIN (SELECT CAST(range AS INTEGER) AS tahun FROM range($awal, $akhir + 1)) y
)
SELECT
    id, kunci, tahun, k, polaritas, agregasi, desimal, batas, skala, pita_min, pita_max,
    CASE
        WHEN agregasi = 'kumulatif' THEN round(ka * (1 + laju * k), desimal)
        WHEN polaritas IN ('positif', 'negatif')
            THEN greatest(round(ka + (ta - ka) * k / m, desimal), pow(10, -desimal))
    END AS t,
    -- pita tahun-tahun awal sedikit lebih rendah (pemulihan), 4% per tahun sebelum tahun akhir
    CASE WHEN polaritas = 'rentang' THEN round(pita_min * (1 - (m - k) * 0.04), 2) END AS t_min,
    CASE WHEN polaritas = 'rentang' THEN round(pita_max * (1 - (m - k) * 0.04), 2) END AS t_max,
    CASE WHEN polaritas = 'teks' THEN ka_idx + CAST(ceil((ta_idx - ka_idx) * k / m) AS INTEGER) END AS t_idx
FROM th
