# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import res_company
from . import res_config_settings
from . import loyalty_history
from . import loyalty_program
from . import loyalty_reward
from . import loyalty_card
from . import product_template
from . import beauty_visit_pack
from . import beauty_visit_pack_usage
from . import beauty_visit_pack_change
from . import sale_order
from . import sale_order_line
from . import account_move
from . import res_partner
from . import beauty_visit
from . import beauty_loyalty_demo
