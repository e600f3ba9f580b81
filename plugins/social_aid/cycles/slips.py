"""The invitation slip's QR code: the entitlement's token, drawn as inline SVG so the slip
prints without any script or external image."""

from __future__ import annotations

import qrcode
import qrcode.image.svg


def qr_svg(token: str) -> str:
    image = qrcode.make(token, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))
