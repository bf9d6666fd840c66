-- Langkah 9: dukungan sintetis (keputusan #10). Untuk setiap indikator beurusan dan tahun bertarget RPJMD, satu sub
--           kegiatan (sepertiga indikator: dua), kode berbentuk sah dari bidang urusan indikator dan tingkat daerahnya,
--           pagu 100 jt - 3,1 M, belanja triwulan yang menumpuk di akhir tahun (serapan 65-98 %); tahun terakhir s.d.
--           TW3. ~5 % indikator-tahun tanpa dukungan (temuan). Baris tanpa indikator tidak dibuat.
-- Parameter: $akhir (INTEGER, tahun akhir periode), $oleh (VARCHAR), $impor_id (INTEGER)
-- Membaca: indikator, target, daerah
-- Hasil: baris tabel dukungan; id dari seq_dukungan menurut urutan (daerah, tahun, indikator, sub kegiatan), kunci
--        unik tabel, sehingga id pun sama di setiap pembangunan
INSERT INTO dukungan (daerah_kode, tahun, indikator_id, sub_kegiatan_kode, perangkat_daerah, pagu,
                      realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4, disepakati, disepakati_oleh,
                      disepakati_pada, sumber, diubah_oleh, diubah_pada, impor_id)
WITH dasar AS (
    SELECT i.id, i.daerah_kode, i.urusan_kode, i.perangkat_daerah, t.tahun, d.jenis, CAST(n.range AS INTEGER) AS n,
           round(1e8 + 3e9 * pow(seragam(hash(i.id, n.range, 26)), 2), -3) AS pagu,
           0.65 + 0.33 * seragam(hash(i.daerah_kode, i.urusan_kode, t.tahun, 27)) AS serap
    FROM indikator i
    JOIN (SELECT DISTINCT indikator_id, tahun FROM target WHERE dokumen = 'RPJMD') t ON t.indikator_id = i.id
    JOIN daerah d ON d.kode = i.daerah_kode
    CROSS JOIN range(1, 3) n
    WHERE i.urusan_kode IS NOT NULL
      AND (n.range = 1 OR hash(i.id, 21) % 3 = 0)
      AND hash(i.id, t.tahun, 22) % 20 <> 0
)
SELECT daerah_kode, tahun, id,
    urusan_kode || '.' || lpad(CAST(2 + hash(id, 23) % 6 AS VARCHAR), 2, '0') || '.'
        || CASE WHEN jenis = 'provinsi' THEN '1' ELSE '2' END || '.'
        || lpad(CAST(1 + hash(id, 24) % 12 AS VARCHAR), 2, '0') || '.'
        || lpad(CAST(n * 1000 + hash(id, n, 25) % 900 AS VARCHAR), 4, '0'),
    perangkat_daerah, pagu,
    round(pagu * serap * 0.10, -3), round(pagu * serap * 0.22, -3), round(pagu * serap * 0.30, -3),
    CASE WHEN tahun < $akhir THEN round(pagu * serap * 0.38, -3) END,
    tahun < $akhir, CASE WHEN tahun < $akhir THEN $oleh END,
    CASE WHEN tahun < $akhir THEN make_timestamp(tahun - 1, 4, 15, 9, 0, 0) END,
    'sintetis', $oleh, make_timestamp(tahun, 12, 31, 0, 0, 0), $impor_id
FROM dasar
ORDER BY 1, 2, 3, 4
