# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import test_cost_card
from . import test_write_off
from . import test_branch_and_lots
from . import test_reports
from . import test_profitability
from . import test_low_stock
from . import test_price_list
from . import test_access
