# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import res_company
from . import res_config_settings
from . import beauty_resource_category
from . import beauty_consent
from . import res_partner
from . import beauty_message_log
from . import beauty_message_rule
from . import mail_template
from . import beauty_booking_attempt
from . import crm_lead
from . import resource_resource
from . import product_template
from . import hr_employee
from . import hr_employee_public
from . import beauty_availability
from . import beauty_visit
from . import beauty_visit_line
from . import beauty_busy_slot
from . import beauty_board
from . import sale_order
from . import sale_order_line
from . import beauty_demo
