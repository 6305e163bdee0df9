"""The field's formats: PLOVER and CAMEO exports, GDELT and ICEWS imports, PETRARCH dictionaries.

See docs/interop.md for the mappings and where they are lossy.
"""

from .cameo import CameoCode, CameoTable, PloverMapping, load_cameo, normalize_code
from .events import ImportReport
from .gdelt import GDELT_COLUMNS, read_gdelt
from .icews import ICEWS_COLUMNS, read_icews
from .petrarch import agents_yaml, kb_entries, kb_yaml, read_agents, read_petrarch
from .plover import ExportOptions, cameo_rows, plover_records, write_cameo, write_plover

__all__ = [
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "CameoCode",
    "CameoTable",
    "ExportOptions",
    "ImportReport",
    "PloverMapping",
    "agents_yaml",
    "cameo_rows",
    "kb_entries",
    "kb_yaml",
    "load_cameo",
    "normalize_code",
    "plover_records",
    "read_agents",
    "read_gdelt",
    "read_icews",
    "read_petrarch",
    "write_cameo",
    "write_plover",
]
