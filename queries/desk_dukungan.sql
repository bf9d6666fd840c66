-- Pertanyaan: untuk setiap indikator provinsi dalam satu urusan, sub kegiatan mana yang mendukungnya pada suatu
--             tahun, di provinsi dan di setiap kabupaten/kota (lewat indikator kabupaten/kota yang dipasangkan
--             dengannya): program, perangkat daerah, pagu, realisasi anggaran, serapan, dan apakah sudah
--             disepakati di desk (oleh siapa, kapan). Pemasangan indikator sama persis dengan
--             desk_indikator.sql (indikator_induk, atau kode yang sama bila tautan induk kosong); realisasi
--             anggaran dan serapan dari view anggaran_dukungan. Satu baris per baris dukungan; indikator atau
--             daerah tanpa dukungan tidak punya baris. Urutan: provinsi dulu, lalu kode daerah, lalu kode
--             sub kegiatan.
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: induk_id, induk_kode, indikator_id, indikator_kode, daerah_kode, daerah, jenis, id, sub_kegiatan_kode,
--        sub_kegiatan_nama, program_kode, program_nama, perangkat_daerah, pagu, realisasi_anggaran,
--        triwulan_anggaran, serapan, disepakati, disepakati_oleh, disepakati_pada, catatan, diubah_oleh,
--        diubah_pada
WITH prov AS (
    SELECT i.id, i.kode
    FROM indikator i
    JOIN periode p ON p.id = i.periode_id
    WHERE i.daerah_kode = $provinsi AND i.urusan_kode = $urusan
      AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
),
pasangan AS (   -- sama dengan desk_indikator.sql (diuji di tests/test_desk_dukungan.py)
    SELECT prov.id AS induk_id, prov.id AS indikator_id, $provinsi AS daerah_kode
    FROM prov
    UNION ALL
    SELECT prov.id, k.id, k.daerah_kode
    FROM prov
    JOIN indikator k
      ON (k.induk_daerah_kode = $provinsi AND k.induk_kode = prov.kode)
      OR (k.induk_kode IS NULL AND k.kode = prov.kode)
    JOIN daerah d ON d.kode = k.daerah_kode AND d.kode_induk = $provinsi
    JOIN periode p ON p.id = k.periode_id AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
)
SELECT
    ps.induk_id, pr.kode AS induk_kode, ps.indikator_id, a.indikator_kode, ps.daerah_kode,
    nama_pendek(d.nama, d.jenis) AS daerah, d.jenis, a.id, a.sub_kegiatan_kode, a.sub_kegiatan_nama,
    a.program_kode, a.program_nama, a.perangkat_daerah, a.pagu, a.realisasi_anggaran, a.triwulan_anggaran,
    a.serapan, a.disepakati, a.disepakati_oleh, a.disepakati_pada, a.catatan, a.diubah_oleh, a.diubah_pada
FROM pasangan ps
JOIN prov pr ON pr.id = ps.induk_id
JOIN daerah d ON d.kode = ps.daerah_kode
JOIN anggaran_dukungan a
  ON a.indikator_id = ps.indikator_id AND a.daerah_kode = ps.daerah_kode AND a.tahun = $tahun
ORDER BY ps.induk_id, d.jenis <> 'provinsi', ps.daerah_kode, a.sub_kegiatan_kode, a.id
