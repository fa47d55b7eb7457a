# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import res_company
from . import res_config_settings
from . import stock_warehouse
from . import stock_picking
from . import stock_move
from . import stock_valuation_layer
from . import product_pricelist
from . import product_template
from . import product_product
from . import beauty_salon_material
from . import beauty_cost_card
from . import beauty_cost_card_line
from . import beauty_visit_consumption
from . import beauty_visit
from . import beauty_visit_line
from . import beauty_stock_demo
