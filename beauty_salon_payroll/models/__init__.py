# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import res_company
from . import res_config_settings
from . import hr_employee
from . import beauty_payroll_scheme
from . import beauty_payroll_scheme_rule
from . import beauty_payroll_scheme_tier
from . import beauty_payroll_assignment
from . import beauty_payroll_batch
from . import beauty_payroll_sheet
from . import beauty_payroll_sheet_line
from . import beauty_payroll_adjustment
from . import beauty_payroll_timesheet
from . import beauty_visit_line
from . import sale_order_line
from . import account_move
from . import beauty_payroll_demo
