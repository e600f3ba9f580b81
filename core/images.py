"""Re-encoding uploaded pictures: decoded by Pillow, turned upright, shrunk and stripped.

A picture that comes from a phone is large (12 megapixels, 3-5 MB) and carries EXIF data,
GPS position included. Decoding it proves the bytes are the picture they claim to be; writing
it out again from its pixels alone drops every piece of metadata and any payload hidden after
the image data. Uploads of documents and village logos both pass through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = ["MAX_PIXELS", "NotAnImage", "ReencodedImage", "reencode_image"]

MAX_PIXELS = 50_000_000
"""Larger pictures are refused before decoding: a small file can claim a huge canvas."""

_FORMATS = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "WEBP": ("image/webp", ".webp"),
}


class NotAnImage(ValueError):
    """The bytes are not a picture of an accepted format, or one too large to decode."""


@dataclass(frozen=True, slots=True)
class ReencodedImage:
    data: bytes
    content_type: str
    extension: str
    width: int
    height: int


def reencode_image(
    data: bytes, formats: frozenset[str], max_side: int, quality: int = 85
) -> ReencodedImage:
    """The picture upright, at most ``max_side`` pixels on its longest side, without metadata.

    ``formats`` are Pillow format names (``JPEG``, ``PNG``, ``WEBP``); a JPEG stays a JPEG at
    ``quality``, other formats are written losslessly in their own format. CPU-bound: call it
    from a worker thread.
    """
    try:
        with Image.open(BytesIO(data), formats=sorted(formats)) as source:
            if source.width * source.height > MAX_PIXELS:
                raise NotAnImage(f"{source.width}x{source.height} pixels")
            kind = str(source.format)
            if kind == "JPEG":
                source.draft("RGB", (max_side, max_side))
            picture = ImageOps.exif_transpose(source)
            picture.load()
    except NotAnImage:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise NotAnImage("undecodable") from None
    picture.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    if kind == "JPEG" and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    out = BytesIO()
    if kind == "JPEG":
        picture.save(out, "JPEG", quality=quality, optimize=True)
    elif kind == "WEBP":
        picture.save(out, "WEBP", lossless=True)
    else:
        picture.save(out, "PNG", optimize=True)
    content_type, extension = _FORMATS[kind]
    return ReencodedImage(out.getvalue(), content_type, extension, picture.width, picture.height)
