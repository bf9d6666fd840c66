-- Pertanyaan: bagaimana kemajuan setiap prioritas pembangunan sebuah daerah pada satu tahun (indikator tertautnya
--             per predikat, dari view capaian_prioritas), dan prioritas nasional (PN) mana yang dilayaninya?
--             PN: baris RKP berkode sama yang tahunnya bersinggungan dengan prioritas itu, yang terbaru.
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: prioritas_id, kode, nama, jumlah_indikator, jumlah_berealisasi, sangat_tinggi, tinggi, sedang, rendah,
--        sangat_rendah, rata_capaian, pn
WITH pn AS (
    SELECT pp.prioritas_id, n.kode, n.nama, n.tahun_akhir
    FROM prioritas_pn pp
    JOIN prioritas p ON p.id = pp.prioritas_id AND p.daerah_kode = $daerah
    JOIN prioritas n ON n.daerah_kode IS NULL AND n.dokumen = 'RKP' AND n.jenis = 'PN' AND n.kode = pp.pn_kode
                    AND n.tahun_awal <= p.tahun_akhir AND n.tahun_akhir >= p.tahun_awal
    QUALIFY n.tahun_akhir = max(n.tahun_akhir) OVER (PARTITION BY pp.prioritas_id, pp.pn_kode)
),
teks_pn AS (
    SELECT prioritas_id, string_agg('PN ' || kode || ' (RKP ' || tahun_akhir || '): ' || nama, '; ' ORDER BY kode) AS pn
    FROM pn GROUP BY prioritas_id
)
SELECT c.prioritas_id, c.kode, c.nama, c.jumlah_indikator, c.jumlah_berealisasi, c.sangat_tinggi, c.tinggi,
       c.sedang, c.rendah, c.sangat_rendah, c.rata_capaian, t.pn
FROM capaian_prioritas c
LEFT JOIN teks_pn t ON t.prioritas_id = c.prioritas_id
WHERE c.daerah_kode = $daerah AND c.tahun = $tahun AND c.jenis = 'prioritas'
ORDER BY c.kode
