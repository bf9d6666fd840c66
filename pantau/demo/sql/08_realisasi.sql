-- Langkah 8: realisasi. Per indikator-tahun: capaian sasaran c (berkorelasi per indikator), lalu nilai tahunan R
--           yang memberi capaian itu terhadap target RPJMD. Triwulan: 'akhir' = tingkat yang bergerak ke R (TW4 = R);
--           'kumulatif' = arus ~R/4 per triwulan. Angka TAHUN sesekali (menang atas triwulan); indikator teks hanya
--           punya angka TAHUN (penilaian tahunan), sampai tahun sebelum tahun terakhir.
-- Parameter: $akhir (INTEGER, tahun akhir periode: baru sampai TW3), $oleh (VARCHAR), $impor_id (INTEGER)
-- Membaca: tgt, ind, pilih_daerah
-- Hasil: baris tabel realisasi
INSERT INTO realisasi (indikator_id, tahun, periode, nilai, nilai_teks, sumber, status, catatan,
                       diubah_oleh, diubah_pada, impor_id)
WITH tahunan AS (
    SELECT t.*, d.telat,
        capaian_sasaran(seragamkan(0.75 * seragam(hash(t.kunci, 5)) + 0.25 * seragam(hash(t.kunci, t.tahun, 6))))
            AS c,
        seragam(hash(t.kunci, t.tahun, 8)) AS u8,
        seragam(hash(t.kunci, t.tahun, 9)) AS u9,
        0.004 + 0.012 * seragam(hash(t.kunci, 11)) AS d
    FROM tgt t
    JOIN ind i ON i.id = t.id
    JOIN pilih_daerah d ON d.periode_id = i.periode_id
    WHERE seragam(hash(t.kunci, t.tahun, 10)) >= 0.015          -- ~1,5% indikator-tahun tanpa data
),
nilai AS (
    SELECT *,
        CASE
            WHEN polaritas = 'positif' THEN
                CASE WHEN batas IS NOT NULL THEN least(t * c / 100, batas) ELSE t * c / 100 END
            WHEN polaritas = 'negatif' THEN t * (2 - c / 100)
            WHEN polaritas = 'rentang' THEN
                CASE WHEN c >= 91 THEN t_min + (t_max - t_min) * u8
                     WHEN u9 < 0.7 THEN t_min * c / 100
                     ELSE t_max * (2 - c / 100) END
        END AS r,
        CASE WHEN polaritas = 'teks' THEN
            least(len(skala), greatest(1, t_idx + CASE WHEN c < 66 THEN -1 WHEN c >= 108 THEN 1 ELSE 0 END))
        END AS r_idx
    FROM tahunan
),
triwulan AS (
    SELECT n.*, CAST(q.range AS INTEGER) AS q
    FROM nilai n CROSS JOIN range(1, 5) q
    WHERE n.polaritas <> 'teks'
      AND (n.tahun < $akhir OR q.range <= 3)
      AND seragam(hash(n.kunci, n.tahun, q.range, 13)) >= 0.02    -- ~2% triwulan kosong
      -- daerah yang terlambat melapor triwulan terakhir tahun berjalan
      AND NOT (n.tahun = $akhir AND q.range = 3 AND n.telat < 0.15)
      AND NOT (n.tahun = $akhir AND q.range = 2 AND n.telat < 0.04)
)
SELECT
    id, tahun, 'TW' || q,
    round(CASE
        WHEN agregasi = 'kumulatif' THEN r / 4 * (0.75 + 0.5 * seragam(hash(kunci, tahun, q, 12)))
        WHEN polaritas = 'positif' THEN
            CASE WHEN batas IS NOT NULL THEN least(r * (1 - (4 - q) * d), batas) ELSE r * (1 - (4 - q) * d) END
        WHEN polaritas = 'negatif' THEN r * (1 + (4 - q) * d)
        ELSE r + (4 - q) * (seragam(hash(kunci, tahun, q, 12)) - 0.5) * 0.4
    END, CASE WHEN polaritas = 'rentang' THEN 2 ELSE desimal END),
    NULL, 'sintetis',
    CASE WHEN tahun = $akhir OR (tahun = $akhir - 1 AND q = 4 AND u9 < 0.5) THEN 'sementara' ELSE 'tetap' END,
    NULL,
    $oleh,
    make_timestamp(tahun, q * 3, 1, 0, 0, 0) + INTERVAL 1 MONTH
        + to_days(CAST(5 + 35 * seragam(hash(kunci, tahun, q, 14)) AS INTEGER)),
    $impor_id
FROM triwulan
UNION ALL
SELECT
    id, tahun, 'TAHUN',
    CASE WHEN polaritas <> 'teks' THEN round(least(r * (0.99 + 0.02 * u8), coalesce(batas, 'inf'::DOUBLE)),
                                             CASE WHEN polaritas = 'rentang' THEN 2 ELSE desimal END) END,
    CASE WHEN polaritas = 'teks' THEN skala[r_idx] END,
    'sintetis',
    CASE WHEN tahun = $akhir - 1 AND u9 < 0.3 THEN 'sementara' ELSE 'tetap' END,
    CASE WHEN polaritas = 'teks' THEN 'hasil penilaian tahunan'
         ELSE 'angka tahunan resmi; menggantikan angka triwulan' END,
    $oleh,
    make_timestamp(tahun + 1, 3, 1, 0, 0, 0) + to_days(CAST(30 * u8 AS INTEGER)),
    $impor_id
FROM nilai
WHERE tahun < $akhir
  AND (polaritas = 'teks' OR seragam(hash(kunci, tahun, 15)) < 0.04)
ORDER BY 1, 2, 3
