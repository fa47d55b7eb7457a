# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import beauty_payroll_pay
from . import beauty_staff_performance_print
