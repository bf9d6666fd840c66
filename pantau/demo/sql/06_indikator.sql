-- Langkah 6: baris tabel indikator; target akhir kumulatif = jumlah target tahunan, rentang = pita tahun akhir.
-- Parameter: $awal (INTEGER, tahun awal periode; kondisi awal = $awal - 1), $oleh (VARCHAR, diubah_oleh),
--            $sumber_data (VARCHAR)
-- Membaca: ind, tgt
-- Hasil: baris tabel indikator (id dari ind, eksplisit)
INSERT INTO indikator (id, periode_id, daerah_kode, urusan_kode, kode, nama, satuan, polaritas, agregasi,
                       kondisi_awal, kondisi_awal_teks, tahun_kondisi_awal, target_akhir, target_akhir_min,
                       target_akhir_max, target_akhir_teks, iku, perangkat_daerah, sumber_data, definisi,
                       induk_daerah_kode, induk_kode, agregasi_wilayah, diubah_oleh, diubah_pada)
SELECT
    i.id, i.periode_id, i.daerah_kode, i.urusan_kode, i.kode, i.nama, i.satuan, i.polaritas, i.agregasi,
    CASE WHEN i.polaritas <> 'teks' THEN i.ka END,
    CASE WHEN i.polaritas = 'teks' THEN i.skala[i.ka_idx] END,
    $awal - 1,
    CASE WHEN i.agregasi = 'kumulatif' THEN j.jumlah ELSE i.ta END,
    CASE WHEN i.polaritas = 'rentang' THEN j.min_akhir END,
    CASE WHEN i.polaritas = 'rentang' THEN j.max_akhir END,
    CASE WHEN i.polaritas = 'teks' THEN i.skala[i.ta_idx] END,
    i.iku, i.perangkat_daerah, $sumber_data, i.definisi,
    i.induk_daerah_kode, CASE WHEN i.induk_daerah_kode IS NOT NULL THEN i.kode END,
    CASE WHEN i.polaritas = 'teks' THEN NULL
         WHEN i.agregasi = 'kumulatif' THEN 'jumlah' ELSE 'rerata_tertimbang' END,
    $oleh, make_timestamp($awal, 8, 16, 0, 0, 0)
FROM ind i
JOIN (SELECT id, sum(t) AS jumlah, arg_max(t_min, tahun) AS min_akhir, arg_max(t_max, tahun) AS max_akhir
      FROM tgt GROUP BY id) j ON j.id = i.id
ORDER BY i.id
