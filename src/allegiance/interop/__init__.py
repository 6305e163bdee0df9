"""The field's formats: PLOVER and CAMEO exports, GDELT and ICEWS imports, PETRARCH dictionaries.

See docs/interop.md for the mappings and where they are lossy.
"""

from .cameo import CameoCode, CameoTable, PloverMapping, load_cameo, normalize_code

__all__ = ["CameoCode", "CameoTable", "PloverMapping", "load_cameo", "normalize_code"]
