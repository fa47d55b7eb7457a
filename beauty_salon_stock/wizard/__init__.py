# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import beauty_visit_materials_return
from . import beauty_price_list_export
