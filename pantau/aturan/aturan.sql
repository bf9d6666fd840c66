-- Aturan domain Pantau (docs/ATURAN.md), satu definisi untuk setiap aturan.
-- Dibuat ulang (CREATE OR REPLACE) setiap kali skema dipasang atau dimigrasi.
-- Setiap halaman, ekspor dan laporan membaca view ini; tidak ada rumus capaian di Python.

-- ---------------------------------------------------------------------------
-- capaian_mentah: capaian (%) sebelum dibulatkan, untuk satu target dan realisasi.
--   polaritas     'positif' | 'negatif' | 'rentang' | 'teks'
--   t             target (positif/negatif)
--   t_min, t_max  pita target (rentang); satu angka ditulis sebagai [x, x]
--   r             realisasi
--   rumus_negatif '2T-R' (bawaan) atau 'T/R'
-- Hasil NULL bila R atau T tidak ada ("belum ada data"), tidak pernah di bawah 0.
-- Pembagian dengan nol: 100 bila R memenuhi target, selain itu 0.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE MACRO capaian_mentah(polaritas, t, t_min, t_max, r, rumus_negatif) AS
CASE
    WHEN r IS NULL OR polaritas IS NULL OR polaritas = 'teks' THEN NULL
    WHEN polaritas = 'positif' THEN
        CASE
            WHEN t IS NULL THEN NULL
            WHEN t = 0 THEN CASE WHEN r >= 0 THEN 100.0 ELSE 0.0 END
            ELSE greatest(r / t * 100.0, 0.0)
        END
    WHEN polaritas = 'negatif' THEN
        CASE
            WHEN t IS NULL THEN NULL
            WHEN t = 0 THEN CASE WHEN r <= 0 THEN 100.0 ELSE 0.0 END
            WHEN rumus_negatif = 'T/R' THEN
                CASE WHEN r = 0 THEN 100.0 ELSE greatest(t / r * 100.0, 0.0) END
            ELSE greatest((2 * t - r) / t * 100.0, 0.0)
        END
    WHEN polaritas = 'rentang' THEN
        CASE
            WHEN t_min IS NULL OR t_max IS NULL THEN NULL
            WHEN r >= t_min AND r <= t_max THEN 100.0
            WHEN r < t_min THEN
                CASE WHEN t_min = 0 THEN 0.0 ELSE greatest(r / t_min * 100.0, 0.0) END
            ELSE
                CASE WHEN t_max = 0 THEN 0.0 ELSE greatest((2 * t_max - r) / t_max * 100.0, 0.0) END
        END
    ELSE NULL
END;

-- capaian: dibulatkan dua desimal, seperti orang menghitung dengan tangan,
-- sebelum bertemu skala predikat (2,28 terhadap target 3 = 76,00 -> Tinggi).
-- Pembulatan lewat DECIMAL: 75,995 (tersimpan sebagai 75,99499... dalam double) menjadi 76,00,
-- bukan 75,99 seperti round(double, 2).
-- Argumen x ditulis sekali (lewat lambda), bukan tiga kali: capaian(...) = bulat_dua(capaian_mentah(...)) tidak lagi
-- menyalin CASE capaian_mentah tiga kali ke setiap kueri, yang memperlama perencanaan view capaian_* (isu #15).
CREATE OR REPLACE MACRO bulat_dua(x) AS
    list_transform([x], lambda v: CASE WHEN abs(v) < 1e15 THEN CAST(round(CAST(v AS DECIMAL(38, 9)), 2) AS DOUBLE)
                                       ELSE round(v, 2) END)[1];

CREATE OR REPLACE MACRO capaian(polaritas, t, t_min, t_max, r, rumus_negatif) AS
    bulat_dua(capaian_mentah(polaritas, t, t_min, t_max, r, rumus_negatif));

-- Urutan triwulan dalam setahun: 'TW3' -> 3, 'TAHUN' -> 4 (setahun penuh).
CREATE OR REPLACE MACRO triwulan_ke(periode) AS
    CASE periode WHEN 'TAHUN' THEN 4 ELSE CAST(substr(periode, 3, 1) AS INTEGER) END;

-- ---------------------------------------------------------------------------
-- Predikat (Permendagri 86/2017, tabel skala_predikat): SATU definisi untuk setiap capaian, rata-rata dan halaman.
--   predikat(c)      nama predikat capaian c (sudah dibulatkan dua desimal); NULL bila c NULL
--   info_predikat(c) struct {predikat, urutan, warna, simbol} untuk tampilan (simbol: predikat tidak hanya warna)
-- Batas bawah inklusif: predikat = baris skala dengan batas_bawah terbesar yang <= c. Skala dibaca dari tabelnya
-- pada setiap kueri (subkueri tak berkorelasi, dihitung sekali), jadi skala yang diubah daerah langsung berlaku.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE MACRO info_predikat(c) AS
    CASE WHEN c IS NULL THEN NULL ELSE
        list_filter((SELECT list({'batas_bawah': batas_bawah, 'predikat': predikat, 'urutan': urutan,
                                  'warna': warna, 'simbol': simbol} ORDER BY batas_bawah DESC)
                     FROM skala_predikat), lambda x: x.batas_bawah <= c)[1]
    END;

CREATE OR REPLACE MACRO predikat(c) AS info_predikat(c).predikat;

-- faktor_sd: bagian target setahun yang sebanding dengan realisasi s.d. triwulan ke-k (docs/ATURAN.md, "Tahun
-- yang belum lengkap"). 'kumulatif' (arus, dijumlah antar triwulan): k/4, target proporsional; 'akhir' (tingkat,
-- rasio): 1, angka terakhir adalah posisi saat itu dan dibandingkan dengan target setahun. Setahun penuh (k = 4,
-- atau angka TAHUN) selalu 1, jadi capaian_sd = capaian.
CREATE OR REPLACE MACRO faktor_sd(agregasi, k) AS
    CASE WHEN agregasi = 'kumulatif' AND k BETWEEN 1 AND 3 THEN k / 4.0 ELSE 1.0 END;

-- Pengaturan yang berlaku: nilai di tabel pengaturan, atau nilai bawaan dari pantau/aturan/pengaturan.py (view
-- pengaturan_bawaan, dibuat dari daftar itu setiap kali skema dipasang). Tidak ada nilai bawaan di SQL ini.
CREATE OR REPLACE VIEW pengaturan_berlaku AS
SELECT b.kunci, coalesce(p.nilai, b.nilai) AS nilai
FROM pengaturan_bawaan b
LEFT JOIN pengaturan p ON p.kunci = b.kunci;

-- Rumus negatif yang berlaku di basis data ini (pengaturan 'rumus_negatif').
CREATE OR REPLACE VIEW pengaturan_aktif AS
SELECT max(nilai) FILTER (WHERE kunci = 'rumus_negatif') AS rumus_negatif
FROM pengaturan_berlaku;

-- ---------------------------------------------------------------------------
-- tahunan: satu baris per indikator dan tahun yang punya target atau realisasi, dengan target yang
-- berlaku dan realisasi tahun itu. Target dan realisasi dihimpun dalam SATU GROUP BY atas
-- target UNION ALL realisasi, sehingga filter indikator_id atau tahun sampai ke kedua pemindaian.
--
-- Target: target RKPD tahun itu menggantikan target RPJMD; keduanya tetap terlihat.
-- Realisasi: angka tahunan (periode 'TAHUN') yang diisi langsung menang atas angka triwulan;
--   dari triwulan, 'kumulatif' menjumlahkan dan 'akhir' mengambil triwulan terakhir.
--   Status 'sementara' bila ada angka YANG DIPAKAI yang sementara ('kumulatif': salah satu
--   triwulan; 'akhir': triwulan terakhir). Sumber: sumber angka yang dipakai.
--   realisasi_sd: 'TAHUN' (setahun penuh) atau triwulan terakhir yang dipakai ('TW2').
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW tahunan AS
WITH baris AS (
    SELECT indikator_id, tahun, true AS adalah_target, dokumen, NULL::VARCHAR AS periode,
           nilai, nilai_min, nilai_max, nilai_teks, NULL::VARCHAR AS status, NULL::VARCHAR AS sumber
    FROM target
    UNION ALL
    SELECT indikator_id, tahun, false, NULL, periode, nilai, NULL, NULL, nilai_teks, status, sumber
    FROM realisasi
),
per_tahun AS (
    SELECT
        indikator_id,
        tahun,
        i.daerah_kode, i.urusan_kode, i.kode, i.periode_id, i.polaritas, i.agregasi, i.iku,
        bool_or(adalah_target) AS ada_target,
        bool_or(NOT adalah_target) AS ada_realisasi,
        arg_max(
            {'nilai': nilai, 'nilai_min': nilai_min, 'nilai_max': nilai_max,
             'nilai_teks': nilai_teks, 'dokumen': dokumen},
            CASE dokumen WHEN 'RKPD' THEN 2 ELSE 1 END
        ) FILTER (WHERE adalah_target) AS t,
        max(nilai) FILTER (WHERE adalah_target AND dokumen = 'RPJMD') AS target_rpjmd,
        max(nilai_min) FILTER (WHERE adalah_target AND dokumen = 'RPJMD') AS target_rpjmd_min,
        max(nilai_max) FILTER (WHERE adalah_target AND dokumen = 'RPJMD') AS target_rpjmd_max,
        max(nilai) FILTER (WHERE adalah_target AND dokumen = 'RKPD') AS target_rkpd,
        max(nilai_min) FILTER (WHERE adalah_target AND dokumen = 'RKPD') AS target_rkpd_min,
        max(nilai_max) FILTER (WHERE adalah_target AND dokumen = 'RKPD') AS target_rkpd_max,
        bool_or(periode = 'TAHUN') AS ada_tahunan,
        any_value(nilai) FILTER (WHERE periode = 'TAHUN') AS th_nilai,
        any_value(nilai_teks) FILTER (WHERE periode = 'TAHUN') AS th_teks,
        any_value(status) FILTER (WHERE periode = 'TAHUN') AS th_status,
        any_value(sumber) FILTER (WHERE periode = 'TAHUN') AS th_sumber,
        sum(nilai) FILTER (WHERE periode LIKE 'TW_') AS tw_jumlah,
        arg_max(nilai, periode) FILTER (WHERE periode LIKE 'TW_') AS tw_terakhir,
        arg_max(nilai_teks, periode) FILTER (WHERE periode LIKE 'TW_') AS tw_terakhir_teks,
        max(periode) FILTER (WHERE periode LIKE 'TW_') AS tw_periode_terakhir,
        bool_or(status = 'sementara') FILTER (WHERE periode LIKE 'TW_') AS tw_ada_sementara,
        arg_max(status, periode) FILTER (WHERE periode LIKE 'TW_') AS tw_status_terakhir,
        arg_max(sumber, periode) FILTER (WHERE periode LIKE 'TW_') AS tw_sumber_terakhir,
        list_sort(list_distinct(list(sumber) FILTER (WHERE periode LIKE 'TW_'))) AS tw_sumber_semua
    FROM baris
    JOIN indikator i ON i.id = baris.indikator_id
    -- atribut indikator ikut sebagai kunci kelompok (bergantung pada indikator_id) agar filter
    -- daerah_kode/urusan_kode/periode_id di luar view sampai ke pemindaian indikator dan, lewat
    -- filter gabungan dinamis, memangkas pemindaian target dan realisasi.
    GROUP BY indikator_id, tahun, i.daerah_kode, i.urusan_kode, i.kode, i.periode_id, i.polaritas, i.agregasi, i.iku
)
SELECT
    p.daerah_kode,
    p.urusan_kode,
    p.indikator_id,
    p.kode AS indikator_kode,
    p.periode_id,
    p.tahun,
    p.polaritas,
    p.agregasi,
    p.iku,
    p.ada_target,
    p.ada_realisasi,
    p.t.nilai AS target,
    p.t.nilai_min AS target_min,
    p.t.nilai_max AS target_max,
    p.t.nilai_teks AS target_teks,
    p.t.dokumen AS dokumen_target,
    p.target_rpjmd, p.target_rpjmd_min, p.target_rpjmd_max,
    p.target_rkpd, p.target_rkpd_min, p.target_rkpd_max,
    CASE
        WHEN p.ada_tahunan THEN p.th_nilai
        WHEN p.agregasi = 'kumulatif' THEN p.tw_jumlah
        ELSE p.tw_terakhir
    END AS realisasi,
    CASE WHEN p.ada_tahunan THEN p.th_teks ELSE p.tw_terakhir_teks END AS realisasi_teks,
    CASE WHEN p.ada_tahunan THEN 'TAHUN' ELSE p.tw_periode_terakhir END AS realisasi_sd,
    CASE
        WHEN NOT p.ada_realisasi THEN NULL
        WHEN p.ada_tahunan THEN p.th_status
        WHEN p.agregasi = 'kumulatif' AND p.tw_ada_sementara THEN 'sementara'
        WHEN p.agregasi <> 'kumulatif' AND p.tw_status_terakhir = 'sementara' THEN 'sementara'
        ELSE 'tetap'
    END AS status,
    CASE
        WHEN p.ada_tahunan THEN p.th_sumber
        WHEN p.agregasi = 'kumulatif' THEN nullif(array_to_string(p.tw_sumber_semua, '; '), '')
        ELSE p.tw_sumber_terakhir
    END AS sumber
FROM per_tahun p;

-- target_tahunan: target yang berlaku per indikator dan tahun (lihat 'tahunan').
CREATE OR REPLACE VIEW target_tahunan AS
SELECT indikator_id, tahun, target, target_min, target_max, target_teks, dokumen_target,
       target_rpjmd, target_rpjmd_min, target_rpjmd_max, target_rkpd, target_rkpd_min, target_rkpd_max
FROM tahunan
WHERE ada_target;

-- realisasi_tahunan: realisasi satu tahun per indikator (lihat 'tahunan').
CREATE OR REPLACE VIEW realisasi_tahunan AS
SELECT indikator_id, tahun, realisasi, realisasi_teks, realisasi_sd, status, sumber
FROM tahunan
WHERE ada_realisasi;

-- ---------------------------------------------------------------------------
-- capaian_tahunan: satu baris per indikator dan tahun yang punya target atau realisasi.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW capaian_tahunan AS
WITH dasar AS (
    SELECT
        t.daerah_kode, t.urusan_kode, t.indikator_id, t.indikator_kode, t.periode_id, t.tahun,
        t.polaritas, t.agregasi, t.iku,
        t.target, t.target_min, t.target_max, t.target_teks, t.dokumen_target,
        t.target_rpjmd, t.target_rpjmd_min, t.target_rpjmd_max,
        t.target_rkpd, t.target_rkpd_min, t.target_rkpd_max,
        t.realisasi, t.realisasi_teks, t.realisasi_sd, t.status, t.sumber,
        capaian(t.polaritas, t.target, t.target_min, t.target_max, t.realisasi, a.rumus_negatif) AS capaian,
        a.rumus_negatif,
        CASE WHEN t.realisasi_sd IS NOT NULL THEN triwulan_ke(t.realisasi_sd) END AS triwulan_sd,
        faktor_sd(t.agregasi, triwulan_ke(t.realisasi_sd)) AS faktor_sd
    FROM tahunan t
    CROSS JOIN pengaturan_aktif a
),
sebanding AS (
    SELECT d.*,
        d.triwulan_sd = 4 AS lengkap,
        d.target * d.faktor_sd AS target_sd,
        d.target_min * d.faktor_sd AS target_sd_min,
        d.target_max * d.faktor_sd AS target_sd_max,
        capaian(d.polaritas, d.target * d.faktor_sd, d.target_min * d.faktor_sd, d.target_max * d.faktor_sd,
                d.realisasi, d.rumus_negatif) AS capaian_sd
    FROM dasar d
)
SELECT d.* EXCLUDE (faktor_sd), predikat(d.capaian) AS predikat, predikat(d.capaian_sd) AS predikat_sd
FROM sebanding d;

-- ---------------------------------------------------------------------------
-- realisasi_rpjmd: realisasi RPJMD s.d. akhir setiap tahun berdata dalam periode.
--   'kumulatif': jumlah realisasi tahunan tahun-tahun periode s.d. tahun itu (kondisi awal tidak
--                ditambahkan); 'akhir': realisasi tahun itu (angka terakhir, tidak pernah dijumlah).
-- Satu definisi untuk "realisasi s.d. tahun": dipakai capaian_periode (s.d. tahun terakhir) dan
-- laporan evaluasi (s.d. tahun lalu, s.d. tahun ini).
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW realisasi_rpjmd AS
SELECT
    t.daerah_kode,
    t.indikator_id,
    t.tahun,
    CASE
        WHEN t.agregasi = 'kumulatif' THEN sum(t.realisasi) OVER (
            PARTITION BY t.daerah_kode, t.indikator_id ORDER BY t.tahun
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        ELSE t.realisasi
    END AS realisasi_rpjmd,
    t.realisasi_teks AS realisasi_rpjmd_teks
FROM tahunan t
JOIN periode p ON p.id = t.periode_id
WHERE t.tahun BETWEEN p.tahun_awal AND p.tahun_akhir
  AND (t.realisasi IS NOT NULL OR t.realisasi_teks IS NOT NULL);

-- ---------------------------------------------------------------------------
-- capaian_periode: satu baris per indikator, capaian RPJMD s.d. saat ini.
--   realisasi_periode: 'kumulatif' = jumlah realisasi tahun-tahun periode
--                      (kondisi awal tidak ditambahkan); 'akhir' = realisasi terakhir.
--   target_akhir: target akhir periode; bila kosong, untuk 'kumulatif' jumlah target
--                 RPJMD tahunan, untuk 'akhir' target RPJMD tahun terakhir periode.
--   proyeksi ke tahun akhir periode:
--     'akhir'     : tren linear (kuadrat terkecil) atas titik kondisi awal dan realisasi
--                   tahunan; satu titik saja: nilai itu sendiri.
--     'kumulatif' : laju rata-rata per tahun (tahun berjalan dihitung sebagai
--                   jumlah triwulan/4) dikali jumlah tahun periode.
--   on_track: capaian proyeksi terhadap target akhir >= 100.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW capaian_periode AS
-- Setiap CTE membawa daerah_kode sebagai kunci kelompok dan kunci gabungan, sehingga filter daerah
-- di luar view sampai ke pemindaian (lihat 'tahunan').
WITH ind AS (
    SELECT
        i.*,
        p.tahun_awal,
        p.tahun_akhir,
        p.tahun_akhir - p.tahun_awal + 1 AS jumlah_tahun
    FROM indikator i
    JOIN periode p ON p.id = i.periode_id
),
th AS (
    SELECT t.*, p.tahun_akhir AS akhir_periode,
           (t.realisasi IS NOT NULL OR t.realisasi_teks IS NOT NULL) AS ada
    FROM tahunan t
    JOIN periode p ON p.id = t.periode_id
    WHERE t.tahun BETWEEN p.tahun_awal AND p.tahun_akhir
),
ringkas AS (
    SELECT
        daerah_kode,
        indikator_id,
        sum(realisasi) FILTER (WHERE ada) AS jumlah,
        arg_max(realisasi, tahun) FILTER (WHERE ada) AS terakhir,
        arg_max(realisasi_teks, tahun) FILTER (WHERE ada) AS terakhir_teks,
        max(tahun) FILTER (WHERE ada) AS tahun_terakhir,
        arg_max(realisasi_sd, tahun) FILTER (WHERE ada) AS terakhir_sd,
        sum(triwulan_ke(realisasi_sd) / 4.0) FILTER (WHERE ada) AS tahun_setara,
        count(realisasi) FILTER (WHERE ada) AS jumlah_tahun_data,
        sum(target_rpjmd) AS jumlah_target,
        max(target_rpjmd) FILTER (WHERE tahun = akhir_periode) AS target_terakhir,
        max(target_rpjmd_min) FILTER (WHERE tahun = akhir_periode) AS target_terakhir_min,
        max(target_rpjmd_max) FILTER (WHERE tahun = akhir_periode) AS target_terakhir_max
    FROM th
    GROUP BY daerah_kode, indikator_id
),
rpjmd AS (
    -- realisasi s.d. tahun terakhir, dengan rumus view realisasi_rpjmd (jumlah berjalan untuk 'kumulatif') atas
    -- baris yang sama (th yang berdata = tahun dalam periode dengan realisasi atau realisasi_teks), tetapi dari th
    -- sehingga view tahunan tidak direncanakan dan dipindai sekali lagi (isu #15). Ubah bersama realisasi_rpjmd.
    SELECT daerah_kode, indikator_id, arg_max(realisasi_rpjmd, tahun) AS realisasi_periode
    FROM (
        SELECT daerah_kode, indikator_id, tahun,
               CASE WHEN agregasi = 'kumulatif' THEN sum(realisasi) OVER (
                   PARTITION BY daerah_kode, indikator_id ORDER BY tahun
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               ELSE realisasi END AS realisasi_rpjmd
        FROM th
        WHERE ada
    )
    GROUP BY daerah_kode, indikator_id
),
titik AS (
    SELECT daerah_kode, id AS indikator_id, tahun_kondisi_awal AS x, kondisi_awal AS y
    FROM ind
    WHERE agregasi = 'akhir' AND kondisi_awal IS NOT NULL AND tahun_kondisi_awal IS NOT NULL
    UNION ALL
    SELECT daerah_kode, indikator_id, tahun AS x, realisasi AS y
    FROM th
    WHERE ada AND realisasi IS NOT NULL
),
tren AS (
    SELECT
        daerah_kode,
        indikator_id,
        regr_slope(y, x) AS kemiringan,
        regr_intercept(y, x) AS titik_potong,
        count(*) AS jumlah_titik
    FROM titik
    GROUP BY daerah_kode, indikator_id
),
dasar AS (
    SELECT
        ind.daerah_kode,
        ind.urusan_kode,
        ind.id AS indikator_id,
        ind.kode AS indikator_kode,
        ind.periode_id,
        ind.tahun_awal,
        ind.tahun_akhir,
        ind.polaritas,
        ind.agregasi,
        ind.iku,
        ind.kondisi_awal,
        ind.kondisi_awal_teks,
        ind.tahun_kondisi_awal,
        CASE
            WHEN ind.polaritas = 'rentang' OR ind.polaritas = 'teks' THEN NULL
            WHEN ind.target_akhir IS NOT NULL THEN ind.target_akhir
            WHEN ind.agregasi = 'kumulatif' THEN rk.jumlah_target
            ELSE rk.target_terakhir
        END AS target_akhir,
        coalesce(ind.target_akhir_min, CASE WHEN ind.polaritas = 'rentang' THEN rk.target_terakhir_min END) AS target_akhir_min,
        coalesce(ind.target_akhir_max, CASE WHEN ind.polaritas = 'rentang' THEN rk.target_terakhir_max END) AS target_akhir_max,
        ind.target_akhir_teks,
        rk.terakhir AS realisasi_terakhir,
        rk.terakhir_teks AS realisasi_terakhir_teks,
        rk.tahun_terakhir,
        rk.terakhir_sd AS realisasi_terakhir_sd,
        rp.realisasi_periode,
        -- dibulatkan 6 desimal: sisa galat pembulatan regresi (1e-15) tidak boleh menentukan on_track
        -- ketika proyeksi tepat di target (misalnya target 0).
        round(CASE
            WHEN ind.polaritas = 'teks' OR rk.jumlah_tahun_data IS NULL OR rk.jumlah_tahun_data = 0 THEN NULL
            WHEN ind.agregasi = 'kumulatif' THEN
                CASE WHEN rk.tahun_setara > 0 THEN rk.jumlah / rk.tahun_setara * ind.jumlah_tahun END
            WHEN tr.jumlah_titik >= 2 AND tr.kemiringan IS NOT NULL THEN
                tr.titik_potong + tr.kemiringan * ind.tahun_akhir
            ELSE rk.terakhir
        END, 6) AS proyeksi,
        CASE WHEN ind.agregasi = 'kumulatif' THEN 'laju rata-rata' ELSE 'tren linear' END AS metode_proyeksi,
        a.rumus_negatif
    FROM ind
    LEFT JOIN ringkas rk ON rk.indikator_id = ind.id AND rk.daerah_kode = ind.daerah_kode
    LEFT JOIN rpjmd rp ON rp.indikator_id = ind.id AND rp.daerah_kode = ind.daerah_kode
    LEFT JOIN tren tr ON tr.indikator_id = ind.id AND tr.daerah_kode = ind.daerah_kode
    CROSS JOIN pengaturan_aktif a
),
hitung AS (
    SELECT
        *,
        capaian(polaritas, target_akhir, target_akhir_min, target_akhir_max, realisasi_periode, rumus_negatif)
            AS capaian_periode,
        capaian(polaritas, target_akhir, target_akhir_min, target_akhir_max, proyeksi, rumus_negatif)
            AS capaian_proyeksi
    FROM dasar
)
SELECT
    h.*,
    predikat(h.capaian_periode) AS predikat_periode,
    CASE WHEN h.capaian_proyeksi IS NULL THEN NULL ELSE h.capaian_proyeksi >= 100 END AS on_track
FROM hitung h;

-- Nilai target/realisasi sebagai teks untuk riwayat: angka, pita "min - max", atau teks.
CREATE OR REPLACE MACRO nilai_sebagai_teks(nilai, nilai_min, nilai_max, nilai_teks) AS
    coalesce(
        nilai_teks,
        CASE
            WHEN nilai_min IS NULL THEN NULL
            WHEN nilai_min = nilai_max THEN CAST(nilai_min AS VARCHAR)
            ELSE CAST(nilai_min AS VARCHAR) || ' - ' || CAST(nilai_max AS VARCHAR)
        END,
        CAST(nilai AS VARCHAR)
    );

-- ---------------------------------------------------------------------------
-- capaian_triwulan: capaian s.d. triwulan ke-k dari angka triwulan (tanpa angka tahunan).
-- 'kumulatif': jumlah TW1..TWk; 'akhir': angka triwulan terakhir <= k. Satu baris per
-- indikator, tahun dan triwulan yang punya angka. Dipakai untuk "apa yang berubah sejak
-- triwulan lalu" dan kolom TW I-IV laporan.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW capaian_triwulan AS
WITH tw AS (
    -- Setiap angka triwulan, dengan nilai s.d. triwulan itu sebagai agregat berjalan per indikator dan tahun.
    SELECT
        i.daerah_kode, i.urusan_kode, r.indikator_id, i.kode AS indikator_kode, r.tahun,
        triwulan_ke(r.periode) AS triwulan, i.polaritas, i.agregasi,
        sum(r.nilai) OVER w AS jumlah,
        r.nilai AS terakhir,
        r.nilai_teks AS terakhir_teks,
        bool_or(r.status = 'sementara') OVER w AS ada_sementara,
        r.status AS status_terakhir
    FROM realisasi r
    JOIN indikator i ON i.id = r.indikator_id
    WHERE r.periode <> 'TAHUN'
    WINDOW w AS (PARTITION BY i.daerah_kode, r.indikator_id, r.tahun ORDER BY r.periode
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
dasar AS (
    SELECT
        s.daerah_kode,
        s.urusan_kode,
        s.indikator_id,
        s.indikator_kode,
        s.tahun,
        s.triwulan,
        'TW' || s.triwulan AS periode,
        s.polaritas,
        s.agregasi,
        CASE WHEN s.agregasi = 'kumulatif' THEN s.jumlah ELSE s.terakhir END AS realisasi,
        s.terakhir_teks AS realisasi_teks,
        CASE
            WHEN s.agregasi = 'kumulatif' AND s.ada_sementara THEN 'sementara'
            WHEN s.agregasi <> 'kumulatif' AND s.status_terakhir = 'sementara' THEN 'sementara'
            ELSE 'tetap'
        END AS status,
        t.target, t.target_min, t.target_max, t.target_teks,
        capaian(s.polaritas, t.target, t.target_min, t.target_max,
                CASE WHEN s.agregasi = 'kumulatif' THEN s.jumlah ELSE s.terakhir END, a.rumus_negatif) AS capaian,
        -- s.d. triwulan itu dibanding target yang sebanding (kumulatif: k/4 target setahun), seperti capaian_sd
        -- di capaian_tahunan; lihat docs/ATURAN.md
        capaian(s.polaritas, t.target * faktor_sd(s.agregasi, s.triwulan),
                t.target_min * faktor_sd(s.agregasi, s.triwulan), t.target_max * faktor_sd(s.agregasi, s.triwulan),
                CASE WHEN s.agregasi = 'kumulatif' THEN s.jumlah ELSE s.terakhir END, a.rumus_negatif) AS capaian_sd
    FROM tw s
    LEFT JOIN tahunan t ON t.indikator_id = s.indikator_id AND t.tahun = s.tahun AND t.daerah_kode = s.daerah_kode
    CROSS JOIN pengaturan_aktif a
)
SELECT d.*, predikat(d.capaian) AS predikat, predikat(d.capaian_sd) AS predikat_sd
FROM dasar d;

-- Nama daerah ringkas untuk sumbu grafik: "Kabupaten Bulungan" -> "Bulungan", "Kota Tarakan" tetap.
CREATE OR REPLACE MACRO nama_pendek(nama, jenis) AS
    CASE WHEN jenis = 'kabupaten' THEN regexp_replace(nama, '^Kabupaten\s+', '') ELSE nama END;

-- Rata-rata capaian banyak indikator: setiap capaian dibatasi 100 lebih dulu (docs/ATURAN.md),
-- indikator tanpa capaian (NULL) tidak dihitung. Makro agregat: dipakai di dalam GROUP BY.
-- Bukan least(c, 100): least() DuckDB mengabaikan NULL, jadi least(NULL, 100) = 100 dan indikator
-- yang belum berdata akan terhitung 100.
-- Dibulatkan seperti capaian (bulat_dua, lewat DECIMAL): rata-rata 90,955 menjadi 90,96, bukan 90,95 seperti
-- round(double, 2) yang melihat 90,95499...; predikat rata-rata dipilih dari angka yang sama yang ditampilkan.
CREATE OR REPLACE MACRO rata_capaian(c) AS bulat_dua(avg(CASE WHEN c > 100 THEN 100 ELSE c END));

-- Daerah dalam satu provinsi: provinsi itu sendiri dan kabupaten/kotanya. Kode Kemendagri bersifat
-- hierarkis (kab/kota = kode provinsi + '.' + dua angka), sehingga cukup filter pada kode, yang sampai
-- ke pemindaian (semi-join ke tabel daerah tidak).
CREATE OR REPLACE MACRO dalam_provinsi(kode, provinsi) AS
    kode = provinsi OR starts_with(kode, provinsi || '.');

-- persen_lapor(sudah, jumlah): persen indikator yang sudah melapor periode lapor, satu desimal (lewat DECIMAL,
-- seperti bulat_dua); NULL bila tidak ada indikator. Satu definisi untuk ringkasan per daerah dan per urusan.
CREATE OR REPLACE MACRO persen_lapor(sudah, jumlah) AS
    CASE WHEN jumlah > 0 THEN CAST(round(CAST(100.0 * sudah / jumlah AS DECIMAL(38, 9)), 1) AS DOUBLE) END;

-- ---------------------------------------------------------------------------
-- kualitas_lapor(provinsi): satu baris per indikator provinsi itu dan kabupaten/kotanya yang berlaku pada
-- tahun lapor, dengan status pelaporannya. Satu definisi untuk halaman Kualitas data (rincian dan ringkasan).
--   periode lapor: triwulan terakhir yang sudah diisi daerah mana pun di provinsi itu (atau tahun terakhir
--                  bila belum ada angka triwulan);
--   indikator "tahunan" (hanya pernah berangka TAHUN) tidak ditagih triwulan: "sudah lapor" bila berangka
--                  tahun lapor atau tahun sebelumnya, "usang" bila angka terakhirnya lebih tua dari tahun lapor - 1.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE MACRO kualitas_lapor(provinsi) AS TABLE
WITH semua AS (
    SELECT r.tahun, r.periode
    FROM realisasi r
    JOIN indikator i ON i.id = r.indikator_id
    WHERE dalam_provinsi(i.daerah_kode, provinsi)
),
lapor AS (
    SELECT coalesce(
        (SELECT max(tahun * 10 + CAST(right(periode, 1) AS INTEGER)) FROM semua WHERE periode <> 'TAHUN'),
        (SELECT max(tahun) * 10 + 5 FROM semua)) AS k
),
tl AS (
    SELECT k // 10 AS tahun_lapor, CASE WHEN k % 10 = 5 THEN 'TAHUN' ELSE 'TW' || (k % 10) END AS periode_lapor
    FROM lapor
    WHERE k IS NOT NULL
),
ind AS (
    SELECT i.id, i.daerah_kode, i.urusan_kode, i.kode, i.nama, tl.tahun_lapor, tl.periode_lapor
    FROM indikator i
    JOIN periode p ON p.id = i.periode_id
    CROSS JOIN tl
    WHERE dalam_provinsi(i.daerah_kode, provinsi)
      AND tl.tahun_lapor BETWEEN p.tahun_awal AND p.tahun_akhir
),
per_ind AS (
    SELECT ind.id,
           coalesce(bool_or(r.periode <> 'TAHUN'), false) AS ada_triwulan,
           coalesce(bool_or(r.tahun = ind.tahun_lapor AND (r.periode = ind.periode_lapor OR r.periode = 'TAHUN')),
                    false) AS ada_lapor,
           max(r.tahun) FILTER (WHERE r.periode = 'TAHUN') AS tahun_tahunan_terakhir,
           arg_max(r.tahun || ' ' || r.periode,
                   r.tahun * 10 + CASE WHEN r.periode = 'TAHUN' THEN 5 ELSE CAST(right(r.periode, 1) AS INTEGER) END)
               AS realisasi_terakhir,
           count(*) FILTER (WHERE r.status = 'sementara') AS jumlah_sementara,
           max(r.diubah_pada) AS diubah_pada,
           arg_max(r.diubah_oleh, r.diubah_pada) AS diubah_oleh
    FROM ind
    LEFT JOIN realisasi r ON r.indikator_id = ind.id AND r.tahun <= ind.tahun_lapor
    GROUP BY ind.id
)
SELECT ind.id AS indikator_id, ind.daerah_kode, ind.urusan_kode, ind.kode AS indikator_kode, ind.nama AS indikator,
       ind.tahun_lapor, ind.periode_lapor,
       CASE WHEN p.ada_triwulan THEN 'triwulan'
            WHEN p.realisasi_terakhir IS NULL THEN 'belum pernah'
            ELSE 'tahunan' END AS pelaporan,
       CASE WHEN p.ada_triwulan OR p.realisasi_terakhir IS NULL THEN p.ada_lapor
            ELSE coalesce(p.tahun_tahunan_terakhir >= ind.tahun_lapor - 1, false) END AS sudah_lapor,
       p.realisasi_terakhir,
       p.jumlah_sementara,
       coalesce(NOT p.ada_triwulan AND p.tahun_tahunan_terakhir < ind.tahun_lapor - 1, false) AS usang,
       p.diubah_oleh, p.diubah_pada
FROM ind
JOIN per_ind p ON p.id = ind.id;

-- ---------------------------------------------------------------------------
-- Dukungan sub kegiatan dan anggaran (keputusan #10)
--
-- anggaran_dukungan: satu baris per baris dukungan, dengan realisasi anggaran yang berlaku dan serapannya.
--   Realisasi per triwulan adalah belanja DALAM triwulan itu (bukan kumulatif). realisasi_tahun (angka
--   setahun yang diisi langsung) menang atas jumlah triwulan, seperti realisasi kinerja 'TAHUN'.
--   triwulan_anggaran: triwulan terakhir yang dilaporkan (4 bila ada angka setahun atau TW4).
--   serapan (%) = realisasi_anggaran / pagu x 100, dibulatkan 2 desimal seperti capaian; NULL bila pagu 0/kosong.
--   bidang_urusan_kode dan program_kode dibaca dari kode sub kegiatan (U.BB.PP.K.KK.SSSS).
-- ---------------------------------------------------------------------------
-- serapan(realisasi, pagu): serapan anggaran (%) = realisasi / pagu x 100, dibulatkan dua desimal seperti capaian;
-- NULL bila pagu 0 atau kosong. SATU definisi untuk setiap baris, kelompok, halaman, dek dan laporan.
CREATE OR REPLACE MACRO serapan(realisasi, pagu) AS
    CASE WHEN pagu > 0 THEN bulat_dua(realisasi / pagu * 100) END;

-- kunci_dukungan(unit, sub kegiatan): kunci baris dukungan di riwayat: kode sub kegiatan saja bila unitnya tidak
-- disebut (''), "unit sub_kegiatan" bila disebut (kode sub kegiatan yang sama ada di banyak unit SIPD-RI).
CREATE OR REPLACE MACRO kunci_dukungan(unit, sub) AS
    CASE WHEN coalesce(unit, '') = '' THEN sub ELSE unit || ' ' || sub END;

-- anggaran_dukungan: setiap baris dukungan dengan realisasi dan serapannya. Pagu yang tidak diisi di dukungan
-- diambil dari anggaran SIPD-RI yang diimpor (anggaran_sipd) untuk unit dan sub kegiatan yang sama, demikian pula
-- nama sub kegiatan dan perangkat daerah: pagu tidak diketik dua kali (docs/FORMAT_SIPD.md).
CREATE OR REPLACE VIEW anggaran_dukungan AS
WITH d AS (
    SELECT d.*,
        CASE
            WHEN d.realisasi_tahun IS NOT NULL THEN d.realisasi_tahun
            WHEN coalesce(d.realisasi_tw1, d.realisasi_tw2, d.realisasi_tw3, d.realisasi_tw4) IS NOT NULL
                THEN coalesce(d.realisasi_tw1, 0) + coalesce(d.realisasi_tw2, 0)
                     + coalesce(d.realisasi_tw3, 0) + coalesce(d.realisasi_tw4, 0)
        END AS realisasi_anggaran,
        CASE
            WHEN d.realisasi_tahun IS NOT NULL OR d.realisasi_tw4 IS NOT NULL THEN 4
            WHEN d.realisasi_tw3 IS NOT NULL THEN 3
            WHEN d.realisasi_tw2 IS NOT NULL THEN 2
            WHEN d.realisasi_tw1 IS NOT NULL THEN 1
        END AS triwulan_anggaran,
        substr(d.sub_kegiatan_kode, 1, 4) AS bidang_urusan_kode,
        substr(d.sub_kegiatan_kode, 1, 7) AS program_kode,
        coalesce(d.pagu, CAST(a.pagu AS DOUBLE)) AS pagu_berlaku,
        coalesce(d.perangkat_daerah, a.perangkat_daerah) AS perangkat_daerah_berlaku,
        coalesce(d.sub_kegiatan_nama, a.sub_kegiatan_nama) AS sub_kegiatan_nama_berlaku,
        a.pagu IS NOT NULL AS ada_di_sipd
    FROM dukungan d
    LEFT JOIN anggaran_sipd a ON d.perangkat_daerah_kode <> '' AND a.daerah_kode = d.daerah_kode
         AND a.tahun = d.tahun AND a.perangkat_daerah_kode = d.perangkat_daerah_kode
         AND a.sub_kegiatan_kode = d.sub_kegiatan_kode
)
SELECT
    d.id, d.daerah_kode, d.tahun, d.indikator_id, i.kode AS indikator_kode, i.nama AS indikator_nama,
    i.periode_id, i.urusan_kode,
    d.sub_kegiatan_kode, coalesce(d.sub_kegiatan_nama_berlaku, s.nama) AS sub_kegiatan_nama,
    d.bidang_urusan_kode, d.program_kode, p.nama AS program_nama,
    d.perangkat_daerah_kode, d.perangkat_daerah_berlaku AS perangkat_daerah, d.pagu_berlaku AS pagu, d.ada_di_sipd,
    d.realisasi_tw1, d.realisasi_tw2, d.realisasi_tw3, d.realisasi_tw4, d.realisasi_tahun,
    d.realisasi_anggaran, d.triwulan_anggaran,
    serapan(d.realisasi_anggaran, d.pagu_berlaku) AS serapan,
    d.disepakati, d.disepakati_oleh, d.disepakati_pada, d.sumber, d.catatan, d.diubah_oleh, d.diubah_pada
FROM d
LEFT JOIN indikator i ON i.id = d.indikator_id
LEFT JOIN sub_kegiatan s ON s.kode = d.sub_kegiatan_kode
LEFT JOIN program p ON p.kode = d.program_kode;

-- sub_kegiatan_anggaran(daerah, tahun): satu baris per sub kegiatan (kode + unit, atau nama perangkat daerah bila
-- kode unitnya tidak disebut) sebuah daerah pada
-- suatu tahun, DIHITUNG SEKALI walau mendukung beberapa indikator (pagu/realisasi terbesar yang tercatat untuknya):
-- dasar setiap jumlah pagu dan serapan daerah (kinerja_anggaran, ringkasan halaman, kaki laporan).
CREATE OR REPLACE MACRO sub_kegiatan_anggaran(p_daerah, p_tahun) AS TABLE
SELECT sub_kegiatan_kode, coalesce(nullif(perangkat_daerah_kode, ''), perangkat_daerah, '') AS pd, max(pagu) AS pagu,
       max(realisasi_anggaran) AS realisasi, max(triwulan_anggaran) AS triwulan,
       bool_and(indikator_id IS NULL) AS tanpa_indikator
FROM anggaran_dukungan
WHERE daerah_kode = p_daerah AND tahun = p_tahun
GROUP BY ALL;

-- Kuadran kinerja-anggaran: batas dari pengaturan. kuadran_batas_kinerja (bawaan 91), kuadran_batas_serapan
-- (setahun, bawaan 90) dan kuadran_batas_serapan_triwulan ("15;40;60": serapan kumulatif s.d. TW I;II;III untuk
-- tahun yang baru dilaporkan sampai triwulan itu; belanja daerah menumpuk di akhir tahun).
CREATE OR REPLACE VIEW batas_kuadran AS
WITH p AS (
    SELECT
        max(nilai) FILTER (WHERE kunci = 'kuadran_batas_kinerja') AS kinerja,
        max(nilai) FILTER (WHERE kunci = 'kuadran_batas_serapan') AS serapan,
        max(nilai) FILTER (WHERE kunci = 'kuadran_batas_serapan_triwulan') AS triwulan
    FROM pengaturan_berlaku
)
SELECT
    TRY_CAST(kinerja AS DOUBLE) AS batas_kinerja,
    TRY_CAST(serapan AS DOUBLE) AS batas_serapan,
    TRY_CAST(split_part(triwulan, ';', 1) AS DOUBLE) AS batas_serapan_tw1,
    TRY_CAST(split_part(triwulan, ';', 2) AS DOUBLE) AS batas_serapan_tw2,
    TRY_CAST(split_part(triwulan, ';', 3) AS DOUBLE) AS batas_serapan_tw3
FROM p;

-- Nama kuadran dari capaian kinerja dan serapan terhadap batasnya (NULL bila salah satunya tidak ada).
CREATE OR REPLACE MACRO kuadran(kinerja, serapan, batas_kinerja, batas_serapan) AS
    CASE
        WHEN kinerja IS NULL OR serapan IS NULL THEN NULL
        WHEN kinerja >= batas_kinerja AND serapan < batas_serapan THEN 'Efektif-efisien'
        WHEN kinerja >= batas_kinerja THEN 'Efektif'
        WHEN serapan >= batas_serapan THEN 'Tidak efektif-tidak efisien'
        ELSE 'Belum optimal'
    END;

-- kinerja_anggaran(daerah, periode_id, tahun): kelompok untuk kuadran, per urusan DAN per perangkat daerah
-- (kolom dimensi = 'urusan' | 'perangkat_daerah'), dengan SATU definisi:
--   kinerja  = rata_capaian indikator kelompok itu yang didukung (urusan: semua indikator urusan itu;
--              perangkat daerah: indikator yang didukung sub kegiatannya);
--   serapan  = jumlah realisasi / jumlah pagu sub kegiatan kelompok itu, setiap sub kegiatan (kode + perangkat
--              daerah) dihitung SEKALI walau mendukung beberapa indikator (pagu/realisasi terbesar yang
--              tercatat untuknya); perangkat daerah juga menghitung sub kegiatan yang belum mendukung indikator.
--   Indikator kualitatif ('teks') tidak punya capaian, jadi tidak ikut kinerja maupun jumlah_indikator, tetapi
--   sub kegiatan yang mendukungnya tetap ikut anggaran (pagu dan realisasinya tetap dibelanjakan).
CREATE OR REPLACE MACRO kinerja_anggaran(p_daerah, p_periode_id, p_tahun) AS TABLE
WITH ind AS (
    SELECT id, urusan_kode, polaritas <> 'teks' AS kuantitatif FROM indikator
    WHERE daerah_kode = p_daerah AND periode_id = p_periode_id
),
cap AS (
    SELECT indikator_id, capaian FROM capaian_tahunan
    WHERE daerah_kode = p_daerah AND periode_id = p_periode_id AND tahun = p_tahun
),
dk AS (
    SELECT a.*, ind.id IS NOT NULL AS indikator_periode
    FROM anggaran_dukungan a
    LEFT JOIN ind ON ind.id = a.indikator_id
    WHERE a.daerah_kode = p_daerah AND a.tahun = p_tahun
      AND (a.indikator_id IS NULL OR ind.id IS NOT NULL)
),
sk AS (   -- satu baris per sub kegiatan (kode + perangkat daerah): makro sub_kegiatan_anggaran
    SELECT * FROM sub_kegiatan_anggaran(p_daerah, p_tahun)
),
kelompok_sk AS (  -- sub kegiatan per kelompok (tanpa ganda)
    SELECT DISTINCT 'urusan' AS dimensi, coalesce(ind.urusan_kode, '') AS kelompok, dk.sub_kegiatan_kode,
           coalesce(nullif(dk.perangkat_daerah_kode, ''), dk.perangkat_daerah, '') AS pd
    FROM dk JOIN ind ON ind.id = dk.indikator_id
    UNION
    SELECT DISTINCT 'perangkat_daerah', coalesce(dk.perangkat_daerah, ''), dk.sub_kegiatan_kode,
           coalesce(nullif(dk.perangkat_daerah_kode, ''), dk.perangkat_daerah, '')
    FROM dk
),
kelompok_ind AS (
    SELECT 'urusan' AS dimensi, coalesce(urusan_kode, '') AS kelompok, id AS indikator_id FROM ind WHERE kuantitatif
    UNION
    SELECT 'perangkat_daerah', coalesce(dk.perangkat_daerah, ''), dk.indikator_id
    FROM dk JOIN ind ON ind.id = dk.indikator_id WHERE ind.kuantitatif
),
angg AS (
    SELECT k.dimensi, k.kelompok, count(*) AS jumlah_sub_kegiatan, sum(sk.pagu) AS pagu,
           sum(sk.realisasi) AS realisasi_anggaran, max(sk.triwulan) AS triwulan_anggaran
    FROM kelompok_sk k JOIN sk USING (sub_kegiatan_kode, pd)
    GROUP BY ALL
),
kin AS (
    SELECT k.dimensi, k.kelompok, count(*) AS jumlah_indikator, count(cap.capaian) AS jumlah_berdata,
           rata_capaian(cap.capaian) AS kinerja
    FROM kelompok_ind k LEFT JOIN cap USING (indikator_id)
    GROUP BY ALL
)
SELECT
    coalesce(angg.dimensi, kin.dimensi) AS dimensi,
    nullif(coalesce(angg.kelompok, kin.kelompok), '') AS kelompok_kode,
    coalesce(kin.jumlah_indikator, 0) AS jumlah_indikator,
    coalesce(kin.jumlah_berdata, 0) AS jumlah_berdata,
    kin.kinerja,
    coalesce(angg.jumlah_sub_kegiatan, 0) AS jumlah_sub_kegiatan,
    angg.pagu, angg.realisasi_anggaran, angg.triwulan_anggaran,
    serapan(angg.realisasi_anggaran, angg.pagu) AS serapan
FROM angg FULL JOIN kin ON kin.dimensi = angg.dimensi AND kin.kelompok = angg.kelompok;

-- pasangan_desk(provinsi, urusan, tahun): indikator provinsi satu urusan yang periodenya mencakup tahun itu
-- (induk), dan setiap indikator yang dipasangkan dengannya di desk urusan: indikator provinsi itu sendiri, dan
-- indikator kabupaten/kota provinsi itu yang menunjuk induknya (induk_daerah_kode/induk_kode) atau, bila tautan
-- induknya kosong, berkode sama; hanya periode yang mencakup tahun itu. SATU definisi untuk desk_indikator,
-- desk_keselarasan dan desk_dukungan.
CREATE OR REPLACE MACRO pasangan_desk(p_provinsi, p_urusan, p_tahun) AS TABLE
WITH prov AS (
    SELECT i.id, i.kode
    FROM indikator i
    JOIN periode p ON p.id = i.periode_id
    WHERE i.daerah_kode = p_provinsi AND i.urusan_kode = p_urusan
      AND p_tahun BETWEEN p.tahun_awal AND p.tahun_akhir
)
SELECT prov.id AS induk_id, prov.kode AS induk_kode, prov.id AS indikator_id, prov.kode AS indikator_kode,
       CAST(p_provinsi AS VARCHAR) AS daerah_kode
FROM prov
UNION ALL
SELECT prov.id, prov.kode, k.id, k.kode, k.daerah_kode
FROM prov
JOIN indikator k
  ON (k.induk_daerah_kode = p_provinsi AND k.induk_kode = prov.kode)
  OR (k.induk_kode IS NULL AND k.kode = prov.kode)
JOIN daerah d ON d.kode = k.daerah_kode AND d.kode_induk = p_provinsi
JOIN periode p ON p.id = k.periode_id AND p_tahun BETWEEN p.tahun_awal AND p.tahun_akhir;

-- ---------------------------------------------------------------------------
-- Prioritas dan usulan (keputusan #20; docs/ATURAN.md, "Keselarasan usulan").
-- keputusan_usulan_terkini: versi terbesar keputusan setiap usulan (tabelnya hanya ditambah).
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW keputusan_usulan_terkini AS
SELECT usulan_id, keputusan, alasan, dialihkan_ke, pagu_disepakati, versi, oleh, pada
FROM keputusan_usulan
QUALIFY row_number() OVER (PARTITION BY usulan_id ORDER BY versi DESC) = 1;

-- kewenangan_provinsi(kode): sub kegiatan U.BB.PP.K.KK.SSSS yang kegiatannya kegiatan provinsi (K = 1).
CREATE OR REPLACE MACRO kewenangan_provinsi(kode) AS split_part(kode, '.', 4) = '1';

-- ---------------------------------------------------------------------------
-- keselarasan_usulan: satu baris per usulan dengan status keselarasannya, yang PERTAMA berlaku dari:
--   1. bukan_kewenangan_provinsi  sub_kegiatan_kode diisi dan kegiatannya bukan kegiatan provinsi (K <> 1);
--   2. tanpa_prioritas            tidak menyebut prioritas;
--   3. perlu_diperiksa            prioritasnya tidak menyebut urusan dan tidak punya indikator tertaut;
--   4. urusan_tidak_sesuai        urusan usulan tidak ada di urusan prioritas maupun urusan indikator tertautnya;
--   5. sejalan.
-- urusan_prioritas: urusan yang sah untuk prioritasnya (daftar prioritas itu sendiri ditambah urusan indikator
-- tertaut), untuk menjelaskan mengapa tidak sejalan. keputusan NULL = belum dibahas.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW keselarasan_usulan AS
WITH urusan_sah AS (
    SELECT prioritas_id, urusan_kode, true AS dari_daftar FROM prioritas_urusan
    UNION ALL
    SELECT ip.prioritas_id, i.urusan_kode, false FROM indikator_prioritas ip
    JOIN indikator i ON i.id = ip.indikator_id
),
per_prioritas AS (
    SELECT p.id AS prioritas_id,
           count(*) FILTER (WHERE s.dari_daftar) AS jumlah_urusan,
           count(*) FILTER (WHERE s.prioritas_id IS NOT NULL AND NOT s.dari_daftar) AS jumlah_indikator,
           list(DISTINCT s.urusan_kode ORDER BY s.urusan_kode) FILTER (WHERE s.urusan_kode IS NOT NULL) AS urusan
    FROM prioritas p
    LEFT JOIN urusan_sah s ON s.prioritas_id = p.id
    GROUP BY p.id
)
SELECT
    u.id AS usulan_id,
    d.kode_induk AS provinsi_kode,
    u.daerah_kode, u.tahun, u.nomor, u.judul, u.urusan_kode,
    p.kode AS prioritas_kode,
    CASE
        WHEN u.sub_kegiatan_kode IS NOT NULL AND NOT kewenangan_provinsi(u.sub_kegiatan_kode)
            THEN 'bukan_kewenangan_provinsi'
        WHEN u.prioritas_id IS NULL THEN 'tanpa_prioritas'
        WHEN coalesce(pp.jumlah_urusan, 0) = 0 AND coalesce(pp.jumlah_indikator, 0) = 0 THEN 'perlu_diperiksa'
        WHEN NOT list_contains(coalesce(pp.urusan, []), u.urusan_kode) THEN 'urusan_tidak_sesuai'
        ELSE 'sejalan'
    END AS status,
    k.keputusan,
    u.prioritas_id, p.nama AS prioritas_nama,
    array_to_string(pp.urusan, ', ') AS urusan_prioritas,
    u.sub_kegiatan_kode, u.biaya, u.volume, u.satuan, u.lokasi, u.permasalahan, u.perangkat_daerah, u.sumber,
    k.alasan, k.dialihkan_ke, k.pagu_disepakati, coalesce(k.versi, 0) AS keputusan_versi, k.oleh AS diputuskan_oleh,
    k.pada AS diputuskan_pada
FROM usulan u
JOIN daerah d ON d.kode = u.daerah_kode
LEFT JOIN prioritas p ON p.id = u.prioritas_id
LEFT JOIN per_prioritas pp ON pp.prioritas_id = u.prioritas_id
LEFT JOIN keputusan_usulan_terkini k ON k.usulan_id = u.id;

-- ---------------------------------------------------------------------------
-- capaian_prioritas: satu baris per prioritas dan tahun dalam rentang tahunnya, dengan indikator tertautnya
-- dihitung per predikat. Aturannya sama dengan capaian per urusan (queries/capaian_urusan.sql): indikator teks
-- tidak dihitung, tahun belum lengkap memakai capaian_sd/predikat_sd, yang belum berdata tidak dihitung.
-- Kolom per predikat menurut urutan skala (nama Permendagri 86/2017; batasnya boleh diubah daerah).
-- ---------------------------------------------------------------------------
CREATE OR REPLACE VIEW capaian_prioritas AS
WITH tahun_prioritas AS (
    SELECT p.id AS prioritas_id, p.daerah_kode, p.kode, p.nama, p.jenis, p.dokumen,
           unnest(range(p.tahun_awal, p.tahun_akhir + 1)) AS tahun
    FROM prioritas p
),
tertaut AS (
    SELECT ip.prioritas_id, i.id AS indikator_id
    FROM indikator_prioritas ip
    JOIN indikator i ON i.id = ip.indikator_id
    WHERE i.polaritas <> 'teks'
),
-- Satu tingkat join (bukan tahun_prioritas LEFT JOIN (tahun_prioritas JOIN ...)): saringan daerah_kode dan tahun di
-- luar view sampai ke tahun_prioritas dan, lewat kesamaan daerah dan tahun, ke capaian_tahunan; sebelumnya
-- capaian_tahunan dihitung untuk seluruh indikator nasional (isu #15). Baris dan hitungan sama.
nilai AS (
    SELECT tp.prioritas_id, tp.daerah_kode, tp.kode, tp.nama, tp.jenis, tp.dokumen, tp.tahun,
           t.indikator_id, c.capaian_sd AS capaian, info_predikat(c.capaian_sd).urutan AS urutan
    FROM tahun_prioritas tp
    LEFT JOIN tertaut t ON t.prioritas_id = tp.prioritas_id
    -- indikator tertaut selalu milik daerah prioritasnya (impor mencarinya di sana); kesamaan daerah ditulis agar
    -- saringan daerah sampai ke capaian_tahunan
    LEFT JOIN capaian_tahunan c ON c.indikator_id = t.indikator_id AND c.tahun = tp.tahun
                               AND c.daerah_kode = tp.daerah_kode
)
SELECT n.prioritas_id, n.daerah_kode, n.kode, n.nama, n.jenis, n.dokumen, n.tahun,
       count(n.indikator_id) AS jumlah_indikator,
       count(n.capaian) AS jumlah_berealisasi,
       count(*) FILTER (WHERE n.urutan = 5) AS sangat_tinggi,
       count(*) FILTER (WHERE n.urutan = 4) AS tinggi,
       count(*) FILTER (WHERE n.urutan = 3) AS sedang,
       count(*) FILTER (WHERE n.urutan = 2) AS rendah,
       count(*) FILTER (WHERE n.urutan = 1) AS sangat_rendah,
       rata_capaian(n.capaian) AS rata_capaian
FROM nilai n
GROUP BY ALL;
