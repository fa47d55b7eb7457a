# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import test_points
from . import test_discount_card
from . import test_gift_card
from . import test_visit_pack
from . import test_promotion_report
from . import test_access
from . import test_checkout_loyalty
