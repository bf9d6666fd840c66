-- Langkah 10: prioritas dan usulan sintetis (keputusan #20). Setiap provinsi: 10 prioritas RPJMD (tema tetap, urusan
--           dan PN yang dilayani dari peta tetap; P09 hanya lewat indikator tertaut, P10 tanpa urusan dan indikator),
--           indikator provinsi yang urusannya ada di peta prioritas ditautkan; 8 PN RKP tahun terakhir (nasional).
--           Setiap kabupaten/kota: 18 usulan untuk RKPD tahun terakhir, urusan dan prioritas dari hash (~9% tanpa
--           prioritas, ~10% sub kegiatan kabupaten/kota), ~60% sudah diputuskan (versi 1).
-- Parameter: $akhir (INTEGER, tahun akhir periode), $awal (INTEGER), $oleh (VARCHAR), $impor_id (INTEGER)
-- Membaca: pilih_daerah, indikator
-- Hasil: baris prioritas, prioritas_urusan, prioritas_pn, indikator_prioritas, usulan, keputusan_usulan; id eksplisit
--        menurut urutan kunci, sehingga sama di setiap pembangunan
CREATE OR REPLACE TEMP TABLE peta_prioritas AS
SELECT * FROM (VALUES
    (1, 'Pembangunan infrastruktur dan konektivitas wilayah', ['1.03', '2.15'], [], '3'),
    (2, 'Ketahanan pangan dan pertanian', ['2.09', '3.27', '3.25'], [], '2'),
    (3, 'Peningkatan kualitas pendidikan', ['1.01'], [], '4'),
    (4, 'Peningkatan derajat kesehatan', ['1.02'], [], '4'),
    (5, 'Penanggulangan kemiskinan dan perlindungan sosial', ['1.06', '2.13'], [], '6'),
    (6, 'Pertumbuhan ekonomi dan investasi', ['2.18', '3.31', '3.30'], [], '5'),
    (7, 'Perluasan lapangan kerja dan UMKM', ['2.07', '2.17'], [], '3'),
    (8, 'Lingkungan hidup dan energi', ['2.11', '3.29'], [], '8'),
    (9, 'Reformasi birokrasi dan tata kelola', [], ['4.01', '5.01', '5.02', '6.01'], '7'),
    (10, 'Pariwisata dan kebudayaan', [], [], '8')
) AS t(no, nama, urusan, urusan_indikator, pn);

INSERT INTO prioritas (id, tingkat, daerah_kode, dokumen, jenis, kode, nama, tahun_awal, tahun_akhir, sumber,
                       diubah_oleh, diubah_pada, impor_id)
SELECT row_number() OVER (ORDER BY kode) + (SELECT coalesce(max(id), 0) FROM prioritas), 'nasional', NULL, 'RKP',
       'PN', kode, 'Prioritas nasional ' || kode || ' (sintetis)', $akhir, $akhir, 'sintetis (skala nasional)', $oleh,
       make_timestamp($akhir - 1, 12, 1, 0, 0, 0), $impor_id
FROM (SELECT CAST(range AS VARCHAR) AS kode FROM range(1, 9))
WHERE EXISTS (SELECT 1 FROM pilih_daerah WHERE jenis = 'provinsi');

INSERT INTO prioritas (id, tingkat, daerah_kode, dokumen, jenis, kode, nama, tahun_awal, tahun_akhir, sumber,
                       diubah_oleh, diubah_pada, impor_id)
SELECT row_number() OVER (ORDER BY d.kode, m.no) + (SELECT coalesce(max(id), 0) FROM prioritas), 'provinsi', d.kode,
       'RPJMD', 'prioritas', 'P' || lpad(CAST(m.no AS VARCHAR), 2, '0'), m.nama, $awal, $akhir,
       'sintetis (skala nasional)', $oleh, make_timestamp($awal, 6, 1, 0, 0, 0), $impor_id
FROM pilih_daerah d CROSS JOIN peta_prioritas m
WHERE d.jenis = 'provinsi';

INSERT INTO prioritas_urusan
SELECT p.id, unnest(m.urusan)
FROM prioritas p JOIN peta_prioritas m ON p.kode = 'P' || lpad(CAST(m.no AS VARCHAR), 2, '0')
WHERE p.jenis = 'prioritas' AND p.daerah_kode IN (SELECT kode FROM pilih_daerah) AND len(m.urusan) > 0;

INSERT INTO prioritas_pn
SELECT p.id, m.pn
FROM prioritas p JOIN peta_prioritas m ON p.kode = 'P' || lpad(CAST(m.no AS VARCHAR), 2, '0')
WHERE p.jenis = 'prioritas' AND p.daerah_kode IN (SELECT kode FROM pilih_daerah);

INSERT INTO indikator_prioritas (indikator_id, prioritas_id, diubah_oleh, diubah_pada, impor_id)
SELECT DISTINCT i.id, p.id, $oleh, make_timestamp($awal, 6, 1, 0, 0, 0), $impor_id
FROM prioritas p
JOIN peta_prioritas m ON p.kode = 'P' || lpad(CAST(m.no AS VARCHAR), 2, '0')
JOIN indikator i ON i.daerah_kode = p.daerah_kode
WHERE p.jenis = 'prioritas' AND p.daerah_kode IN (SELECT kode FROM pilih_daerah)
  AND list_contains(list_concat(m.urusan, m.urusan_indikator), i.urusan_kode);

CREATE OR REPLACE TEMP TABLE usulan_baru AS
WITH kab AS (SELECT kode, kode_induk FROM pilih_daerah WHERE jenis <> 'provinsi'),
dasar AS (
    SELECT k.kode AS daerah_kode, k.kode_induk, CAST(n.range AS INTEGER) AS nomor,
           hash(k.kode, n.range, 31) AS h1, hash(k.kode, n.range, 32) AS h2, hash(k.kode, n.range, 33) AS h3,
           hash(k.kode, n.range, 34) AS h4
    FROM kab k CROSS JOIN range(1, 19) n
),
pilih AS (
    SELECT d.*, CASE WHEN d.h2 % 11 = 10 THEN NULL ELSE CAST(1 + d.h2 % 10 AS INTEGER) END AS no_prioritas
    FROM dasar d
)
SELECT row_number() OVER (ORDER BY d.daerah_kode, d.nomor) + (SELECT coalesce(max(id), 0) FROM usulan) AS id,
       d.daerah_kode, d.kode_induk, d.nomor, d.h1, d.h2, d.h3, d.h4,
       -- tiga dari empat usulan memakai urusan yang melayani prioritasnya (bila ada); sisanya urusan dari kumpulan
       CASE WHEN d.h1 % 4 <> 0 AND len(coalesce(m.urusan, [])) > 0
            THEN m.urusan[1 + CAST(d.h1 % len(m.urusan) AS INTEGER)]
            ELSE ['1.01', '1.02', '1.03', '1.04', '1.06', '2.07', '2.09', '2.11', '2.13', '2.15', '2.17', '3.25', '3.26',
                  '3.27', '3.29'][1 + CAST(d.h3 % 15 AS INTEGER)] END AS urusan_kode,
       CASE WHEN d.no_prioritas IS NOT NULL THEN 'P' || lpad(CAST(d.no_prioritas AS VARCHAR), 2, '0') END
           AS prioritas_kode
FROM pilih d
LEFT JOIN peta_prioritas m ON m.no = d.no_prioritas;

INSERT INTO usulan (id, daerah_kode, tahun, nomor, judul, urusan_kode, prioritas_id, permasalahan, lokasi, volume,
                    satuan, biaya, sub_kegiatan_kode, perangkat_daerah, sumber, diubah_oleh, diubah_pada, impor_id)
SELECT b.id, b.daerah_kode, $akhir, b.nomor, 'Usulan sintetis ' || b.nomor || ' urusan ' || b.urusan_kode,
       b.urusan_kode, p.id, 'sintetis (skala nasional)', 'Kecamatan ' || (1 + b.h3 % 12), 1 + b.h3 % 20, 'paket',
       round(5e8 + 2e10 * pow(seragam(b.h3), 2), -6),
       CASE WHEN b.h4 % 3 = 0 THEN b.urusan_kode || '.02.' || CASE WHEN b.h4 % 5 = 0 THEN '2' ELSE '1' END
                                   || '.01.' || lpad(CAST(1 + b.h2 % 30 AS VARCHAR), 4, '0') END,
       'Perangkat daerah provinsi urusan ' || b.urusan_kode, ['pemda', 'pokir', 'masyarakat'][1 + CAST(b.h2 % 3 AS INTEGER)],
       $oleh, make_timestamp($akhir - 1, 3, 1, 0, 0, 0), $impor_id
FROM usulan_baru b
LEFT JOIN prioritas p ON p.daerah_kode = b.kode_induk AND p.kode = b.prioritas_kode AND p.jenis = 'prioritas';

INSERT INTO keputusan_usulan (id, usulan_id, keputusan, alasan, dialihkan_ke, pagu_disepakati, versi, versi_dasar,
                              oleh, pada, impor_id)
SELECT row_number() OVER (ORDER BY u.id) + (SELECT coalesce(max(id), 0) FROM keputusan_usulan), u.id, k.keputusan,
       CASE WHEN k.keputusan IN ('dialihkan', 'ditolak', 'diterima_catatan', 'ditunda') THEN 'sintetis: alasan ' ||
            k.keputusan END,
       CASE WHEN k.keputusan = 'dialihkan' THEN ['apbd_kabkota', 'bantuan_keuangan', 'dak', 'apbn'][1 + CAST(b.h3 % 4 AS INTEGER)] END,
       CASE WHEN k.keputusan IN ('diterima', 'diterima_catatan') THEN u.biaya END, 1, 0, $oleh,
       make_timestamp($akhir - 1, 3, 15, 0, 0, 0), $impor_id
FROM usulan_baru b
JOIN usulan u ON u.id = b.id
CROSS JOIN LATERAL (SELECT CASE b.h4 % 10 WHEN 4 THEN 'diterima' WHEN 5 THEN 'diterima' WHEN 6 THEN 'diterima'
                                          WHEN 7 THEN 'diterima_catatan' WHEN 8 THEN 'dialihkan'
                                          WHEN 9 THEN CASE WHEN (b.h1 // 7) % 2 = 0 THEN 'ditolak' ELSE 'ditunda' END
                                END AS keputusan) k
WHERE k.keputusan IS NOT NULL;

DROP TABLE peta_prioritas;
DROP TABLE usulan_baru;
