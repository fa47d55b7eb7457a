# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import beauty_salon_sql_report
from . import beauty_consumption_report
from . import beauty_profitability_report
from . import beauty_price_list_report
