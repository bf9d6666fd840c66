-- Langkah 7: target RPJMD untuk setiap tahun; RKPD untuk ~10% indikator-tahun (sedikit menyimpang dari RPJMD).
-- Parameter: $awal (INTEGER, tahun awal periode), $oleh (VARCHAR), $impor_id (INTEGER, baris impor pembangunan)
-- Membaca: tgt
-- Hasil: baris tabel target
INSERT INTO target (indikator_id, tahun, dokumen, nilai, nilai_min, nilai_max, nilai_teks,
                    diubah_oleh, diubah_pada, impor_id)
SELECT id, tahun, 'RPJMD', t, t_min, t_max, CASE WHEN polaritas = 'teks' THEN skala[t_idx] END,
       $oleh, make_timestamp($awal, 8, 16, 0, 0, 0), $impor_id
FROM tgt
UNION ALL
SELECT id, tahun, 'RKPD',
       round(t * (0.95 + 0.1 * seragam(hash(kunci, tahun, 21))), desimal),
       round(t_min + (seragam(hash(kunci, tahun, 21)) - 0.5) * 0.6, 2),
       round(t_max + (seragam(hash(kunci, tahun, 21)) - 0.5) * 0.6, 2),
       CASE WHEN polaritas = 'teks' THEN skala[t_idx] END,
       $oleh, make_timestamp(tahun - 1, 6, 30, 0, 0, 0), $impor_id
FROM tgt
WHERE seragam(hash(kunci, tahun, 20)) < 0.10
ORDER BY 1, 2, 3
