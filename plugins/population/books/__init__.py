"""The village administration books of the population register (Permendagri 47/2016, part B):
Buku Induk Penduduk, Buku Penduduk Sementara and Buku KTP dan KK as pages, PDFs and
spreadsheets, with the printed resident sheet (biodata) and family card (KK).

Buku Mutasi and Buku Rekapitulasi live in `register` (report_routes) and are linked from the
books' index page.
"""
