"""Village letters (surat keterangan), one module per job:

- ``numbering``: letter numbers from a village's pattern (``474.1/007/2001/XI/2026``);
- ``kinds``: the letter types, the data each needs and its default wording;
- ``body``: rendering a (village-editable) wording template in a sandbox;
- ``pdf``: the printed letter with letterhead, signer block and verification QR code;
- ``certificates``, ``signing``: the instance's own keys and PAdES signatures over letters;
- ``verification``: checking a signed letter PDF.

Nothing is imported here: reportlab and pyhanko are slow to load and most callers need one
module only.
"""
