-- Pertanyaan: untuk setiap kabupaten/kota sebuah provinsi, berapa usulannya tahun itu, berapa yang sejalan dengan
--             prioritas provinsi, dan apa keputusannya sejauh ini (jumlah dan biaya)?
--             Kabupaten/kota tanpa usulan tetap tampil (jumlah 0).
-- Parameter: $provinsi (VARCHAR), $tahun (INTEGER)
-- Kolom: daerah_kode, daerah_nama, nama_pendek, jumlah, biaya, sejalan, urusan_tidak_sesuai, perlu_diperiksa, tanpa_prioritas,
--        bukan_kewenangan_provinsi, belum_dibahas, diterima, diterima_catatan, dialihkan, ditunda, ditolak,
--        biaya_sejalan, pagu_disepakati
SELECT
    d.kode AS daerah_kode,
    d.nama AS daerah_nama,
    nama_pendek(d.nama, d.jenis) AS nama_pendek,
    count(k.usulan_id) AS jumlah,
    coalesce(sum(k.biaya), 0) AS biaya,
    count(*) FILTER (WHERE k.status = 'sejalan') AS sejalan,
    count(*) FILTER (WHERE k.status = 'urusan_tidak_sesuai') AS urusan_tidak_sesuai,
    count(*) FILTER (WHERE k.status = 'perlu_diperiksa') AS perlu_diperiksa,
    count(*) FILTER (WHERE k.status = 'tanpa_prioritas') AS tanpa_prioritas,
    count(*) FILTER (WHERE k.status = 'bukan_kewenangan_provinsi') AS bukan_kewenangan_provinsi,
    count(*) FILTER (WHERE k.usulan_id IS NOT NULL AND k.keputusan IS NULL) AS belum_dibahas,
    count(*) FILTER (WHERE k.keputusan = 'diterima') AS diterima,
    count(*) FILTER (WHERE k.keputusan = 'diterima_catatan') AS diterima_catatan,
    count(*) FILTER (WHERE k.keputusan = 'dialihkan') AS dialihkan,
    count(*) FILTER (WHERE k.keputusan = 'ditunda') AS ditunda,
    count(*) FILTER (WHERE k.keputusan = 'ditolak') AS ditolak,
    coalesce(sum(k.biaya) FILTER (WHERE k.status = 'sejalan'), 0) AS biaya_sejalan,
    coalesce(sum(k.pagu_disepakati), 0) AS pagu_disepakati
FROM daerah d
LEFT JOIN keselarasan_usulan k ON k.daerah_kode = d.kode AND k.tahun = $tahun
WHERE d.kode_induk = $provinsi
GROUP BY d.kode, d.nama, d.jenis
ORDER BY d.kode
