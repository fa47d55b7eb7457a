# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import test_payroll_engine
from . import test_payroll_commission
from . import test_payroll_salary
from . import test_payroll_accounting
from . import test_payroll_access
from . import test_staff_performance
