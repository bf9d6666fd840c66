-- Pertanyaan: untuk setiap indikator provinsi dalam satu urusan, sub kegiatan mana yang mendukungnya pada suatu
--             tahun, di provinsi dan di setiap kabupaten/kota (lewat indikator kabupaten/kota yang dipasangkan
--             dengannya): program, perangkat daerah, pagu, realisasi anggaran, serapan, dan apakah sudah
--             disepakati di desk (oleh siapa, kapan). Pemasangan indikator: makro tabel
--             pasangan_desk (aturan.sql), sama dengan desk_indikator dan desk_keselarasan; realisasi
--             anggaran dan serapan dari view anggaran_dukungan. Satu baris per baris dukungan; indikator atau
--             daerah tanpa dukungan tidak punya baris. Urutan: provinsi dulu, lalu kode daerah, lalu kode
--             sub kegiatan.
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: induk_id, induk_kode, indikator_id, indikator_kode, daerah_kode, daerah, jenis, id, sub_kegiatan_kode,
--        sub_kegiatan_nama, program_kode, program_nama, perangkat_daerah, pagu, realisasi_anggaran,
--        triwulan_anggaran, serapan, disepakati, disepakati_oleh, disepakati_pada, catatan, diubah_oleh,
--        diubah_pada
WITH pasangan AS (
    SELECT * FROM pasangan_desk($provinsi, $urusan, $tahun)
)
SELECT
    ps.induk_id, ps.induk_kode, ps.indikator_id, a.indikator_kode, ps.daerah_kode,
    nama_pendek(d.nama, d.jenis) AS daerah, d.jenis, a.id, a.sub_kegiatan_kode, a.sub_kegiatan_nama,
    a.program_kode, a.program_nama, a.perangkat_daerah, a.pagu, a.realisasi_anggaran, a.triwulan_anggaran,
    a.serapan, a.disepakati, a.disepakati_oleh, a.disepakati_pada, a.catatan, a.diubah_oleh, a.diubah_pada
FROM pasangan ps
JOIN daerah d ON d.kode = ps.daerah_kode
JOIN anggaran_dukungan a
  ON a.indikator_id = ps.indikator_id AND a.daerah_kode = ps.daerah_kode AND a.tahun = $tahun
ORDER BY ps.induk_id, d.jenis <> 'provinsi', ps.daerah_kode, a.sub_kegiatan_kode, a.id
